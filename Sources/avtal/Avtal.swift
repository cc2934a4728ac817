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
        subcommands: [Check.self]
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
            result = try CheckAction.run(root: URL(fileURLWithPath: corpus.root))
        } catch {
            FileHandle.standardError.write(Data("avtal: error: \(error.description)\n".utf8))
            throw Status.cannotRun
        }
        let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: result.sources)
        switch format {
        case .human:
            print(formatter.human(result.diagnostics, summary: result.summary, color: useColor), terminator: "")
        case .json:
            print(formatter.json(result.diagnostics, summary: result.summary), terminator: "")
        case .github:
            print(formatter.github(result.diagnostics), terminator: "")
        }
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
            throw Status.problems
        }
    }

    private var useColor: Bool {
        switch color {
        case .always: true
        case .never: false
        case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}
