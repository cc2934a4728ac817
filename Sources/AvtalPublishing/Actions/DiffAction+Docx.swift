import AvtalCore
import Foundation

extension DiffAction {
    /// `avtal diff --format docx`: the redline as a Word file with tracked changes (see `RedlineDocx`).
    /// Pandoc is found before anything is computed, so without it nothing is written.
    package static func runDocx(root: URL, from: String, to: String, output: URL, templates: TemplateSearch,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) -> VersionDiff {
        let pandoc = try Pandoc.locate(environment: environment)
        let workspace = try Workspace.forAction(root: root)
        do {
            let diff = try VersionDiff.compute(from: from, to: to, in: workspace)
            let epoch = ExportAction.epoch(of: workspace.versions.contains { $0.id == to } ? to : from, in: workspace, environment: environment)
            let heading = "Ändringar från \(VersionDiff.title(of: from, in: workspace)) till \(VersionDiff.title(of: to, in: workspace))"
            let redline = RedlineDocx(diff: diff, heading: heading, workspace: workspace, epoch: epoch)
            let reference = try templates.library().binaryAsset(named: DocxExporter.referenceDocName)
            let job = Pandoc.Job(name: output.lastPathComponent, html: redline.html(),
                                 metadata: [("title", heading), ("subject", "\(from) → \(to)"), ("lang", "sv-SE")], epoch: epoch)
            guard let data = try pandoc.docx([job], referenceDoc: reference)[job.name] else {
                throw ActionFailure.cannotRun("pandoc wrote no \(job.name); nothing was written")
            }
            try OutputWriter.replaceFile(output, with: data, corpus: root, extensions: ["docx"])
            return diff
        } catch {
            throw .wrapping(error)
        }
    }
}
