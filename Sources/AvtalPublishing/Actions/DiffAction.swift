import AvtalCore
import Foundation

/// `avtal diff`: what changed between two versions, aligned by clause ID, and optionally the HTML
/// redline of it.
package enum DiffAction {
    /// `redline` is where the HTML redline goes; nil writes nothing.
    package static func run(root: URL, from: String, to: String, redline: URL?, templates: TemplateSearch) throws(ActionFailure) -> VersionDiff {
        let workspace = try Workspace.forAction(root: root)
        do {
            let diff = try VersionDiff.compute(from: from, to: to, in: workspace)
            if let redline {
                let html = try RedlineRenderer(templates: try templates.library()).render(
                    diff, fromTitle: VersionDiff.title(of: from, in: workspace), toTitle: VersionDiff.title(of: to, in: workspace))
                try OutputWriter.replaceFile(redline, with: Data(html.utf8), corpus: root)
            }
            return diff
        } catch {
            throw .wrapping(error)
        }
    }
}
