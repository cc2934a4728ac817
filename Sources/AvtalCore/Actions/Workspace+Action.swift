import Foundation

extension Workspace {
    /// Loads the corpus for an action; a missing or unreadable corpus means the action cannot run.
    public static func forAction(root: URL) throws(ActionFailure) -> Workspace {
        do { return try load(root: root) } catch { throw .cannotRun(error.description) }
    }

    /// Loads the corpus and refuses it when it has errors, before anything is rendered or written.
    public static func withoutErrors(root: URL) throws(ActionFailure) -> Workspace {
        let workspace = try forAction(root: root)
        let errors = workspace.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .problems(Diagnostic.sortedForOutput(errors), sources: workspace.sources) }
        return workspace
    }
}
