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
        let tree = Markdown.parse(markdown, extensions: .agreement)
        var document = Document(
            entry: entry, source: source, frontMatter: frontMatter,
            clauses: [], references: [], clauseIndex: [:], textStartLine: textStartLine)
        buildClauses(tree, into: &document)
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
        let tree = Markdown.parse(markdown, extensions: .agreement)
        var document = Document(entry: entry, source: source, frontMatter: nil, clauses: [], references: [],
                                clauseIndex: [:], textStartLine: (closing ?? 0) + 1)
        collectLinksAndHTML(tree, into: &document)
        return (yaml, closing, document)
    }
}
