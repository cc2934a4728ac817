import AvtalCore
import AvtalMarkdown

/// Adjacent references read as one label: "punkterna 3.1–3.4", "punkterna 3.1, 3.4 och 5.2",
/// "3 och 4 §§", "16 kap. 3–5 §§"; across documents the document is named once, at the end.
extension ReferenceLabels {
    /// The text of each link of `run`, or nil when the run cannot be read as one label: its targets
    /// are in different documents or numbered in different styles, or one of them has no number or
    /// is a stycke or list item. Each link keeps its own target; only the texts are shared out.
    func runTexts(_ run: LinkRun, from entry: Manifest.Entry) -> [String]? {
        var numbers: [String] = []
        var documentID: String?
        var style: NumberingStyle?
        for destination in run.destinations {
            guard case let .success(.clause(targetDocument, clauseID)) = links.target(of: destination, from: entry),
                  documentID == nil || documentID == targetDocument,
                  let info = index[targetDocument]?[text.history.resolve(document: targetDocument, id: clauseID)],
                  !info.number.isEmpty, info.style != .none, style == nil || style == info.style
            else { return nil }
            (documentID, style) = (targetDocument, info.style)
            numbers.append(info.number)
        }
        guard let documentID, let document = text.document(documentID), numbers.count == run.destinations.count,
              var texts = style == .paragraph ? Self.paragraphTexts(numbers, lang: entry.lang) : Self.decimalTexts(numbers, lang: entry.lang)
        else { return nil }
        if documentID != entry.id { texts[texts.count - 1] = Self.label(texts[texts.count - 1], in: document, lang: entry.lang) }
        return texts
    }

    private static func decimalTexts(_ numbers: [String], lang: LabelLanguage) -> [String]? {
        var texts = numbers
        texts[0] = (lang == .en ? "sections " : "punkterna ") + texts[0]
        return texts
    }

    /// "3 §", "4 §" → "3", "4 §§"; "16 kap. 3 §", "16 kap. 4 §" → "16 kap. 3", "4 §§". Paragraphs of
    /// different chapters are not one label, nor are paragraphs in English text.
    private static func paragraphTexts(_ numbers: [String], lang: LabelLanguage) -> [String]? {
        guard lang == .sv else { return nil }
        let own = numbers.map { $0.hasSuffix(" §") ? String($0.dropLast(2)) : $0 }
        guard own.allSatisfy({ !$0.hasSuffix("kap.") }) else { return nil }
        func chapter(_ number: String) -> String {
            guard let range = number.range(of: "kap. ") else { return "" }
            return String(number[..<range.upperBound])
        }
        let first = chapter(own[0])
        guard own.allSatisfy({ chapter($0) == first }) else { return nil }
        var texts = own.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst(first.count)) }
        texts[texts.count - 1] += " §§"
        return texts
    }
}
