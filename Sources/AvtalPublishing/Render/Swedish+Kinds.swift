import AvtalCore

/// Swedish that follows the data: number and gender of the nouns for documents and their kinds.
extension Swedish {
    /// "ett dokument", "två dokument", "13 dokument".
    static func documents(_ n: Int) -> String {
        "\(count(n, neuter: true)) dokument"
    }

    /// `count(_:)` with "ett" for one of a neuter noun ("ett avtal", "ett dokument").
    static func count(_ n: Int, neuter: Bool) -> String {
        n == 1 && neuter ? "ett" : count(n)
    }

    /// "ett avtal", "två avtal"; "en lagreglerad överenskommelse", "fyra lagreglerade överenskommelser";
    /// "en bilaga", "två bilagor".
    static func indefinite(_ kind: DocumentKind, count n: Int) -> String {
        switch kind {
        case .agreement: return "\(count(n, neuter: true)) avtal"
        case .statutoryAgreement: return n == 1 ? "en lagreglerad överenskommelse" : "\(count(n)) lagreglerade överenskommelser"
        case .appendix: return n == 1 ? "en bilaga" : "\(count(n)) bilagor"
        default:
            let wording = words(kind)
            return n == 1 ? "\(count(1, neuter: wording.neuter)) \(wording.label.lowercased())" : "\(count(n)) \(wording.plural)"
        }
    }

    /// "avtalet" or "avtalen", "överenskommelsen" or "överenskommelserna", "bilagan" or "bilagorna".
    static func definite(_ kind: DocumentKind, count n: Int) -> String {
        guard n > 1 else { return definite(kind) }
        switch kind {
        case .agreement: return "avtalen"
        case .statutoryAgreement: return "överenskommelserna"
        case .appendix: return "bilagorna"
        default: return words(kind).definitePlural
        }
    }

    /// The kinds of `kinds`, in the order agreement, statutory agreement, appendix, with how many of each.
    static func tally(_ kinds: [DocumentKind]) -> [(kind: DocumentKind, count: Int)] {
        // Declared kinds after the built-in ones, in the order they first occur.
        var order = DocumentKind.allCases
        for kind in kinds where !order.contains(kind) { order.append(kind) }
        return order.compactMap { kind in
            let n = kinds.filter { $0 == kind }.count
            return n == 0 ? nil : (kind, n)
        }
    }

    /// A declared kind's nouns; a kind without them (which the loader does not make) by its ID.
    static func words(_ kind: DocumentKind) -> DocumentKind.Wording {
        kind.wording ?? .init(label: kind.rawValue, definite: kind.rawValue, plural: kind.rawValue,
                              definitePlural: kind.rawValue, neuter: false, labelEnglish: nil)
    }

    /// Where terms apply, from the kinds of a version's documents: "i hela avtalet, i
    /// överenskommelserna och i bilagan"; "i hela överenskommelsen".
    static func throughout(_ kinds: [DocumentKind]) -> String {
        let parts = tally(kinds).enumerated().map { index, entry in
            (index == 0 ? "i hela " : "i ") + definite(entry.kind, count: entry.count)
        }
        return list(parts)
    }
}
