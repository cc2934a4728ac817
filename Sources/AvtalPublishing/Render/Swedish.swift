import AvtalCore

/// Dates as Swedish agreements write them: "den 1 januari 2027".
package enum SwedishDate {
    package static let months = [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ]

    /// "den 1 januari 2027".
    package static func format(_ date: CalendarDate) -> String {
        "den " + withoutArticle(date)
    }

    /// "1 januari 2027", for places where the sentence supplies its own "den".
    package static func withoutArticle(_ date: CalendarDate) -> String {
        let month = (1...12).contains(date.month) ? months[date.month - 1] : String(date.month)
        return "\(date.day) \(month) \(date.year)"
    }
}

/// Remiss facts in Swedish, shared by the package (letter, form) and the compilation of responses.
package enum SwedishText {
    /// "kl. 12.00 den 19 juni 2025".
    package static func deadline(_ settings: RemissSettings) -> String {
        let t = settings.deadlineTime
        let minute = t.minute < 10 ? "0\(t.minute)" : "\(t.minute)"
        return "kl. \(t.hour).\(minute) \(SwedishDate.format(settings.deadline))"
    }
}

/// Small pieces of Swedish prose shared by the renderers.
enum Swedish {
    /// "a", "a och b", "a, b och c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " och " + items.last!
        }
    }

    /// Clause numbers as the text names them: "punkt 4.2", "punkterna 9.1 och 9.2".
    static func clauses(_ numbers: [String]) -> String {
        (numbers.count == 1 ? "punkt " : "punkterna ") + list(numbers)
    }

    /// "två" … "tolv"; larger counts as digits, as Swedish style prescribes.
    static func count(_ n: Int) -> String {
        let words = ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]
        return n < words.count ? words[n] : String(n)
    }

    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// How a document refers to itself: "avtalet", "överenskommelsen", "bilagan".
    static func definite(_ kind: DocumentKind) -> String {
        switch kind {
        case .agreement: "avtalet"
        case .statutoryAgreement: "överenskommelsen"
        case .appendix: "bilagan"
        default: words(kind).definite
        }
    }

    /// "avtalets", "överenskommelsens", "bilagans".
    static func genitive(_ kind: DocumentKind) -> String {
        definite(kind) + "s"
    }

    /// A front matter value as a reader sees it: dates in Swedish style, no end date as "tills vidare".
    static func frontMatterValue(_ field: FrontMatterChange.Field, _ value: String) -> String {
        switch field {
        case .validFrom, .validTo:
            if value == EditableDocument.untilFurtherNotice { return "tills vidare" }
            if let date = CalendarDate(iso: value), date.isValid { return SwedishDate.format(date) }
            return value
        case .title, .shortTitle, .legalBasis:
            return value
        }
    }

    static func label(_ field: FrontMatterChange.Field) -> String {
        switch field {
        case .title: "Rubrik"
        case .shortTitle: "Kortnamn"
        case .validFrom: "Giltighet från och med"
        case .validTo: "Giltighet till och med"
        case .legalBasis: "Författningsstöd"
        }
    }

    /// "arbetstexten" for the working text, otherwise "version v2".
    static func versionLabel(_ id: String) -> String {
        id == VersionsFile.working ? "arbetstexten" : "version \(id)"
    }

    static func kindLabel(_ kind: PatchKind) -> String {
        switch kind {
        case .adjustment: "Justering"
        case .correction: "Rättelse"
        }
    }
}
