import AvtalCore
import AvtalMarkdown
import Foundation

/// What the site's offline search (`sok.html`, `sok.js`) searches in one version: every clause with
/// its number, ID, heading and plain text, and every glossary term. Written as `sokindex.js`, a
/// script that sets one global, because a page opened from disk (file://) may load a script but
/// may not fetch a JSON file beside it.
struct SearchIndex: Encodable, Equatable {
    static let format = "avtal-sokindex/1"
    static let fileName = "sokindex.js"
    static let global = "avtalSokindex"

    struct Clause: Encodable, Equatable {
        var document: String
        var documentTitle: String
        /// As readers see it ("3.1.2"); empty for an unnumbered clause.
        var number: String
        var id: String
        var heading: String
        /// The clause's own text without markup, references written as their labels.
        var text: String
        var href: String
    }

    struct Term: Encodable, Equatable {
        var term: String
        var abbreviation: String
        var forms: [String]
        var definition: String
        var href: String
    }

    var format = SearchIndex.format
    var version: String
    var clauses: [Clause]
    var terms: [Term]

    /// The script file: `window.avtalSokindex = {…};`. Keys are sorted so that the same input gives
    /// the same bytes; JSONEncoder escapes "/" and control characters, so corpus text stays a string.
    func script() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = Data("window.\(Self.global) = ".utf8)
        out.append(try encoder.encode(self))
        out.append(Data(";\n".utf8))
        return out
    }

    /// Markdown as the words a reader sees, blocks separated by a space so that the last word of a
    /// paragraph and the first of the next stay two words.
    static func plainText(_ markdown: String) -> String {
        var out = ""
        func visit(_ node: MarkdownNode) {
            switch node.kind {
            case .text, .code, .htmlInline: out += node.literal ?? ""
            case .codeBlock: out += (node.literal ?? "") + " "
            case .softBreak, .lineBreak: out += " "
            default:
                for child in node.children { visit(child) }
                if node.kind.isBlock { out += " " }
            }
        }
        // Clause bodies are nested at most `Markdown.nestingLimit` deep, so recursion is bounded.
        visit(Markdown.parse(markdown))
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

extension VersionSite {
    /// The search index of this version, from the same texts and labels as its pages.
    func searchIndex() -> SearchIndex {
        var clauses: [SearchIndex.Clause] = []
        for document in text.documents {
            let entry = document.entry
            document.walk { clause, path in
                let heading = labels.index[entry.id]?[clause.id]?.heading ?? SearchIndex.plainText(clause.heading)
                clauses.append(SearchIndex.Clause(
                    document: entry.id, documentTitle: document.frontMatter.shortTitle, number: document.number(at: path),
                    id: clause.id, heading: heading,
                    text: SearchIndex.plainText(labels.plainText(clause.body, from: entry)),
                    href: Layout.documentPages.href(document: entry.id, clause: clause.id, from: "")))
            }
        }
        let glossary = hasGlossary ? builder.workspace.context.glossary?.terms ?? [] : []
        let terms = glossary.sorted { $0.term.lowercased() < $1.term.lowercased() }.map { term in
            SearchIndex.Term(term: term.term, abbreviation: term.abbreviation ?? "", forms: term.forms,
                             definition: term.definition, href: "begrepp.html#\(term.id)")
        }
        return SearchIndex(version: id, clauses: clauses, terms: terms)
    }

    struct SearchPage {
        var indexFile: String
        var hasGlossary: Bool
    }

    func renderSearch() throws -> String {
        try builder.page("sok", SearchPage(indexFile: SearchIndex.fileName,
                                                   hasGlossary: hasGlossary),
                         frame: frame(title: "Sök", current: "sok.html"))
    }
}
