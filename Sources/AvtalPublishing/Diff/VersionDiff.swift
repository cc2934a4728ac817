import AvtalCore

/// A change to one front matter field of a document.
package struct FrontMatterChange: Hashable, Sendable {
    package typealias Field = FrontMatterField

    package var field: Field
    /// As written in front matter: dates as `YYYY-MM-DD`, no end date as `until-further-notice`,
    /// the legal basis as its citations joined by "; ".
    package var old: String
    package var new: String
}

/// What happened to one clause between two versions. Clauses are matched by ID; a renamed clause is
/// matched through the new version's aliases.
package struct ClauseDiff: Hashable, Sendable {
    /// The one word for the change, in this order of precedence: a renamed clause may also have
    /// moved or changed, a moved one may also have changed (see `isRenamed`, `isMoved`, `isTextChanged`).
    package enum Kind: String, Hashable, Sendable {
        case inserted, deleted, renamed, moved, changed
    }

    /// `nil` for an inserted clause.
    package var oldID: String?
    /// `nil` for a deleted clause.
    package var newID: String?
    package var oldNumber: String?
    package var newNumber: String?
    package var oldHeading: String?
    package var newHeading: String?
    /// Set when the heading differs; for an inserted or deleted clause, all of it.
    package var heading: TextChange?
    /// Set when the clause's own text differs; for an inserted or deleted clause, all of it.
    package var body: TextChange?
    /// Its parent changed, or its place among the siblings that both versions share.
    package var isMoved: Bool

    package var kind: Kind {
        if newID == nil { return .deleted }
        if oldID == nil { return .inserted }
        if isRenamed { return .renamed }
        if isMoved { return .moved }
        return .changed
    }

    package var isRenamed: Bool {
        if let oldID, let newID { return oldID != newID }
        return false
    }

    /// Heading or text differs in a clause that exists in both versions.
    package var isTextChanged: Bool { oldID != nil && newID != nil && (heading != nil || body != nil) }

    package var id: String { newID ?? oldID ?? "" }
    /// The number in the new version, or in the old one for a deleted clause.
    package var number: String { newNumber ?? oldNumber ?? "" }
    package var displayHeading: String { newHeading ?? oldHeading ?? "" }
}

/// What happened to one document between two versions.
package struct DocumentDiff: Hashable, Sendable {
    package enum Status: String, Hashable, Sendable {
        case added, removed, changed
    }

    package var id: String
    package var kind: DocumentKind
    /// In the new version (in the old one for a removed document).
    package var title: String
    package var shortTitle: String
    package var status: Status
    package var frontMatter: [FrontMatterChange]
    /// The text before the first heading, when it differs.
    package var preamble: TextChange?
    /// Changed clauses only, in the new version's order; deleted ones where they stood.
    package var clauses: [ClauseDiff]

    package var hasChanges: Bool {
        status != .changed || !frontMatter.isEmpty || preamble != nil || !clauses.isEmpty
    }
}

