import AvtalCore
import Foundation

extension AmendmentsAction {
    /// `avtal amendments <patch> --format docx --output FILE`: the ändringsbeslut as a Word file, from
    /// the same Markdown that `--format markdown` prints, dated by the decision (or SOURCE_DATE_EPOCH).
    package static func runDocx(root: URL, patch: String, output: URL, templates: TemplateSearch,
                                environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) {
        let pandoc = try Pandoc.locate(environment: environment)
        let workspace = try Workspace.forAction(root: root)
        do {
            let amendment = try Amendment.build(patchID: patch, in: workspace)
            let library = try templates.library()
            var markdown = try AmendmentRenderer(templates: library).render(amendment, format: .markdown)
            // The title is the document's title block (Word's Title style, from the properties); the
            // Markdown's own first heading would say it twice.
            if markdown.hasPrefix("# "), let end = markdown.firstIndex(of: "\n") { markdown = String(markdown[markdown.index(after: end)...]) }
            let decided = "\(amendment.decidedOn)T00:00:00Z"
            let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init)
                ?? Int(ISO8601DateFormatter().date(from: decided)?.timeIntervalSince1970 ?? 315_532_800)
            let subject = "\(amendment.decidedBy), \(SwedishDate.format(amendment.decidedOn)) (version \(amendment.version))"
            let job = Pandoc.Job(name: output.lastPathComponent, html: markdown,
                                 metadata: [("title", amendment.title), ("subject", subject), ("lang", "sv-SE")],
                                 epoch: epoch, from: "commonmark")
            guard let data = try pandoc.docx([job], referenceDoc: try library.binaryAsset(named: DocxExporter.referenceDocName))[job.name] else {
                throw ActionFailure.cannotRun("pandoc wrote no \(job.name); nothing was written")
            }
            try OutputWriter.replaceFile(output, with: data, corpus: root, extensions: ["docx"])
        } catch {
            throw .wrapping(error)
        }
    }
}
