import CMarkGFM

/// Ranges and lists of references: `[](#a)–[](#b)` and `[](#a), [](#b) och [](#c)`.
extension Markdown {
    /// The separators a run may have between its links.
    static let rangeSeparator = "–"
    static let listSeparator = ", "
    /// " och " in Swedish text, " and " in English.
    static let lastListSeparators = [" och ", " and "]

    /// Finds the runs in one parent's children, given as an array of elements where `link` says
    /// whether an element is a link without text and `text` gives a text element's literal.
    /// Returns, for each run, the indices of its links and whether it is a range.
    static func runs(count: Int, link: (Int) -> Bool, text: (Int) -> String?) -> [(members: [Int], isRange: Bool)] {
        var found: [(members: [Int], isRange: Bool)] = []
        var i = 0
        while i < count {
            guard link(i) else { i += 1; continue }
            var members = [i]
            var separators: [String] = []
            var current = i
            while current + 2 < count, link(current + 2), let separator = text(current + 1),
                  separator == rangeSeparator || separator == listSeparator || lastListSeparators.contains(separator) {
                members.append(current + 2)
                separators.append(separator)
                current += 2
                if separator != listSeparator { break }
            }
            let isRange = separators == [rangeSeparator]
            let isList = separators.last.map(lastListSeparators.contains) == true
                && separators.dropLast().allSatisfy { $0 == listSeparator }
            if members.count > 1, isRange || isList {
                found.append((members, isRange))
                i = current + 1
            } else {
                i += 1
            }
        }
        return found
    }

    /// The runs among the links of a C tree (every link of a text, in document order), by link.
    static func linkRuns(_ links: [OpaquePointer]) -> [OpaquePointer: LinkRun] {
        var result: [OpaquePointer: LinkRun] = [:]
        var parents = Set<OpaquePointer>()
        for link in links { if let parent = cmark_node_parent(link) { parents.insert(parent) } }
        for parent in parents {
            var children: [OpaquePointer] = []
            var child = cmark_node_first_child(parent)
            while let node = child { children.append(node); child = cmark_node_next(node) }
            let runs = runs(count: children.count, link: { isEmptyLink(children[$0]) }, text: { index in
                guard cmark_node_get_type(children[index]) == CMARK_NODE_TEXT else { return nil }
                return cmark_node_get_literal(children[index]).map { String(cString: $0) }
            })
            for run in runs {
                let destinations = run.members.map { cmark_node_get_url(children[$0]).map { String(cString: $0) } ?? "" }
                for (index, member) in run.members.enumerated() {
                    result[children[member]] = LinkRun(destinations: destinations, index: index, isRange: run.isRange)
                }
            }
        }
        return result
    }

    /// The runs of a value tree: each run's links, in order, and whether it is a range.
    public static func linkRuns(in tree: MarkdownNode) -> [(links: [MarkdownNode], run: LinkRun)] {
        var result: [(links: [MarkdownNode], run: LinkRun)] = []
        tree.forEachDescendant { parent in
            let children = parent.children
            guard children.count > 2, children.contains(where: { $0.kind == .link }) else { return }
            let runs = runs(count: children.count, link: { children[$0].kind == .link && children[$0].children.isEmpty },
                            text: { children[$0].kind == .text ? children[$0].literal : nil })
            for run in runs {
                let links = run.members.map { children[$0] }
                result.append((links, LinkRun(destinations: links.map { $0.url ?? "" }, index: 0, isRange: run.isRange)))
            }
        }
        return result
    }

    private static func isEmptyLink(_ node: OpaquePointer) -> Bool {
        cmark_node_get_type(node) == CMARK_NODE_LINK && cmark_node_first_child(node) == nil
    }
}
