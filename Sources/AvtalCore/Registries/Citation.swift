/// A citation found in text: "16 kap. 1 § andra stycket HSL", "6 kap. 2–4 §§ SoL", or a mention of
/// a statute by name: "lagen (2017:612) om samverkan …". Ranges are in the scanned string.
public struct Citation: Sendable {
    public enum Reference: Sendable, Hashable {
        case abbreviation(String)
        case name(String, sfs: String?)
        /// "lagen (2017:612)": only the number names it.
        case number(String)
        /// Something that reads as an abbreviation but is none the registry knows.
        case unknownAbbreviation(String)
    }

    /// One paragraph, or one range of them, of a compound citation: "4" and "11" in "8 kap. 4 eller
    /// 11 §", "2–4" in "2–4 och 7 §§". Each is checked against the registry on its own.
    public struct Part: Sendable, Hashable {
        public var first: String
        /// The end of a range.
        public var last: String?
        public var range: Range<String.Index>

        /// The paragraphs the part cites: "12–14" gives 12, 13 and 14. A range with a lettered end
        /// ("3 a–3 c") is taken at its ends.
        public var cited: [String] {
            guard let last else { return [first] }
            guard let low = Int(first), let high = Int(last), low <= high, high - low < 200 else { return [first, last] }
            return (low...high).map(String.init)
        }
    }

    public var range: Range<String.Index>
    public var chapter: String?
    public var chapterRange: Range<String.Index>?
    /// The chapter was written with an earlier citation joined to this one: "9 §" in "10 kap. 8 § och 9 §".
    public var chapterIsCarried = false
    /// Paragraph designations as written: ["3"], ["12", "14"] for a range, ["8 a"].
    public var paragraphs: [String]
    public var parts: [Part] = []
    public var isRange: Bool
    /// "4 eller 11 §": alternatives, of which one applies, take "§".
    public var isAlternatives = false
    public var dashRange: Range<String.Index>?
    public var dash: Character?
    public var sign: String?
    public var signRange: Range<String.Index>?
    public var reference: Reference?
    public var referenceRange: Range<String.Index>?
    /// "nedan HSL": the abbreviation this mention introduces.
    public var introduces: String?

    init(range: Range<String.Index>, chapter: String? = nil, paragraphs: [String], isRange: Bool,
         reference: Reference? = nil, referenceRange: Range<String.Index>? = nil) {
        (self.range, self.chapter, self.paragraphs, self.isRange) = (range, chapter, paragraphs, isRange)
        (self.reference, self.referenceRange) = (reference, referenceRange)
    }

    /// The paragraphs cited, ranges expanded.
    public var citedParagraphs: [String] { parts.isEmpty ? paragraphs : parts.flatMap(\.cited) }

    /// Reads "12–14", "8 och 9", "4 eller 11", "2–4, 7 och 9 a" into paragraphs and parts.
    mutating func parseParagraphs(_ text: Substring) {
        var start: String.Index?
        var end = text.startIndex
        var pendingFirst: (String, String.Index)?
        func flush(rangeEnd: Bool = false) {
            guard let from = start else { return }
            let value = String(text[from..<end])
            paragraphs.append(value)
            if rangeEnd, let (first, firstStart) = pendingFirst {
                parts.append(Part(first: first, last: value, range: firstStart..<end))
                pendingFirst = nil
            } else {
                parts.append(Part(first: value, range: from..<end))
            }
            start = nil
        }
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "–" || character == "-" {
                if let from = start {
                    pendingFirst = (String(text[from..<end]), from)
                    paragraphs.append(String(text[from..<end]))
                }
                start = nil
                isRange = true
                dash = character
                dashRange = index..<text.index(after: index)
            } else if character == "," || text[index...].hasPrefix(" och ") || text[index...].hasPrefix(" eller ") {
                flush(rangeEnd: pendingFirst != nil)
                if text[index...].hasPrefix(" eller ") { isAlternatives = true }
                if character == " " { index = text.index(index, offsetBy: text[index...].hasPrefix(" och ") ? 4 : 6) }
            } else if character != " " {
                // A space ends nothing by itself: "8 a" is one designation.
                if start == nil { start = index }
                end = text.index(after: index)
            }
            index = text.index(after: index)
        }
        flush(rangeEnd: pendingFirst != nil)
    }
}
