import Foundation

/// Why a clause ID no longer names a clause.
public struct Retirement: Hashable, Sendable {
    /// A patch ID, or the manifest's `retired` list.
    public var by: String
    public var range: SourceRange
}

/// The IDs that no longer name a clause of their own: renamed ones (aliases) and retired ones.
/// Keys are "document#clause".
public struct IDHistory: Sendable {
    public var aliases: [String: String] = [:]
    public var retired: [String: Retirement] = [:]

    public init(aliases: [String: String] = [:], retired: [String: Retirement] = [:]) {
        self.aliases = aliases
        self.retired = retired
    }

    /// Follows aliases from `document#id` to the ID that stands now (stops on a cycle).
    public func resolve(document: String, id: String) -> String {
        var current = id
        var seen: Set<String> = [id]
        while let next = aliases["\(document)#\(current)"], seen.insert(next).inserted { current = next }
        return current
    }
}

/// A corpus at one version, as text: what patches change, what diff and publish compare.
public struct VersionText: Sendable {
    /// `working` or a version ID.
    public var id: String
    public var manifest: Manifest
    public var documents: [EditableDocument]
    public var history: IDHistory

    public func document(_ id: String) -> EditableDocument? { documents.first { $0.entry.id == id } }
}

/// The assemble stage: a base text with patches applied, each change guarded by the text it expects.
public struct Assembler {
    public private(set) var text: VersionText
    public private(set) var diagnostics: [Diagnostic] = []

    public init(base: VersionText) {
        text = base
    }

    private mutating func report(_ code: DiagnosticCode, _ summary: String, _ change: Change, patch: Patch,
                                 notes: [DiagnosticNote] = [], fix: Fix? = nil) {
        var allNotes = [DiagnosticNote("\(patch.id), change \(change.number): \(change.operation.name) on \(change.target)")]
        allNotes += notes
        diagnostics.append(Diagnostic(code, summary, at: change.range, stage: .assemble, notes: allNotes, fix: fix))
    }

    /// Applies every change of `patch` in order. A change that does not fit is reported and skipped;
    /// it never applies "nearly".
    public mutating func apply(_ patch: Patch) {
        for change in patch.changes { apply(change, of: patch) }
    }

    private mutating func apply(_ change: Change, of patch: Patch) {
        let origin = Origin.change(ChangeReference(patch: patch.id, number: change.number, range: change.range))
        guard let d = text.documents.firstIndex(where: { $0.entry.id == change.target.document }) else {
            let near = Suggestions.nearest(to: change.target.document, in: text.documents.map(\.entry.id))
            report(.unknownTarget, "Patch targets unknown document '\(change.target.document)'", change, patch: patch,
                   notes: near.first.map { [DiagnosticNote("did you mean '\($0)'?")] } ?? [])
            return
        }
        var document = text.documents[d]
        defer { text.documents[d] = document }
        let documentID = document.entry.id

        // Operations on the document itself.
        if case let .insert(id, heading, body, placement) = change.operation {
            guard let anchor = locate(placement.anchor, in: document, change, patch) else { return }
            if document.path(of: id) != nil {
                report(.idConflict, "Clause ID '\(id)' already exists in '\(documentID)'", change, patch: patch)
                return
            }
            if let retirement = text.history.retired["\(documentID)#\(id)"] {
                report(.idConflict, "Clause ID '\(id)' was retired by \(retirement.by) and is never reused", change, patch: patch,
                       notes: [DiagnosticNote("retired here", at: retirement.range)])
                return
            }
            let clause = EditableClause(id: id, heading: heading, body: TextDigest.normalize(body), children: [],
                                        headingOrigin: origin, bodyOrigin: origin)
            place(clause, placement, anchor: anchor, in: &document)
            return
        }
        if case let .setMetadata(field, value, expect) = change.operation {
            let current = document.metadata(field)
            guard current == expect else {
                report(.guardMismatch, "'\(field.rawValue)' of '\(documentID)' is not what the patch expects", change, patch: patch,
                       notes: TextComparison.notes(expected: expect, found: current))
                return
            }
            guard document.setMetadata(field, to: value) else {
                report(.invalidDate, "'\(value)' is not a date that exists (YYYY-MM-DD)", change, patch: patch)
                return
            }
            document.metadataOrigin[field.rawValue] = origin
            return
        }

        // Operations on a clause.
        guard let clauseID = change.target.clause, let path = locate(clauseID, in: document, change, patch) else { return }
        var clause = document[path]
        switch change.operation {
        case let .replace(phrase, replacement):
            let count = clause.body.ranges(of: phrase).count
            guard count == 1 else {
                let summary = count == 0
                    ? "Phrase not found in \(documentID)#\(clauseID)"
                    : "Phrase occurs \(count) times in \(documentID)#\(clauseID); it must occur exactly once"
                report(count == 0 ? .phraseNotFound : .phraseAmbiguous, summary, change, patch: patch,
                       notes: [DiagnosticNote("phrase: \(TextComparison.quote(phrase))"),
                               DiagnosticNote("the clause's own text: \(TextComparison.quote(clause.body, limit: 400))")])
                return
            }
            clause.body = clause.body.replacing(phrase, with: replacement)
            clause.bodyOrigin = origin
            document[path] = clause
        case let .setText(newText, guardValue):
            guard check(guardValue, against: clause.body, what: "text of \(documentID)#\(clauseID)", change, patch) else { return }
            clause.body = TextDigest.normalize(newText)
            clause.bodyOrigin = origin
            document[path] = clause
        case let .setHeading(heading, expect):
            guard check(.text(expect), against: clause.heading, what: "heading of \(documentID)#\(clauseID)", change, patch) else { return }
            clause.heading = heading
            clause.headingOrigin = origin
            document[path] = clause
        case let .delete(guardValue):
            if let guardValue {
                guard check(guardValue, against: clause.body, what: "text of \(documentID)#\(clauseID)", change, patch) else { return }
            }
            let removed = document.remove(at: path)
            var retiredIDs: [String] = []
            var stack = [removed]
            while let next = stack.popLast() {
                retiredIDs.append(next.id)
                stack += next.children
            }
            for id in retiredIDs {
                text.history.retired["\(documentID)#\(id)"] = Retirement(by: patch.id, range: change.range)
            }
        case let .move(placement):
            guard let anchorPath = locate(placement.anchor, in: document, change, patch) else { return }
            if anchorPath.starts(with: path) {
                report(.invalidChange, "Cannot move \(documentID)#\(clauseID) relative to itself or its own sub-clause '\(placement.anchor)'",
                       change, patch: patch)
                return
            }
            let moved = document.remove(at: path)
            // Removing the clause may shift the anchor's path; look it up again.
            guard let anchor = document.path(of: placement.anchor) else { return }
            place(moved, placement, anchor: anchor, in: &document)
        case let .renameID(newID):
            if document.path(of: newID) != nil {
                report(.idConflict, "Clause ID '\(newID)' already exists in '\(documentID)'", change, patch: patch)
                return
            }
            if let retirement = text.history.retired["\(documentID)#\(newID)"] {
                report(.idConflict, "Clause ID '\(newID)' was retired by \(retirement.by) and is never reused", change, patch: patch,
                       notes: [DiagnosticNote("retired here", at: retirement.range)])
                return
            }
            clause.id = newID
            clause.headingOrigin = origin
            document[path] = clause
            text.history.aliases["\(documentID)#\(clauseID)"] = newID
        case .insert, .setMetadata:
            break
        }
    }

