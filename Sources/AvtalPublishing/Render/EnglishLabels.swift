import AvtalCore
import AvtalMarkdown

/// References in a document whose `lang` is `en`: "section 3.2", "sections 3.1–3.4",
/// "section 3.2, second paragraph", "section 5 of the Data Processing Agreement".
enum EnglishLabels {
    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                           "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
                           "seventeenth", "eighteenth", "nineteenth", "twentieth"]

    static func ordinal(_ n: Int) -> String {
        if n >= 1, n <= ordinals.count { return ordinals[n - 1] }
        let lastTwo = n % 100
        let suffix = (11...13).contains(lastTwo) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
        return "\(n)\(suffix)"
    }

    /// "section 3.2"; a paragraph-style number in English words: "16 kap. 4 §" is "chapter 16, section 4".
    static func clauseName(_ number: String, style: NumberingStyle) -> String {
        guard style == .paragraph else { return "section \(number)" }
        var parts: [String] = []
        var rest = Substring(number)
        if let kap = rest.range(of: " kap.") {
            parts.append("chapter \(rest[..<kap.lowerBound])")
            rest = rest[kap.upperBound...].drop { $0 == " " }
        }
        if rest.hasSuffix(" §") { parts.append("section \(rest.dropLast(2))") }
        return parts.joined(separator: ", ")
    }

    /// ", second paragraph", ", first paragraph, item 2", ", third bullet".
    static func part(_ position: AnchorPosition) -> String {
        let paragraph = "\(ordinal(position.paragraph)) paragraph"
        switch position.kind {
        case .paragraph: return ", \(paragraph)"
        case .numberedItem:
            return position.paragraphCount > 1 ? ", \(paragraph), item \(position.item)" : ", item \(position.item)"
        case .bulletItem:
            let item = "\(ordinal(position.item)) bullet"
            return position.paragraphCount > 1 ? ", \(paragraph), \(item)" : ", \(item)"
        }
    }
}
