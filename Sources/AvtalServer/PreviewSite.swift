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
        /// Where each problem's clause is on the preview (`/working/<document>.html#<clause>`), by the
        /// problem's range, for problems in a document of the working text.
        package var links: [SourceRange: String] = [:]
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

    /// Loads, checks and renders the corpus again, outside the lock, so pages keep being served from
    /// the previous site meanwhile. The working text is rendered first and handed to `announce` on its
    /// own (it is what an editor looks at, and a fraction of the site); then the whole site, with the
    /// paths whose bytes changed. `changed` is nil when every page must reload (the problems changed).
    @discardableResult
    package func rebuild(_ announce: (State, _ changed: [String]?) -> Void = { _, _ in }) -> State {
        let workspace: Workspace
        do {
            workspace = try Workspace.forAction(root: root)
        } catch {
            return publish(files: nil, diagnostics: [], failure: error.description, announce)
        }
        let diagnostics = Diagnostic.sortedForOutput(workspace.diagnostics)
        let links = Self.links(diagnostics, in: workspace.working)
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            return publish(files: nil, diagnostics: diagnostics, failure: nil, links: links, announce)
        }
        do {
            let builder = try SiteBuilder(workspace: workspace, templates: try templates.library())
            let previous = state.files
            let working = VersionsFile.working + "/"
            if !previous.isEmpty, workspace.texts[VersionsFile.working] != nil {
                // The root pages list every version, so they wait for the whole site below.
                var files = previous.filter { !$0.key.hasPrefix(working) }
                for (path, data) in try builder.render(only: VersionsFile.working) where path.hasPrefix(working) {
                    files[path] = data
                }
                publish(files: files, diagnostics: diagnostics, failure: nil, links: links, announce)
            }
            return publish(files: try builder.render(), diagnostics: diagnostics, failure: nil, links: links, announce)
        } catch {
            return publish(files: nil, diagnostics: diagnostics, failure: ActionFailure.wrapping(error).description, announce)
        }
    }

    /// Puts a rebuild in place (`files` nil keeps the last good site) and announces what changed;
    /// a rebuild that changed nothing is not announced.
    @discardableResult
    private func publish(files: [String: Data]?, diagnostics: [Diagnostic], failure: String?,
                         links: [SourceRange: String] = [:], _ announce: (State, [String]?) -> Void) -> State {
        let (state, changed): (State, [String]?) = lock.withLock {
            let problemsChanged = diagnostics != current.diagnostics || failure != current.failure
            var changed: [String] = []
            if let files {
                changed = Set(files.keys).union(current.files.keys).filter { files[$0] != current.files[$0] }.sorted()
                current.files = files
            }
            current.diagnostics = diagnostics
            current.failure = failure
            current.links = links
            if problemsChanged || !changed.isEmpty { current.generation += 1 }
            return (current, problemsChanged ? nil : changed)
        }
        if changed.map({ !$0.isEmpty }) ?? true { announce(state, changed) }
        return state
    }

    /// The clause each problem in a working document concerns: the last clause whose heading is at or
    /// before the problem's line; before the first heading, the document's page.
    static func links(_ diagnostics: [Diagnostic], in corpus: Corpus?) -> [SourceRange: String] {
        guard let corpus else { return [:] }
        let byFile = Dictionary(corpus.documents.map { ($0.source.path, $0) }, uniquingKeysWith: { first, _ in first })
        var links: [SourceRange: String] = [:]
        for diagnostic in diagnostics {
            guard let document = byFile[diagnostic.range.file] else { continue }
            let page = "/\(VersionsFile.working)/\(document.id).html"
            let clause = document.clauses.last { $0.headingRange.start.line <= diagnostic.range.start.line }
            links[diagnostic.range] = clause.map { "\(page)#\($0.id)" } ?? page
        }
        return links
    }
}
