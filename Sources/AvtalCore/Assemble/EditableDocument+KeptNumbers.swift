import Foundation

/// `numbering: keep`: a version amending a published one keeps every published number. A clause the
/// base has keeps its number; an inserted one takes the number before it with a letter ("9.4 a",
/// "9 a §", then "9.4 b"); a clause under an inserted one is numbered from 1 under it ("9.4 a.1").
/// A deleted number is simply no longer there: nothing moves up into it.
extension EditableDocument {
    /// The numbers of every clause, by path, given the base's numbers by clause ID.
    func keptNumbering(_ kept: [String: String]) -> [[Int]: String] {
        let style = entry.numbering
        let stated = style == .paragraph ? numbering : [:]
        var result: [[Int]: String] = [:]
        func number(_ children: [EditableClause], under parentPath: [Int], parentNumber: String?, parentIsNew: Bool) {
            let anyKept = children.contains { kept[$0.id] != nil }
            var previous: String?
            var fresh = 0
            for (index, child) in children.enumerated() {
                let path = parentPath + [index]
                var own = ""
                if child.unnumbered || parentNumber == "" || style == .none {
                    own = ""
                } else if let number = kept[child.id] {
                    own = number
                } else if let written = stated[path], written.writtenPrefix > 0 {
                    own = written.number  // a heading that states its number ("9 a §") has it
                } else if parentIsNew || !anyKept {
                    fresh += 1
                    own = Self.positional(fresh, under: parentNumber, style: style)
                } else {
                    own = Self.lettered(after: previous ?? Self.positional(0, under: parentNumber, style: style))
                }
                if !own.isEmpty { previous = own }
                result[path] = own
                number(child.children, under: path, parentNumber: own, parentIsNew: kept[child.id] == nil)
            }
        }
        number(clauses, under: [], parentNumber: nil, parentIsNew: false)
        return result
    }

    /// The `n`th clause under `parent` by position: "9.4 a.1"; "16 a kap. 1 §" in paragraph style.
    static func positional(_ n: Int, under parent: String?, style: NumberingStyle) -> String {
        guard style == .paragraph else { return parent.map { "\($0).\(n)" } ?? String(n) }
        guard let parent else { return "\(n) §" }
        return parent.hasSuffix("kap.") ? "\(parent) \(n) §" : ""
    }

    /// The number after `number` with a letter: "9.4" → "9.4 a", "9.4 a" → "9.4 b", "16 kap. 4 §" →
    /// "16 kap. 4 a §", "16 kap." → "16 a kap.".
    static func lettered(after number: String) -> String {
        guard !number.isEmpty,
              let regex = try? NSRegularExpression(pattern: #"^(.*?)(?: ([a-z]))?( §| kap\.)?$"#),
              let match = regex.firstMatch(in: number, range: NSRange(number.startIndex..., in: number)),
              let core = Range(match.range(at: 1), in: number)
        else { return number }
        let letter = Range(match.range(at: 2), in: number).map { number[$0] }
        let suffix = Range(match.range(at: 3), in: number).map { String(number[$0]) } ?? ""
        let next = letter.flatMap { $0.unicodeScalars.first }.map { String(Character(Unicode.Scalar($0.value + 1)!)) } ?? "a"
        return "\(number[core]) \(next)\(suffix)"
    }

    /// Every clause's number by path, computed once (`number(at:)` computes them all for one, in
    /// paragraph style and with kept numbers).
    public var numbersByPath: [[Int]: String] {
        if let keptNumbers { return keptNumbering(keptNumbers) }
        if entry.numbering != .decimal { return numbering.mapValues(\.number) }
        var numbers: [[Int]: String] = [:]
        walk { _, path in numbers[path] = number(at: path) }
        return numbers
    }

    /// Every clause's current number by ID: what a version that keeps numbers starts from.
    public var numbersByID: [String: String] {
        var numbers: [String: String] = [:]
        let all = numbersByPath
        walk { clause, path in numbers[clause.id] = all[path] ?? "" }
        return numbers
    }
}
