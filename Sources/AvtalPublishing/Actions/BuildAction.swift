import AvtalCore
import Foundation

/// `avtal build`: the HTML site of the working text and every version, put in place as a whole.
package enum BuildAction {
    package struct Built: Sendable {
        package var output: URL
        /// The HTML pages written (assets not counted).
        package var pages: Int
    }

    /// `version` renders only that version (or `working`); nil renders all of them.
    package static func run(root: URL, templates: TemplateSearch, version: String?, output: URL) throws(ActionFailure) -> Built {
        let workspace = try Workspace.withoutErrors(root: root)
        let library = try templates.library()
        if let version, workspace.texts[version] == nil {
            let known = [VersionsFile.working] + workspace.versions.map(\.id)
            throw .cannotRun("no version '\(version)' (versions: \(known.joined(separator: ", ")))")
        }
        do {
            let builder = try SiteBuilder(workspace: workspace, templates: library)
            var pages = 0
            // Each page goes to the staging folder as it is rendered: the site is never whole in memory.
            try OutputWriter.replace(output, corpus: root) { staging in
                try builder.render(only: version, into: staging)
                pages = staging.paths.filter { $0.hasSuffix(".html") }.count
            }
            return Built(output: output, pages: pages)
        } catch {
            throw .wrapping(error)
        }
    }
}
