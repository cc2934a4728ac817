import ArgumentParser
import AvtalCore
import AvtalPublishing
import Foundation

#if canImport(Glibc)
import Glibc
#endif

@main
struct Avtal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avtal",
        abstract: "Check, version and publish agreement texts kept in git.",
        version: "0.1.0",
        subcommands: [Init.self, Check.self, Build.self, Serve.self, Remiss.self, Responses.self, Versions.self, Diff.self, Amendments.self,
                      Export.self, Publish.self, Agree.self, History.self,
                      Templates.self]
    )

    /// Parses, runs, and leaves every exit status to `Reporting`.
    static func main() {
        if let message = RetiredVersionSpelling.message(for: Array(CommandLine.arguments.dropFirst())) {
            FileHandle.standardError.write(Data(errorLine(message).utf8))
            Foundation.exit(Reporting.cannotRun)
        }
        let command: ParsableCommand
        do { command = try parseAsRoot() } catch { Reporting.exit(with: error, from: nil) }
        do {
            var running = command
            try running.run()
        } catch {
            Reporting.exit(with: error, from: command)
        }
    }
}

/// A command that reads a corpus: its diagnostics are quoted with paths as the user gave `--root`.
protocol CorpusCommand: ParsableCommand {
    var corpus: CorpusOptions { get }
    /// What the user is told when the corpus has errors and the command refused to run.
    static var refusal: String { get }
}

extension CorpusCommand {
    static var refusal: String { "nothing was written: fix the errors above first (avtal check)" }
}

struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corpus folder, which holds agreement.yml.", valueName: "dir"))
    var root: String = "Agreement"

    var url: URL { URL(fileURLWithPath: root) }

    @Option(help: ArgumentHelp(
        "A folder of HTML templates that override the built-in ones, file by file (default: AVTAL_TEMPLATES, else Templates/ beside the corpus folder).",
        valueName: "dir"))
    var templates: String?

    var templateSearch: TemplateSearch {
        TemplateSearch(given: templates.map { URL(fileURLWithPath: $0) }, corpus: url)
    }
}

func shouldColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: true
    case .never: false
    case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, github, sarif
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}
