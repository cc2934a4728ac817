import ArgumentParser
import AvtalCore
import Foundation

/// The one place that turns what happened into an exit status: 0 clean, 1 problems found, 2 the tool
/// could not run (argument errors included, not ArgumentParser's 64, so that CI can tell "the texts
/// have problems" from "the tool was called wrongly").
enum Reporting {
    static let problems: Int32 = 1
    static let cannotRun: Int32 = 2

    /// Thrown by a command that has already printed the problems it found.
    struct ProblemsReported: Error {}

    /// What to print on standard error, and the status to exit with.
    struct Outcome: Equatable {
        var status: Int32
        var message: String
    }

    static func exit(with error: any Error, from command: (any ParsableCommand)?) -> Never {
        guard let outcome = outcome(of: error, from: command) else { Avtal.exit(withError: error) }
        FileHandle.standardError.write(Data(outcome.message.utf8))
        Foundation.exit(outcome.status)
    }

    /// Nil for what ArgumentParser reports itself: help, the version, an `ExitCode`.
    static func outcome(of error: any Error, from command: (any ParsableCommand)?) -> Outcome? {
        switch error {
        case is ProblemsReported:
            return Outcome(status: problems, message: "")
        case let failure as ActionFailure:
            return outcome(ofAction: failure, from: command)
        case let failure as PublishAction.Failure:
            switch failure {
            case let .problems(diagnostics, sources): return outcome(ofAction: .problems(diagnostics, sources: sources), from: command)
            case let .usage(message), let .io(message): return outcome(ofAction: .cannotRun(message), from: command)
            }
        case is ExitCode, is CleanExit:
            return nil
        default:
            switch Avtal.exitCode(for: error) {
            case .validationFailure: return Outcome(status: cannotRun, message: Avtal.fullMessage(for: error) + "\n")
            case .success: return nil  // --help and --version, which ArgumentParser prints
            default: break
            }
            return outcome(ofAction: .cannotRun("\(error)"), from: command)
        }
    }

    /// Errors found in the corpus are quoted with their source lines, then the refusal.
    static func outcome(ofAction failure: ActionFailure, from command: (any ParsableCommand)?) -> Outcome {
        switch failure {
        case let .problems(diagnostics, sources):
            let corpusCommand = command as? any CorpusCommand
            let formatter = DiagnosticFormatter(pathPrefix: corpusCommand?.corpus.root ?? "", sources: sources)
            let refusal = corpusCommand.map { type(of: $0).refusal } ?? "nothing was written: fix the errors above first"
            return Outcome(status: problems, message: formatter.human(diagnostics, summary: nil, color: false) + errorLine(refusal))
        case let .cannotRun(message):
            return Outcome(status: cannotRun, message: errorLine(message))
        }
    }
}

/// Messages for people go to standard error; results go to standard output. A message can quote a
/// path or a value from outside, so it is shown inert: one line, nothing that acts on the terminal.
func errorLine(_ message: String) -> String {
    "avtal: error: \(message.inertForTerminal)\n"
}
