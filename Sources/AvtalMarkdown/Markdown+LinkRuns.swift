import CMarkGFM

/// Ranges and lists of references: `[](#a)–[](#b)` and `[](#a), [](#b) och [](#c)`.
extension Markdown {
    /// The separators a run may have between its links, as text nodes after consolidation.
    static let rangeSeparator = "–"
    static let listSeparator = ", "
    /// " och " in Swedish text, " and " in English.
    static let lastListSeparators = [" och ", " and "]

    /// The runs among `links` (every link of a text, in document order), by link.
    static func linkRuns(_ links: [OpaquePointer]) -> [OpaquePointer: LinkRun] {
        var runs: [OpaquePointer: LinkRun] = [:]
        var done = Set<OpaquePointer>()
        for first in links where !done.contains(first) && isEmptyLink(first) {
            var members = [first]
            var separators: [String] = []
            var current = first
            while let between = cmark_node_next(current), cmark_node_get_type(between) == CMARK_NODE_TEXT,
                  let next = cmark_node_next(between), isEmptyLink(next) {
                let separator = cmark_node_get_literal(between).map { String(cString: $0) } ?? ""
                guard separator == rangeSeparator || separator == listSeparator || lastListSeparators.contains(separator) else { break }
                members.append(next)
                separators.append(separator)
                current = next
                if separator != listSeparator { break }
            }
            let isRange = separators == [rangeSeparator]
            let isList = separators.last.map(lastListSeparators.contains) == true && separators.dropLast().allSatisfy { $0 == listSeparator }
            guard members.count > 1, isRange || isList else { continue }
            let destinations = members.map { cmark_node_get_url($0).map { String(cString: $0) } ?? "" }
            for (index, member) in members.enumerated() {
                runs[member] = LinkRun(destinations: destinations, index: index, isRange: isRange)
                done.insert(member)
            }
        }
        return runs
    }

    private static func isEmptyLink(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_LINK && cmark_node_first_child(node) == nil
    }
}