/// The differences between two versions of the corpus: documents matched by ID, clauses by ID.
package struct VersionDiff: Hashable, Sendable {
    /// The version IDs compared (`working` for the sources).
    package var from: String
    package var to: String
    /// Changed documents only, in the new version's order; removed ones where they stood.
    package var documents: [DocumentDiff]

    package struct Summary: Hashable, Sendable {
        package var documentsChanged = 0
        package var documentsAdded = 0
        package var documentsRemoved = 0
        package var inserted = 0
        package var deleted = 0
        /// The counts below overlap: a clause can be renamed, moved and changed at once.
        package var moved = 0
        package var renamed = 0
        package var changed = 0

        package var isEmpty: Bool { documentsChanged == 0 }
    }

    package var summary: Summary {
        var summary = Summary()
        for document in documents {
            summary.documentsChanged += 1
            if document.status == .added { summary.documentsAdded += 1 }
            if document.status == .removed { summary.documentsRemoved += 1 }
            for clause in document.clauses {
                switch clause.kind {
                case .inserted: summary.inserted += 1
                case .deleted: summary.deleted += 1
                default:
                    if clause.isMoved { summary.moved += 1 }
                    if clause.isRenamed { summary.renamed += 1 }
                    if clause.isTextChanged { summary.changed += 1 }
                }
            }
        }
        return summary
    }

    package static func compute(from a: VersionText, to b: VersionText) -> VersionDiff {
        let a = readable(a), b = readable(b)
        var placed: [(key: [Int], diff: DocumentDiff)] = []
        var lastSurvivor = -1
        let newIndex = Dictionary(b.documents.enumerated().map { ($1.entry.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, old) in a.documents.enumerated() {
            if let n = newIndex[old.entry.id] {
                lastSurvivor = n
                let diff = compare(old, b.documents[n], oldHistory: a.history, newHistory: b.history)
                if diff.hasChanges { placed.append(([n, 0, 0], diff)) }
            } else {
                placed.append(([lastSurvivor, 1, index], whole(old, status: .removed)))
            }
        }
        let oldIDs = Set(a.documents.map(\.entry.id))
        for (n, new) in b.documents.enumerated() where !oldIDs.contains(new.entry.id) {
            placed.append(([n, 0, 0], whole(new, status: .added)))
        }
        placed.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return VersionDiff(from: a.id, to: b.id, documents: placed.map(\.diff))
    }

    /// The text as readers see it: references read "punkt 9.1 i …" with the version's own numbers, so
    /// the redline shows no link syntax, and a reference whose number changed shows as a change.
    static func readable(_ text: VersionText) -> VersionText {
        let labels = ReferenceLabels(text: text)
        var text = text
        for d in text.documents.indices {
            let entry = text.documents[d].entry
            text.documents[d].preamble = labels.plainText(text.documents[d].preamble, from: entry)
            func relabel(_ clauses: inout [EditableClause]) {
                for i in clauses.indices {
                    clauses[i].body = labels.plainText(clauses[i].body, from: entry)
                    relabel(&clauses[i].children)
                }
            }
            relabel(&text.documents[d].clauses)
        }
        return text
    }

    // MARK: Documents

    /// A clause as it stands in one version: where, under which parent, in which order.
    private struct Entry {
        var clause: EditableClause
        var path: [Int]
        /// As readers see it: empty for an unnumbered clause.
        var number: String
        var parent: String?
        var order: Int
    }

    private static func entries(_ document: EditableDocument) -> (list: [Entry], byID: [String: Int]) {
        var list: [Entry] = []
        var byID: [String: Int] = [:]
        var parents: [[Int]: String] = [:]
        document.walk { clause, path in
            parents[path] = clause.id
            let parent = path.count > 1 ? parents[Array(path.dropLast())] : nil
            if byID[clause.id] == nil { byID[clause.id] = list.count }
            list.append(Entry(clause: clause, path: path, number: document.number(at: path), parent: parent, order: list.count))
        }
        return (list, byID)
    }

    private static func fields(_ document: EditableDocument) -> [FrontMatterField: String] {
        Dictionary(uniqueKeysWithValues: FrontMatterField.allCases.map { ($0, document.metadata($0)) })
    }

    /// A document only in one version: every clause inserted (or deleted).
    private static func whole(_ document: EditableDocument, status: DocumentDiff.Status) -> DocumentDiff {
        let added = status == .added
        var clauses: [ClauseDiff] = []
        document.walk { clause, path in
            let number = document.number(at: path)
            clauses.append(ClauseDiff(
                oldID: added ? nil : clause.id, newID: added ? clause.id : nil,
                oldNumber: added ? nil : number, newNumber: added ? number : nil,
                oldHeading: added ? nil : clause.heading, newHeading: added ? clause.heading : nil,
                heading: added ? TextChange(old: "", new: clause.heading) : TextChange(old: clause.heading, new: ""),
                body: added ? TextChange(old: "", new: clause.body) : TextChange(old: clause.body, new: ""),
                isMoved: false))
        }
        let preamble = document.preamble.isEmpty ? nil
            : (added ? TextChange(old: "", new: document.preamble) : TextChange(old: document.preamble, new: ""))
        return DocumentDiff(id: document.entry.id, kind: document.entry.kind, title: document.frontMatter.title,
                            shortTitle: document.frontMatter.shortTitle, status: status, frontMatter: [],
                            preamble: preamble, clauses: clauses)
    }

    private static func compare(_ a: EditableDocument, _ b: EditableDocument,
                                oldHistory: IDHistory, newHistory: IDHistory) -> DocumentDiff {
        var matching = ClauseMatching(old: entries(a), new: entries(b))
        matching.match(document: b.entry.id, oldHistory: oldHistory, newHistory: newHistory)
        let oldFields = fields(a), newFields = fields(b)
        let frontMatter = FrontMatterField.allCases.compactMap { field -> FrontMatterChange? in
            let old = oldFields[field] ?? "", new = newFields[field] ?? ""
            return old == new ? nil : FrontMatterChange(field: field, old: old, new: new)
        }
        return DocumentDiff(id: b.entry.id, kind: b.entry.kind, title: b.frontMatter.title,
                            shortTitle: b.frontMatter.shortTitle, status: .changed, frontMatter: frontMatter,
                            preamble: a.preamble == b.preamble ? nil : TextChange(old: a.preamble, new: b.preamble),
                            clauses: matching.clauseDiffs(moved: matching.moved()))
    }

    /// The clauses of two versions of a document, and which old clause is which new one.
    private struct ClauseMatching {
        let oldList: [Entry], oldByID: [String: Int]
        let newList: [Entry], newByID: [String: Int]
        var oldToNew: [String: String] = [:]
        var newToOld: [String: String] = [:]

        init(old: (list: [Entry], byID: [String: Int]), new: (list: [Entry], byID: [String: Int])) {
            (oldList, oldByID, newList, newByID) = (old.list, old.byID, new.list, new.byID)
        }

        private mutating func match(_ old: String, _ new: String) {
            guard oldToNew[old] == nil, newToOld[new] == nil else { return }
            oldToNew[old] = new
            newToOld[new] = old
        }

        /// The same ID, or an old ID the new version's aliases lead to a new one (or, comparing
        /// backwards, a new ID the old version's aliases lead to an old one).
        mutating func match(document documentID: String, oldHistory: IDHistory, newHistory: IDHistory) {
            for entry in oldList where newByID[entry.clause.id] != nil { match(entry.clause.id, entry.clause.id) }
            for entry in oldList where oldToNew[entry.clause.id] == nil {
                let resolved = newHistory.resolve(document: documentID, id: entry.clause.id)
                if resolved != entry.clause.id, newByID[resolved] != nil, oldByID[resolved] == nil { match(entry.clause.id, resolved) }
            }
            for entry in newList where newToOld[entry.clause.id] == nil {
                let resolved = oldHistory.resolve(document: documentID, id: entry.clause.id)
                if resolved != entry.clause.id, oldByID[resolved] != nil, newByID[resolved] == nil { match(resolved, entry.clause.id) }
            }
        }

        /// Moves: a new parent, or a new place among the siblings both versions share. Comparing the
        /// sibling sequences with CollectionDifference tells a real move (removed here, inserted there)
        /// from a shift caused by a neighbour being inserted or deleted.
        func moved() -> Set<String> {
            var moved = Set<String>()
            let deletedParent = "\u{0}deleted"
            for entry in newList {
                guard let old = newToOld[entry.clause.id], let oldEntry = oldByID[old].map({ oldList[$0] }) else { continue }
                let oldParent = oldEntry.parent.map { oldToNew[$0] ?? deletedParent }
                if oldParent != entry.parent { moved.insert(entry.clause.id) }
            }
            var newChildren: [String?: [String]] = [:]
            for entry in newList { newChildren[entry.parent, default: []].append(entry.clause.id) }
            var oldChildren: [String?: [String]] = [:]
            for entry in oldList { oldChildren[entry.parent, default: []].append(entry.clause.id) }
            for (parent, siblings) in newChildren {
                let oldParent: String?? = parent == nil ? .some(nil) : newToOld[parent!].map { .some($0) }
                guard case let .some(oldParentID) = oldParent else { continue }
                let before = (oldChildren[oldParentID] ?? []).map { oldToNew[$0] ?? "\u{0}old:" + $0 }
                let difference = siblings.difference(from: before)
                var removed = Set<String>()
                for change in difference { if case let .remove(_, element, _) = change { removed.insert(element) } }
                for change in difference {
                    if case let .insert(_, element, _) = change, removed.contains(element) { moved.insert(element) }
                }
            }
            return moved
        }

        /// Changed clauses, in the new order; a deleted clause after the clause that preceded it.
        func clauseDiffs(moved: Set<String>) -> [ClauseDiff] {
            var placed: [(key: [Int], diff: ClauseDiff)] = []
            for entry in newList {
                let new = entry.clause
                let number = entry.number
                guard let oldID = newToOld[new.id], let oldEntry = oldByID[oldID].map({ oldList[$0] }) else {
                    placed.append(([entry.order, 0, 0], ClauseDiff(
                        oldID: nil, newID: new.id, oldNumber: nil, newNumber: number, oldHeading: nil, newHeading: new.heading,
                        heading: TextChange(old: "", new: new.heading), body: TextChange(old: "", new: new.body), isMoved: false)))
                    continue
                }
                let old = oldEntry.clause
                let diff = ClauseDiff(
                    oldID: old.id, newID: new.id,
                    oldNumber: oldEntry.number, newNumber: number,
                    oldHeading: old.heading, newHeading: new.heading,
                    heading: old.heading == new.heading ? nil : TextChange(old: old.heading, new: new.heading),
                    body: old.body == new.body ? nil : TextChange(old: old.body, new: new.body),
                    isMoved: moved.contains(new.id))
                if diff.isTextChanged || diff.isMoved || diff.isRenamed { placed.append(([entry.order, 0, 0], diff)) }
            }
            var lastSurvivor = -1
            for entry in oldList {
                if let new = oldToNew[entry.clause.id], let index = newByID[new] {
                    lastSurvivor = index
                    continue
                }
                let old = entry.clause
                placed.append(([lastSurvivor, 1, entry.order], ClauseDiff(
                    oldID: old.id, newID: nil, oldNumber: entry.number, newNumber: nil,
                    oldHeading: old.heading, newHeading: nil,
                    heading: TextChange(old: old.heading, new: ""), body: TextChange(old: old.body, new: ""), isMoved: false)))
            }
            placed.sort { $0.key.lexicographicallyPrecedes($1.key) }
            return placed.map(\.diff)
        }
    }
}
