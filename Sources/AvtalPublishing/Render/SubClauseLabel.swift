import AvtalCore
import AvtalMarkdown

/// How a stycke or list item is named after its clause, as Swedish legal drafting names them:
/// "andra stycket", "första stycket 2" (a numbered item of the stycke that introduces its list),
/// "tredje strecksatsen" (a bullet item). A bullet item names its stycke only when the clause has more
/// than one; a numbered item does too, since "punkt 3.2 2" would read as one number, except in
/// paragraph style, where "3 § 2" is how statutes cite it.
enum SubClauseLabel {
    static let ordinals = ["första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde",
                           "tionde", "elfte", "tolfte", "trettonde", "fjortonde", "femtonde", "sextonde",
                           "sjuttonde", "artonde", "nittonde", "tjugonde"]

    /// "första" … "tjugonde", then "21:a", "22:a", "23:e" as Swedish writes larger ordinals in digits.
    static func ordinal(_ n: Int) -> String {
        if n >= 1, n <= ordinals.count { return ordinals[n - 1] }
        let lastTwo = n % 100, last = n % 10
        return "\(n):" + ((last == 1 || last == 2) && lastTwo != 11 && lastTwo != 12 ? "a" : "e")
    }

    /// In paragraph style a numbered item of a paragraph of one stycke is "3 § 2", as statutes cite it.
    static func swedish(_ position: AnchorPosition, style: NumberingStyle = .decimal) -> String {
        let paragraph = "\(ordinal(position.paragraph)) stycket"
        switch position.kind {
        case .paragraph: return paragraph
        case .numberedItem:
            if style == .paragraph, position.paragraphCount == 1 { return String(position.item) }
            return "\(paragraph) \(position.item)"
        case .bulletItem:
            let item = "\(ordinal(position.item)) strecksatsen"
            return position.paragraphCount > 1 ? "\(paragraph) \(item)" : item
        }
    }
}
