import ArgumentParser
import AvtalCore
import AvtalServer
import Foundation

struct Serve: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site of the working text and every version, rebuilt on every save.",
        discussion: """
        The site is rendered in memory and served over HTTP; nothing is written. Open pages reload when a file \
        in the corpus or the templates folder changes. With errors, pages keep the last good text and show the \
        problems in a banner. Stop with Ctrl-C.
        """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("The address to listen on. Other than the default, this makes the preview reachable from other machines.",
                               valueName: "address"))
    var host: String = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one (the URL printed names it).", valueName: "port"))
    var port: Int = 8000

    @Option(help: ArgumentHelp("How often, in milliseconds, the sources are looked at for changes.", valueName: "ms"))
    var poll: Int = 50

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard (10...10_000).contains(poll) else { throw ValidationError("--poll must be between 10 and 10000 ms") }
        guard !host.isEmpty else { throw ValidationError("--host must name an address") }
    }

    func run() throws {
        let options = PreviewServer.Options(root: corpus.url, templates: corpus.templateSearch, host: host,
                                            port: port, poll: Double(poll) / 1000)
        try PreviewServer.run(options, started: { url, state in
            Self.say("serving \(url)")
            if !state.diagnostics.isEmpty || state.failure != nil { Self.say(Self.summary(state)) }
        }, rebuilt: { state, seconds in
            let problems = state.diagnostics.isEmpty && state.failure == nil ? "" : ": " + Self.summary(state)
            Self.say("rebuilt in \(Int(seconds * 1000)) ms\(problems)")
        })
    }

    /// One line on standard output, written at once: a script reading the URL must not wait for a buffer.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func summary(_ state: PreviewSite.State) -> String {
        let errors = state.diagnostics.filter { $0.severity == .error }.count
        let counts = "\(errors) errors, \(state.diagnostics.count - errors) warnings (shown on the pages)"
        return state.failure.map { "\(counts); \($0.inertForTerminal)" } ?? counts
    }
}
