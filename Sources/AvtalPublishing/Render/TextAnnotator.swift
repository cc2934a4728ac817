import AvtalCore
import AvtalMarkdown
import Foundation

/// Marks up running text on the site: every statute citation links to the statute's official text,
/// with the statute's title in its accessible name, and the first use of a defined term in each
/// clause links to the term's entry on the glossary page.
final class TextAnnotator {
    let recognizer: CitationRecognizer?
    let statuteURL: String?
    let glossary: Glossary?
    let validFrom: CalendarDate?
    let glossaryPage: String
    /// Every form of every term, and the term each form belongs to: built once for a whole site.
    let terms: (index: PhraseIndex, termOfForm: [Int])?
    /// Terms already marked in the clause being rendered: one annotator per clause.
    private var marked: Set<Int> = []

    init(recognizer: CitationRecognizer?, statuteURL: String?, glossary: Glossary?,
         terms: (index: PhraseIndex, termOfForm: [Int])?, validFrom: CalendarDate?, glossaryPage: String) {
        self.recognizer = recognizer
        self.statuteURL = statuteURL
        self.glossary = glossary
        self.terms = terms
        self.validFrom = validFrom
        self.glossaryPage = glossaryPage
    }

    private struct Span {
        var range: Range<String.Index>
        var before: String
        var after: String
    }

    func annotate(_ text: String) -> [TextPiece]? {
        var spans: [Span] = []
        if let recognizer, let statuteURL {
            for citation in recognizer.citations(in: text) {
                guard let statute = statute(for: citation, registry: recognizer.registry) else { continue }
                let visible = String(text[citation.range])
                let url = statuteURL.replacingOccurrences(of: "{sfs}", with: statute.sfs)
                let name = "\(visible) – \(statute.title) (\(statute.sfs))"
                spans.append(Span(range: citation.range,
                                  before: "<a class=\"citation\" href=\"\(HTML.escape(url))\" aria-label=\"\(HTML.escape(name))\">",
                                  after: "</a>"))
            }
        }
        if let glossary, let terms {
            // Matches come in text order, so the first one of each term is its first use.
            for (form, range) in terms.index.matches(in: text) {
                let position = terms.termOfForm[form]
                guard !marked.contains(position), !spans.contains(where: { $0.range.overlaps(range) }) else { continue }
                marked.insert(position)
                spans.append(Span(range: range,
                                  before: "<a class=\"term\" href=\"\(glossaryPage)#\(HTML.escape(glossary.terms[position].id))\">",
                                  after: "</a>"))
            }
        }
        guard !spans.isEmpty else { return nil }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var pieces: [TextPiece] = []
        var cursor = text.startIndex
        for span in spans where span.range.lowerBound >= cursor {
            if cursor < span.range.lowerBound { pieces.append(.text(String(text[cursor..<span.range.lowerBound]))) }
            pieces.append(.wrapped(String(text[span.range]), before: span.before, after: span.after))
            cursor = span.range.upperBound
        }
        if cursor < text.endIndex { pieces.append(.text(String(text[cursor...]))) }
        return pieces
    }

    private func statute(for citation: Citation, registry: StatuteRegistry) -> Statute? {
        switch citation.reference {
        case let .abbreviation(abbreviation)?:
            let candidates = registry.statutes.filter { $0.abbreviations.contains(abbreviation) }
            guard let date = validFrom else { return candidates.first }
            return candidates.first { statute in
                statute.inForce <= date && (statute.repealedOn.map { $0 > date } ?? true)
            } ?? candidates.first
        case let .name(name, sfs)?:
            if let sfs { return registry.statute(sfs: sfs) }
            return registry.statutes.first { $0.names.contains(name.lowercased()) && $0.repealedOn == nil }
                ?? registry.statutes.first { $0.names.contains(name.lowercased()) }
        case let .number(sfs)?:
            return registry.statute(sfs: sfs)
        case .unknownAbbreviation?, nil:
            return nil
        }
    }

}
