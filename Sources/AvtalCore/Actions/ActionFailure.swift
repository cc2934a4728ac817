import Foundation

/// Why an action stopped. Every action throws only this, so that a front end (the CLI, a test, a
/// server) tells "the texts have problems" from "the tool could not run" without knowing each
/// stage's own error types.
public enum ActionFailure: Error, Sendable, CustomStringConvertible {
    /// The corpus has errors, so nothing was written: nothing is built from broken text.
    case problems([Diagnostic], sources: [String: SourceFile])
    /// The action could not run: an unknown version, a missing folder, a failed write. The message
    /// says what is missing and what to do.
    case cannotRun(String)

    public var description: String {
        switch self {
        case let .problems(diagnostics, _): "\(diagnostics.count) problems"
        case let .cannotRun(message): message
        }
    }

    /// Wraps a stage's own error; its description is already written for people.
    public static func wrapping(_ error: any Error) -> ActionFailure {
        if let failure = error as? ActionFailure { return failure }
        return .cannotRun("\(error)")
    }
}
