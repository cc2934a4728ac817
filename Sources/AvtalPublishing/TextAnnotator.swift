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
    /// Terms already marked in the clause being rendered: one annotator per clause.
    private var marked: Set<String> = []

    init(recognizer: CitationRecognizer?, statuteURL: String?, glossary: Glossary?, validFrom: CalendarDate?, glossaryPage: String) {
        self.recognizer = recognizer
        self.statuteURL = statuteURL
        self.glossary = glossary
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
                                  before: "<a class=\"citation\" href=\"\(Self.escape(url))\" aria-label=\"\(Self.escape(name))\">",
                                  after: "</a>"))
            }
        }
        if let glossary {
            for term in glossary.terms where !marked.contains(term.id) {
                let first = term.allForms.flatMap { WordFinder.ranges(of: $0, in: text) }
                    .filter { range in !spans.contains { $0.range.overlaps(range) } }
                    .min { $0.lowerBound < $1.lowerBound }
                guard let first else { continue }
                marked.insert(term.id)
                spans.append(Span(range: first,
                                  before: "<a class=\"term\" href=\"\(glossaryPage)#\(Self.escape(term.id))\">",
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

    static func escape(_ text: String) -> String { CompilationRenderer.escape(text) }
}
