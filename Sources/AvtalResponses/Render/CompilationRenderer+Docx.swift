import AvtalCore
import AvtalPublishing
import Foundation

/// The summary as a Word file, for a board's tjänsteskrivelse: the same page as `sammanstallning.html`
/// without what only a browser uses (the filter form, the scripts, the figures, whose numbers are in
/// the tables beside them), written by pandoc with the templates' reference document.
extension CompilationRenderer {
    package static let docxName = "sammanstallning.docx"

    package func docx(pandoc: Pandoc, epoch: Int) throws -> Data {
        let reference: Data
        do { reference = try templates.binaryAsset(named: DocxExporter.referenceDocName) } catch { throw ActionFailure.cannotRun("\(error)") }
        let job = Pandoc.Job(name: Self.docxName, html: Self.forWord(try html()),
                             metadata: [("title", "Sammanställning av remissvar – \(versionTitle)"), ("lang", "sv-SE")], epoch: epoch)
        let files = try pandoc.docx([job], referenceDoc: reference)
        guard let data = files[Self.docxName] else { throw ActionFailure.cannotRun("pandoc wrote no \(Self.docxName)") }
        return data
    }

    /// The page without its interactive and drawn parts. The page is avtal's own markup, and every
    /// response's text in it is escaped, so these elements can only be the template's.
    static func forWord(_ html: String) -> String {
        var out = html
        // The page frame too: the skip link, the banner and the footer belong to the web page.
        if let start = out.range(of: "<a class=\"skip-link\""), let end = out.range(of: "</a>", range: start.upperBound..<out.endIndex) {
            out.removeSubrange(start.lowerBound..<end.upperBound)
        }
        for element in ["script", "style", "form", "svg", "noscript", "header", "footer"] {
            while let start = out.range(of: "<\(element)"),
                  let end = out.range(of: "</\(element)>", range: start.upperBound..<out.endIndex) {
                out.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        // pandoc writes the title from the metadata, as the Word file's title and its first line.
        if let start = out.range(of: "<h1"), let end = out.range(of: "</h1>", range: start.upperBound..<out.endIndex) {
            out.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return out
    }
}
