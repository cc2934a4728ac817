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
            let files = try SiteBuilder(workspace: workspace, templates: library).render(only: version)
            try OutputWriter.replace(output, with: files, corpus: root)
            return Built(output: output, pages: files.keys.filter { $0.hasSuffix(".html") }.count)
        } catch {
            throw .wrapping(error)
        }
    }
}
