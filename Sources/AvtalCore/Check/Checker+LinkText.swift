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

    /// A computed number as link text states it: "16 kap. 4 §" as "16.4", "3.2" as it is.
    static func comparable(_ number: String) -> String {
        number.contains("§") ? statedNumber(in: number) ?? number : number
    }

    static func linkTextMismatches(in document: Document, documents: [String: Document], history: IDHistory) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Each target's numbers once: in paragraph style or with kept numbers a number is not a lookup.
        var numbersOf: [String: [String]] = [:]
        func numbers(_ target: Document) -> [String] {
            if let known = numbersOf[target.id] { return known }
            let computed = target.clauses.indices.map(target.number(of:))
            numbersOf[target.id] = computed
            return computed
        }
        for reference in document.references where !reference.text.isEmpty && !reference.isImage {
            if let mismatch = labelMismatch(reference, in: document, documents: documents) {
                diagnostics.append(mismatch)
                continue
            }
            guard case let .clause(documentID, id) = reference.target, let target = documents[documentID],
                  let index = target.clause(holding: id) ?? target.clause(holding: history.resolve(document: documentID, id: id)),
                  let stated = statedNumber(in: reference.text)
            else { continue }
            let actual = numbers(target)[index]
            guard stated != comparable(actual) else { continue }
            let what = actual.isEmpty ? "an unnumbered clause ('\(target.clauses[index].heading)')" : "clause \(actual)"
            var notes = [DiagnosticNote("numbers are computed: a link without text, [](\(reference.destination)), always shows the right one")]
            if let other = numbers(target).map(comparable).firstIndex(of: stated) {
                notes.append(DiagnosticNote("clause \(stated) is '\(target.clauses[other].id)' (\(target.clauses[other].heading)): if that is the one meant, link to it"))
            }
            diagnostics.append(Diagnostic(
                .linkTextMismatch, "Link text '\(reference.text)' states \(stated), but '\(id)' is \(what)",
                at: reference.range, stage: .check, notes: notes, fix: emptyTextFix(reference, in: document)))
        }
        return diagnostics
    }

    /// The number of a document label a text states, "2" in "bilaga 2" or "Appendix 2"; nil without one.
    static func statedLabel(in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: #"(?i)\b(?:bilaga|bilagan|appendix|schedule|annex)\s+(\d+(?:\s?[a-z]\b)?)"#),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let number = Range(match.range(at: 1), in: text)
        else { return nil }
        return text[number].lowercased().replacingOccurrences(of: " ", with: "")
    }

    /// Link text naming a document label ("bilaga 2") that is not the label of the document it links
    /// into. Only documents the manifest gives a numbered `label` are checked.
    private static func labelMismatch(_ reference: Reference, in document: Document, documents: [String: Document]) -> Diagnostic? {
        let targetID: String
        switch reference.target {
        case let .document(id), let .clause(id, _): targetID = id
        default: return nil
        }
        guard let target = documents[targetID], let label = target.entry.label, let actual = statedLabel(in: label),
              let stated = statedLabel(in: reference.text), stated != actual
        else { return nil }
        var notes = [DiagnosticNote("a link without text, [](\(reference.destination)), names the document by its label")]
        if let other = documents.values.sorted(by: { $0.id < $1.id }).first(where: { $0.entry.label.flatMap(statedLabel) == stated }),
           let otherLabel = other.entry.label {
            notes.append(DiagnosticNote("\(otherLabel) is '\(other.id)': if that is the one meant, link to it"))
        }
        return Diagnostic(.linkTextMismatch, "Link text '\(reference.text)' names label \(stated), but '\(targetID)' is \(label)",
                          at: reference.range, stage: .check, notes: notes, fix: emptyTextFix(reference, in: document))
    }

    /// Empties an inline link's text, so that the label is computed from the target.
    private static func emptyTextFix(_ reference: Reference, in document: Document) -> Fix? {
        let written = document.source.text(in: reference.range)
        guard written.hasPrefix("["), written.hasSuffix("](\(reference.destination))") else { return nil }
        return Fix("leave the text empty: '[](\(reference.destination))'", range: reference.range,
                   replacement: "[](\(reference.destination))")
    }
}
