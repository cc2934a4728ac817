import ArgumentParser
import AvtalCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses: 0 clean, 1 problems found, 2 the tool could not run.
enum Status {
    static let problems = ExitCode(1)
    static let cannotRun = ExitCode(2)
}

@main
struct Avtal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avtal",
        abstract: "Check, version and publish agreement texts kept in git.",
        version: "0.1.0",
        subcommands: [Check.self, Versions.self, Publish.self]
    )

    /// Argument errors exit with 2, not ArgumentParser's 64, so that CI can tell "the texts have
    /// problems" (1) from "the tool was called wrongly" (2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Status.cannotRun.rawValue)
            }
            exit(withError: error)
        }
    }
}

struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corpus folder, which holds agreement.yml.", valueName: "dir"))
    var root: String = "Agreement"

    var url: URL { URL(fileURLWithPath: root) }
}

/// Messages for people go to standard error; results go to standard output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("avtal: error: \(message)\n".utf8))
}

func shouldColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: true
    case .never: false
    case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, github
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the corpus: manifest, front matter, clause IDs and every cross-reference.",
        discussion: "Exit status: 0 clean, 1 problems found (warnings too with --strict), 2 the tool could not run."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: human, json or github (workflow commands for GitHub Actions).")
    var format: OutputFormat = .human

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Colour in human output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let result: CheckResult
        do {
            result = try CheckAction.run(root: corpus.url)
        } catch {
            printError(error.description)
            throw Status.cannotRun
        }
        let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: result.sources)
        switch format {
        case .human:
            print(formatter.human(result.diagnostics, summary: result.summary, color: shouldColor(color)), terminator: "")
        case .json:
            print(formatter.json(result.diagnostics, summary: result.summary), terminator: "")
        case .github:
            print(formatter.github(result.diagnostics), terminator: "")
        }
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
            throw Status.problems
        }
    }
}

struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the versions with their base, patches and status.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let workspace: Workspace
        do { workspace = try Workspace.load(root: corpus.url) } catch {
            printError(error.description)
            throw Status.cannotRun
        }
        if workspace.versions.isEmpty {
            print("no versions (\(VersionsFile.name) lists none)")
            return
        }
        for version in workspace.versions {
            let date = version.publishedOn.map { version.status == .published ? " on \($0)" : " (to be published \($0))" } ?? ""
            let built = workspace.texts[version.id] == nil ? "  (cannot be built: run avtal check)" : ""
            print("\(version.id)  \(version.status.rawValue)\(date)  base \(version.base)\(built)")
            print("  \(version.title)")
            for patchID in version.patches {
                let patch = workspace.patches[patchID]
                let detail = patch.map { "\($0.kind.rawValue), \($0.decidedBy) \($0.decidedOn): \($0.title)" } ?? "missing"
                print("  - \(patchID)  \(detail)")
            }
        }
    }
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Freeze a draft version: write its text and lock to versions/<id>/ and mark it published.",
        discussion: "Refuses when the corpus has errors. The date comes from the version's published-on, or --date.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The version to publish.")
    var version: String

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) when versions.yml gives none.", valueName: "date"))
    var date: String?

    func run() throws {
        var day: CalendarDate?
        if let date {
            guard let parsed = CalendarDate(iso: date), parsed.isValid else {
                printError("--date '\(date)' is not a date (YYYY-MM-DD)")
                throw Status.cannotRun
            }
            day = parsed
        }
        do {
            let published = try PublishAction.run(root: corpus.url, version: version, date: day)
            let clauses = published.lock.documents.reduce(0) { $0 + $1.clauses.count }
            print("published \(version): \(published.lock.documents.count) documents, \(clauses) clauses locked in \(corpus.root)/versions/\(version)/")
        } catch let failure as PublishAction.Failure {
            switch failure {
            case let .problems(diagnostics, sources):
                let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: sources)
                print(formatter.human(diagnostics, summary: nil, color: shouldColor(.auto)), terminator: "")
                printError("nothing was published: fix the errors above first")
                throw Status.problems
            case let .usage(message), let .io(message):
                printError(message)
                throw Status.cannotRun
            }
        }
    }
}
