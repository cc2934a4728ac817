import AvtalMarkdown
import Foundation
import Yams

/// Turns one document's source into a `Document`: front matter, clause tree, references.
struct DocumentParser {
    let entry: Manifest.Entry
    let source: SourceFile
    let links: LinkContext
    // Settable in the module: the extensions in DocumentParser+*.swift report too.
    var diagnostics: [Diagnostic] = []

    init(entry: Manifest.Entry, source: SourceFile, links: LinkContext) {
        self.entry = entry
        self.source = source
        self.links = links
    }

    mutating func parse() -> Document {
        let (frontMatter, markdown, textStartLine) = readFrontMatter()
        let tree = parseMarkdown(markdown)
        var document = Document(
            entry: entry, source: source, frontMatter: frontMatter,
            clauses: [], references: [], clauseIndex: [:], textStartLine: textStartLine)
        buildClauses(tree, into: &document)
        collectAnchors(tree, into: &document)
        collectLinksAndHTML(tree, into: &document)
        return document
    }

    mutating func report(
        _ code: DiagnosticCode, _ summary: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fix: Fix? = nil
    ) {
        diagnostics.append(Diagnostic(code, summary, at: range, stage: .load, notes: notes, fix: fix))
    }


    /// A file with front matter of its own kind (a patient case): its YAML, and its text parsed for
    /// references, raw HTML and words, without clauses.
    mutating func parseWithoutClauses() -> (yaml: String?, closing: Int?, document: Document) {
        let (yaml, closing, markdown) = splitFrontMatter(what: "'\(source.path)'")
        let tree = parseMarkdown(markdown)
        var document = Document(entry: entry, source: source, frontMatter: nil, clauses: [], references: [],
                                clauseIndex: [:], textStartLine: (closing ?? 0) + 1)
        collectLinksAndHTML(tree, into: &document)
        return (yaml, closing, document)
    }

    /// The value tree of the text, and an error where it nests too deep: what lies deeper is not in
    /// the tree, so its references and words are not checked until the nesting is fixed.
    private mutating func parseMarkdown(_ markdown: String) -> MarkdownNode {
        let parsed = Markdown.parseDocument(markdown, extensions: .agreement)
        for place in parsed.tooDeep {
            let range = source.range(ByteRange(start: place, end: ByteLocation(line: place.line, column: place.column + 1)))
            report(.nestingTooDeep, "Markdown nests deeper than \(Markdown.nestingLimit) levels here", at: range,
                   notes: [DiagnosticNote("each block quote, list item, emphasis and link opens a level; "
                                          + "write the text with less nesting")])
        }
        return parsed.tree
    }
}
