import AvtalCore
import Foundation

/// `avtal amendments`: a patch as the text of a Swedish ändringsbeslut, numbered as in the version
/// it produces.
package enum AmendmentsAction {
    package static func run(root: URL, patch: String, format: AmendmentRenderer.Format, templates: TemplateSearch) throws(ActionFailure) -> String {
        let workspace = try Workspace.forAction(root: root)
        do {
            let amendment = try Amendment.build(patchID: patch, in: workspace)
            return try AmendmentRenderer(templates: try templates.library()).render(amendment, format: format)
        } catch {
            throw .wrapping(error)
        }
    }
}
