import AvtalCore
import Foundation

/// A version's texts as the HTML that pandoc turns into Word: the clause tree with its computed
/// numbers in headings whose IDs are the clause IDs (pandoc makes them bookmarks), references as links
/// to those IDs, citations as links to the statute, and a title block with the document's facts. No
/// navigation, permalinks or screen-reader extras: a Word document has its own.
extension VersionSite {
    /// "Remissversion (remiss-2025), publicerad den 1 februari 2025": the running header's second half.
    var exportSubject: String {
        "\(builder.versionTitle(id)) (\(id)), \(builder.versionStatus(id))"
    }

    /// One document on its own: its clauses from heading level 1, references to other documents as
    /// links to their own .docx files.
    func exportDocumentHTML(_ document: EditableDocument) -> String {
        let rendered = rendered(document)
        let clauses = clauses(of: document, rendered, layout: .documentPages, baseLevel: 1)
        var body = titleBlock(document)
        body += rendered.preamble.html(.documentPages)
        body += Self.exportClausesHTML(clauses)
        let others = Set(text.documents.map(\.entry.id))
        return Self.exportPage(title: document.frontMatter.title, body: Self.exportLinks(body, documents: others))
    }

    /// Every document of the version in one file: each under a level 1 heading whose ID is the
    /// document's, clause IDs as the single page names them ("document--clause").
    func exportAllHTML() -> String {
        var body = ""
        for document in text.documents {
            let rendered = rendered(document)
            let clauses = clauses(of: document, rendered, layout: .singlePage, baseLevel: 2)
            body += "<h1 id=\"\(HTML.escape(document.entry.id))\">\(HTML.escape(document.frontMatter.title))</h1>\n"
            body += titleBlock(document)
            body += rendered.preamble.html(.singlePage)
            body += Self.exportClausesHTML(clauses)
        }
        return Self.exportPage(title: builder.siteTitle, body: Self.exportLinks(body, documents: []))
    }

    /// The document's facts under its title: kind, validity, legal basis and the version.
    func titleBlock(_ document: EditableDocument) -> String {
        let front = document.frontMatter
        var lines = [Self.kindLabel(front.kind), "Giltighetstid: \(validity(front))"]
        if !front.legalBasis.isEmpty { lines.append("Rättslig grund: \(front.legalBasis.joined(separator: "; "))") }
        lines.append("Version: \(exportSubject)")
        return lines.map { "<p>\(HTML.escape($0))</p>\n" }.joined()
    }

    /// The clause tree as headings and bodies, every value escaped here; heading and body HTML come from cmark.
    static func exportClausesHTML(_ clauses: [ClauseContext]) -> String {
        var out = ""
        func write(_ clause: ClauseContext) {
            let number = clause.number.isEmpty ? "" : HTML.escape(clause.number) + " "
            out += "<\(clause.tag) id=\"\(HTML.escape(clause.anchor))\">\(number)\(clause.headingHTML)</\(clause.tag)>\n"
            out += clause.bodyHTML
            for child in clause.children { write(child) }
        }
        for clause in clauses { write(clause) }
        return out
    }

    static func exportPage(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(HTML.escape(title))</title>\n</head>\n<body>\n"
            + body + "</body>\n</html>\n"
    }

    /// Term links point into the site's glossary, which a Word file does not have: the term stays as
    /// text. A link to another document's page points to that document's .docx instead. An image is
    /// its description: pandoc would fetch its address, and a text must not make avtal go online.
    static func exportLinks(_ html: String, documents: Set<String>) -> String {
        let images = html.replacing(/<img [^>]*?alt="([^"]*)"[^>]*>/) { String($0.output.1) }
        let terms = images.replacing(/<a class="term" href="[^"]*">(.*?)<\/a>/) { String($0.output.1) }
        return terms.replacing(/href="([A-Za-z0-9._-]+)\.html/) { match in
            documents.contains(String(match.output.1)) ? "href=\"\(match.output.1).docx" : String(match.output.0)
        }
    }
}