    private mutating func locate(_ id: String, in document: EditableDocument, _ change: Change, _ patch: Patch) -> [Int]? {
        if let path = document.path(of: id) { return path }
        let key = "\(document.entry.id)#\(id)"
        var notes: [DiagnosticNote] = []
        if let retirement = text.history.retired[key] {
            notes.append(DiagnosticNote("it was retired by \(retirement.by)", at: retirement.range))
        } else if text.history.aliases[key] != nil {
            notes.append(DiagnosticNote("it was renamed to '\(text.history.resolve(document: document.entry.id, id: id))'"))
        } else if let near = Suggestions.nearest(to: id, in: document.allIDs).first {
            notes.append(DiagnosticNote("did you mean '\(near)'?"))
        }
        report(.unknownTarget, "Patch targets unknown clause '\(key)'", change, patch: patch, notes: notes)
        return nil
    }

    private func place(_ clause: EditableClause, _ placement: Placement, anchor: [Int], in document: inout EditableDocument) {
        switch placement {
        case .after:
            document.insert(clause, under: Array(anchor.dropLast()), at: anchor.last! + 1)
        case .before:
            document.insert(clause, under: Array(anchor.dropLast()), at: anchor.last!)
        case .into:
            document.insert(clause, under: anchor, at: document[anchor].children.count)
        }
    }

    private mutating func check(_ guardValue: Guard, against current: String, what: String, _ change: Change, _ patch: Patch) -> Bool {
        switch guardValue {
        case let .text(expected):
            if TextDigest.normalize(expected) == TextDigest.normalize(current) { return true }
            report(.guardMismatch, "The \(what) is not what the patch expects", change, patch: patch,
                   notes: TextComparison.notes(expected: TextDigest.normalize(expected), found: TextDigest.normalize(current)))
        case let .sha256(expected):
            let actual = TextDigest.sha256(TextDigest.normalize(current))
            if expected == actual { return true }
            report(.guardMismatch, "The \(what) does not have the expected SHA-256", change, patch: patch,
                   notes: [DiagnosticNote("expected \(expected)"), DiagnosticNote("found    \(actual)"),
                           DiagnosticNote("the text now: \(TextComparison.quote(current, limit: 400))")])
        }
        return false
    }
}

/// Short, readable differences for guard failures: the words that differ, with a little context.
enum TextComparison {
    static func quote(_ text: String, limit: Int = 160) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return "“" + (flat.count > limit ? String(flat.prefix(limit)) + "…" : flat) + "”"
    }

    static func notes(expected: String, found: String) -> [DiagnosticNote] {
        let a = words(expected), b = words(found)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        func excerpt(_ w: [String]) -> String {
            let start = max(0, prefix - 4), end = min(w.count, w.count - suffix + 4)
            let middle = w[prefix..<(w.count - suffix)].joined(separator: " ")
            let before = w[start..<prefix].joined(separator: " ")
            let after = w[(w.count - suffix)..<end].joined(separator: " ")
            var out = start > 0 ? "… " : ""
            out += [before, "[\(middle)]", after].filter { !$0.isEmpty }.joined(separator: " ")
            if end < w.count { out += " …" }
            return out
        }
        return [DiagnosticNote("expected: \(excerpt(a))"), DiagnosticNote("found:    \(excerpt(b))")]
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }
}
