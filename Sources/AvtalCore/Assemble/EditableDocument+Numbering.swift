extension EditableDocument {
    /// Every clause's number in the document's numbering style, by path.
    public var numbering: [[Int]: ClauseNumbering.Numbered] {
        var nodes: [ClauseNumbering.Node] = []
        var paths: [[Int]] = []
        var indexOfPath: [[Int]: Int] = [:]
        walk { clause, path in
            indexOfPath[path] = nodes.count
            let parent = path.count > 1 ? indexOfPath[Array(path.dropLast())] : nil
            nodes.append(ClauseNumbering.Node(parent: parent, heading: clause.heading, unnumbered: clause.unnumbered))
            paths.append(path)
        }
        return Dictionary(uniqueKeysWithValues: zip(paths, ClauseNumbering.numbers(nodes, style: entry.numbering)))
    }

    /// The heading's Markdown without the number it states ("4 §", "16 kap."), which is shown as the number.
    public func title(at path: [Int]) -> String {
        guard entry.numbering == .paragraph, let numbered = numbering[path] else { return self[path].heading }
        return ClauseNumbering.title(self[path].heading, numbered)
    }
}
