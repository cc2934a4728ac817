import AvtalCore
import AvtalPublishing
import Foundation

/// The site the preview serves, kept in memory and replaced whole on each good rebuild. A corpus
/// with errors leaves the last good site in place and only changes the diagnostics shown over it,
/// so that a half-typed reference never blanks the page the editor is looking at.
package final class PreviewSite: @unchecked Sendable {
    /// What one rebuild found: the files to serve and the problems to show over them.
    package struct State: Sendable {
        package var files: [String: Data]
        /// Errors and warnings of the current sources, in output order. With errors, `files` is the
        /// last good site (or empty, if there never was one).
        package var diagnostics: [Diagnostic]
        /// A failure that is not a diagnostic (a broken template, an unreadable corpus folder).
        package var failure: String?
        /// Counts rebuilds, so that a page can tell whether it shows the newest one.
        package var generation: Int
    }

    let root: URL
    let templates: TemplateSearch
    private let lock = NSLock()
    private var current = State(files: [:], diagnostics: [], failure: nil, generation: 0)

    package init(root: URL, templates: TemplateSearch) {
        self.root = root
        self.templates = templates
    }

    package var state: State { lock.withLock { current } }

    /// Loads, checks and renders the corpus again; the rendering happens outside the lock, so pages
    /// keep being served from the previous site meanwhile.
    @discardableResult
    package func rebuild() -> State {
        var files: [String: Data]?
        var diagnostics: [Diagnostic] = []
        var failure: String?
        do {
            let workspace = try Workspace.forAction(root: root)
            diagnostics = Diagnostic.sortedForOutput(workspace.diagnostics)
            if !diagnostics.contains(where: { $0.severity == .error }) {
                let builder = try SiteBuilder(workspace: workspace, templates: try templates.library())
                files = try builder.render()
            }
        } catch {
            failure = ActionFailure.wrapping(error).description
        }
        return lock.withLock {
            if let files { current.files = files }
            current.diagnostics = diagnostics
            current.failure = failure
            current.generation += 1
            return current
        }
    }
}
