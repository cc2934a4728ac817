/// The operations on one clause of a document.
extension Assembler {
    mutating func changeClause(in document: inout EditableDocument, origin: Origin,
                               _ change: Change, _ patch: Patch) -> Outcome? {
        guard let clauseID = change.target.clause, let path = locate(clauseID, in: document, change, patch) else { return nil }
        var clause = document[path]
        let before = RecordedValue.clause(RecordedClause(clause, at: path))
        let name = "\(document.entry.id)#\(clauseID)"
        switch change.operation {
        case let .replace(phrase, replacement):
            guard isUnique(phrase, in: clause.body, of: name, change, patch) else { return nil }
            clause.body = clause.body.replacing(phrase, with: replacement)
            clause.bodyOrigin = origin
        case let .setText(newText, guardValue):
            guard check(guardValue, against: clause.body, what: "text of \(name)", change, patch) else { return nil }
            clause.body = TextDigest.normalize(newText)
            clause.bodyOrigin = origin
        case let .setHeading(heading, expect):
            guard check(.text(expect), against: clause.heading, what: "heading of \(name)", change, patch) else { return nil }
            clause.heading = heading
            clause.headingOrigin = origin
        case let .delete(guardValue):
            if let guardValue {
                guard check(guardValue, against: clause.body, what: "text of \(name)", change, patch) else { return nil }
            }
            delete(at: path, in: &document, change, patch)
            return Outcome(before: before, after: nil)
        case let .move(placement):
            guard let newPath = move(path, placement, in: &document, change, patch) else { return nil }
            return Outcome(before: before, after: .clause(RecordedClause(clause, at: newPath)))
        case let .renameID(newID):
            guard isFree(newID, in: document, change, patch) else { return nil }
            clause.id = newID
            clause.headingOrigin = origin
            text.history.aliases["\(document.entry.id)#\(clauseID)"] = newID
            // A kept number follows the clause to its new ID.
            if let number = document.keptNumbers?[clauseID] { document.keptNumbers?[newID] = number }
        case .insert, .setMetadata:
            return nil
        }
        document[path] = clause
        return Outcome(before: before, after: .clause(RecordedClause(clause, at: path)))
    }

    /// A phrase to replace must occur exactly once in the clause's own text.
    private mutating func isUnique(_ phrase: String, in body: String, of name: String, _ change: Change, _ patch: Patch) -> Bool {
        let count = body.ranges(of: phrase).count
        guard count != 1 else { return true }
        let summary = count == 0
            ? "Phrase not found in \(name)"
            : "Phrase occurs \(count) times in \(name); it must occur exactly once"
        report(count == 0 ? .phraseNotFound : .phraseAmbiguous, summary, change, patch: patch,
               notes: [DiagnosticNote("phrase: \(TextComparison.quote(phrase))"),
                       DiagnosticNote("the clause's own text: \(TextComparison.quote(body, limit: 400))")])
        return false
    }

    /// Removes the clause with its sub-clauses; their IDs are retired and never reused.
    private mutating func delete(at path: [Int], in document: inout EditableDocument, _ change: Change, _ patch: Patch) {
        let removed = document.remove(at: path)
        var stack = [removed]
        while let next = stack.popLast() {
            text.history.retired["\(document.entry.id)#\(next.id)"] = Retirement(by: patch.id, range: change.range)
            stack += next.children
        }
    }

    /// Moves the clause at `path` next to or into its anchor; returns its new path.
    private mutating func move(_ path: [Int], _ placement: Placement, in document: inout EditableDocument,
                               _ change: Change, _ patch: Patch) -> [Int]? {
        guard let anchorPath = locate(placement.anchor, in: document, change, patch) else { return nil }
        if anchorPath.starts(with: path) {
            report(.invalidChange,
                   "Cannot move \(document.entry.id)#\(document[path].id) relative to itself or its own sub-clause '\(placement.anchor)'",
                   change, patch: patch)
            return nil
        }
        let moved = document.remove(at: path)
        // Removing the clause may shift the anchor's path; look it up again.
        guard let anchor = document.path(of: placement.anchor) else { return nil }
        place(moved, placement, anchor: anchor, in: &document)
        return document.path(of: moved.id)
    }
}
