import Foundation

/// Link text that states a number: "punkt 12", "avsnitt 4.2", "Section 12", "12 §", "2 kap. 3 §".
/// Such a text goes stale when clauses are inserted or moved, while `[](#id)` is always computed.
extension Checker {
    /// The number a link text states, as "3.2"; nil for text without one ("villkoren nedan").
    static func statedNumber(in text: String) -> String? {
        let number = #"(\d+(?:\.\d+)*)"#
        let patterns = [
            #"(?i)\b(?:punkt(?:en|erna)?|avsnitt(?:et)?|section|clause|article|kapitel)\s+"# + number,
            #"(?i)\b(\d+)\s*kap\.\s*(\d+)\s*§"#,
            number + #"\s*§"#,
        ]
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            else { continue }
            let groups = (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: text).map { String(text[$0]) } }
            return groups.joined(separator: ".")
        }
        return nil
    }

    static func linkTextMismatches(in document: Document, documents: [String: Document], history: IDHistory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in document.references where !reference.text.isEmpty && !reference.isImage {
            guard case let .clause(documentID, id) = reference.target, let target = documents[documentID],
                  let index = target.clauseIndex[id] ?? target.clauseIndex[history.resolve(document: documentID, id: id)],
                  let stated = statedNumber(in: reference.text)
            else { continue }
            let actual = target.number(of: index)
            guard stated != actual else { continue }
            let what = actual.isEmpty ? "an unnumbered clause ('\(target.clauses[index].heading)')" : "clause \(actual)"
            var notes = [DiagnosticNote("numbers are computed: a link without text, [](\(reference.destination)), always shows the right one")]
            if let other = target.clauses.indices.first(where: { target.number(of: $0) == stated }) {
                notes.append(DiagnosticNote("clause \(stated) is '\(target.clauses[other].id)' (\(target.clauses[other].heading)): if that is the one meant, link to it"))
            }
            diagnostics.append(Diagnostic(
                .linkTextMismatch, "Link text '\(reference.text)' states \(stated), but '\(id)' is \(what)",
                at: reference.range, stage: .check, notes: notes, fix: emptyTextFix(reference, in: document)))
        }
        return diagnostics
    }

    /// Empties an inline link's text, so that the label is computed from the target.
    private static func emptyTextFix(_ reference: Reference, in document: Document) -> Fix? {
        let written = document.source.text(in: reference.range)
        guard written.hasPrefix("["), written.hasSuffix("](\(reference.destination))") else { return nil }
        return Fix("leave the text empty: '[](\(reference.destination))'", range: reference.range,
                   replacement: "[](\(reference.destination))")
    }
}
