import Foundation

/// How a document's clauses are numbered (`numbering` in the manifest's document entry).
public enum NumberingStyle: String, CaseIterable, Sendable {
    /// 3.2.1: the position in the tree. The default.
    case decimal
    /// 3 §, or 2 kap. 3 § when the paragraphs are under chapter headings, as statutes are numbered.
    case paragraph
    /// No numbers: references name the heading.
    case none
}

/// Numbers for a clause tree in any style. Decimal numbers are positions; paragraph numbers are
/// positions too, unless a heading states its own ("16 kap. Tillsyn", "4 §", "9 a §"): a statute
/// excerpt keeps its numbers, and the number is shown once, not once computed and once written.
public enum ClauseNumbering {
    public struct Node: Sendable {
        public var parent: Int?
        /// The heading as plain text.
        public var heading: String
        public var unnumbered: Bool

        public init(parent: Int?, heading: String, unnumbered: Bool) {
            (self.parent, self.heading, self.unnumbered) = (parent, heading, unnumbered)
        }
    }

    public struct Numbered: Sendable, Hashable {
        /// "3.2", "16 kap. 4 §", "4 §", "16 kap."; empty for a clause without a number.
        public var number: String
        /// How many characters at the start of the heading state its number ("16 kap. "), so that
        /// the heading is shown without them.
        public var writtenPrefix: Int
    }

    /// The numbers of `nodes`, given in document order (a parent before its children).
    public static func numbers(_ nodes: [Node], style: NumberingStyle) -> [Numbered] {
        var result = [Numbered](repeating: Numbered(number: "", writtenPrefix: 0), count: nodes.count)
        var lastOrdinal: [Int: Int] = [:]  // parent index (-1 for the top) → last number given
        let hasChapters = style == .paragraph && nodes.contains { $0.parent != nil && nodes[$0.parent!].parent == nil }
        for (i, node) in nodes.enumerated() {
            let parentNumber = node.parent.map { result[$0].number }
            if node.unnumbered || parentNumber?.isEmpty == true || style == .none { continue }
            let key = node.parent ?? -1
            switch style {
            case .decimal:
                let ordinal = (lastOrdinal[key] ?? 0) + 1
                lastOrdinal[key] = ordinal
                result[i].number = parentNumber.map { "\($0).\(ordinal)" } ?? String(ordinal)
            case .paragraph:
                let depth = node.parent == nil ? 0 : (nodes[node.parent!].parent == nil ? 1 : 2)
                let isChapter = hasChapters && depth == 0
                guard depth == (hasChapters ? 1 : 0) || isChapter else { continue }
                let written = writtenNumber(node.heading, sign: isChapter ? "kap." : "§")
                let ordinal = written?.ordinal ?? (lastOrdinal[key] ?? 0) + 1
                lastOrdinal[key] = ordinal
                let own = written?.number ?? String(ordinal)
                result[i].writtenPrefix = written?.prefix ?? 0
                result[i].number = isChapter ? "\(own) kap." : (parentNumber.map { "\($0) " } ?? "") + "\(own) §"
            case .none:
                break
            }
        }
        return result
    }

    /// "16 kap. Tillsyn" → ("16", 16, 8); "9 a §" → ("9 a", 9, 5). The number a heading states, its
    /// numeric part, and the length of the prefix that states it.
    static func writtenNumber(_ heading: String, sign: String) -> (number: String, ordinal: Int, prefix: Int)? {
        guard heading.first?.isNumber == true, let regex = sign == "§" ? paragraphPattern : chapterPattern,
              let match = regex.firstMatch(in: heading, range: NSRange(heading.startIndex..., in: heading)),
              let digits = Range(match.range(at: 1), in: heading), let ordinal = Int(heading[digits]),
              let whole = Range(match.range, in: heading)
        else { return nil }
        let letter = Range(match.range(at: 2), in: heading).map { " " + heading[$0] } ?? ""
        return (String(heading[digits]) + letter, ordinal, heading[whole].count)
    }

    // Compiled once: numbering runs for every clause of every version.
    private static let paragraphPattern = try? NSRegularExpression(pattern: #"^(\d+)(?: ([a-z]))? §(?:\s+|$)"#)
    private static let chapterPattern = try? NSRegularExpression(pattern: #"^(\d+)(?: ([a-z]))? kap\.(?:\s+|$)"#)

    /// The heading without the number it states.
    public static func title(_ heading: String, _ numbered: Numbered) -> String {
        String(heading.dropFirst(numbered.writtenPrefix))
    }
}
