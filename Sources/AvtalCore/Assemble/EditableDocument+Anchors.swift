import AvtalMarkdown

extension EditableDocument {
    /// A sub-clause anchor in a version's text, with the clause whose own text holds it.
    public struct PlacedAnchor: Sendable {
        public var clauseID: String
        public var path: [Int]
        public var position: AnchorPosition
    }

    /// Every anchor of the document's clauses, in document order. Only bodies that contain `{#` are parsed.
    public var anchors: [PlacedAnchor] {
        var found: [PlacedAnchor] = []
        walk { clause, path in
            for position in Markdown.anchors(inText: clause.body) {
                found.append(PlacedAnchor(clauseID: clause.id, path: path, position: position))
            }
        }
        return found
    }

    /// The IDs of the clauses and of their anchors: one namespace.
    public var allIDs: Set<String> {
        var ids = Set<String>()
        walk { clause, _ in ids.insert(clause.id) }
        for anchor in anchors { ids.insert(anchor.position.id) }
        return ids
    }
}
