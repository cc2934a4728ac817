import Foundation

extension Workspace {
    /// Loads the corpus for an action; a missing or unreadable corpus means the action cannot run.
    public static func forAction(root: URL, scope: String? = nil) throws(ActionFailure) -> Workspace {
        do { return try load(root: root, scope: scope) } catch { throw .cannotRun(error.description) }
    }

    /// Loads the corpus and refuses it when it has errors, before anything is rendered or written.
    /// `scope` loads only what one published version's package needs (see `load(root:scope:)`).
    public static func withoutErrors(root: URL, scope: String? = nil) throws(ActionFailure) -> Workspace {
        let workspace = try forAction(root: root, scope: scope)
        let errors = workspace.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .problems(Diagnostic.sortedForOutput(errors), sources: workspace.sources) }
        return workspace
    }
}
