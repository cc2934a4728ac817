/// The assemble stage: a base text with patches applied, each change guarded by the text it expects,
/// and a record of what each change did.
public struct Assembler {
    // Internal setter: the clause operations in Assembler+Clauses.swift retire and alias IDs.
    public internal(set) var text: VersionText
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var record: AssemblyRecord

    public init(base: VersionText) {
        text = base
        record = AssemblyRecord(version: base.id, base: base, patches: [])
    }

    /// What a change found and what it left.
    struct Outcome {
        var before: RecordedValue?
        var after: RecordedValue?
    }

    mutating func report(_ code: DiagnosticCode, _ summary: String, _ change: Change, patch: Patch,
                         notes: [DiagnosticNote] = [], fix: Fix? = nil) {
        var allNotes = [DiagnosticNote("\(patch.id), change \(change.number): \(change.operation.name) on \(change.target)")]
        allNotes += notes
        diagnostics.append(Diagnostic(code, summary, at: change.range, stage: .assemble, notes: allNotes, fix: fix))
    }

    /// Applies every change of `patch` in order. A change that does not fit is reported and skipped;
    /// it never applies "nearly".
    public mutating func apply(_ patch: Patch) {
        let firstProblem = diagnostics.count
        var changes: [ChangeRecord] = []
        for change in patch.changes {
            guard let outcome = apply(change, of: patch) else { continue }
            var clause = change.target.clause
            if case let .insert(id, _, _, _) = change.operation { clause = id }
            changes.append(ChangeRecord(patch: patch.id, number: change.number, document: change.target.document,
                                        clause: clause, operation: change.operation, before: outcome.before,
                                        after: outcome.after, range: change.range))
        }
        record.patches.append(PatchRecord(patch: patch.id, changes: changes,
                                          problems: Array(diagnostics[firstProblem...]), text: text))
    }

    private mutating func apply(_ change: Change, of patch: Patch) -> Outcome? {
        let origin = Origin.change(ChangeReference(patch: patch.id, number: change.number, range: change.range))
        guard let d = text.documents.firstIndex(where: { $0.entry.id == change.target.document }) else {
            let near = Suggestions.nearest(to: change.target.document, in: text.documents.map(\.entry.id))
            report(.unknownTarget, "Patch targets unknown document '\(change.target.document)'", change, patch: patch,
                   notes: near.first.map { [DiagnosticNote("did you mean '\($0)'?")] } ?? [])
            return nil
        }
        var document = text.documents[d]
        defer { text.documents[d] = document }
        switch change.operation {
        case let .insert(id, heading, body, placement):
            let clause = EditableClause(id: id, heading: heading, body: TextDigest.normalize(body), children: [],
                                        headingOrigin: origin, bodyOrigin: origin)
            return insert(clause, placement, into: &document, change, patch)
        case let .setMetadata(field, value, expect):
            return setMetadata(field, to: value, expect: expect, in: &document, origin: origin, change, patch)
        default:
            return changeClause(in: &document, origin: origin, change, patch)
        }
    }

    private mutating func insert(_ clause: EditableClause, _ placement: Placement, into document: inout EditableDocument,
                                 _ change: Change, _ patch: Patch) -> Outcome? {
        guard let anchor = locate(placement.anchor, in: document, change, patch),
              isFree(clause.id, in: document, change, patch)
        else { return nil }
        place(clause, placement, anchor: anchor, in: &document)
        return Outcome(before: nil, after: document.path(of: clause.id).map { .clause(RecordedClause(clause, at: $0)) })
    }

    private mutating func setMetadata(_ field: FrontMatterField, to value: String, expect: String,
                                      in document: inout EditableDocument, origin: Origin,
                                      _ change: Change, _ patch: Patch) -> Outcome? {
        let current = document.metadata(field)
        guard current == expect else {
            report(.guardMismatch, "'\(field.rawValue)' of '\(document.entry.id)' is not what the patch expects", change,
                   patch: patch, notes: TextComparison.notes(expected: expect, found: current))
            return nil
        }
        guard document.setMetadata(field, to: value) else {
            report(.invalidDate, "'\(value)' is not a date that exists (YYYY-MM-DD)", change, patch: patch)
            return nil
        }
        document.metadataOrigin[field.rawValue] = origin
        return Outcome(before: .field(field, current), after: .field(field, document.metadata(field)))
    }

    /// Whether `id` may name a new clause of `document`: not taken, and never retired.
    mutating func isFree(_ id: String, in document: EditableDocument, _ change: Change, _ patch: Patch) -> Bool {
        let documentID = document.entry.id
        if document.path(of: id) != nil {
            report(.idConflict, "Clause ID '\(id)' already exists in '\(documentID)'", change, patch: patch)
            return false
        }
        if let retirement = text.history.retired["\(documentID)#\(id)"] {
            report(.idConflict, "Clause ID '\(id)' was retired by \(retirement.by) and is never reused", change, patch: patch,
                   notes: [DiagnosticNote("retired here", at: retirement.range)])
            return false
        }
        return true
    }

    mutating func locate(_ id: String, in document: EditableDocument, _ change: Change, _ patch: Patch) -> [Int]? {
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

    func place(_ clause: EditableClause, _ placement: Placement, anchor: [Int], in document: inout EditableDocument) {
        switch placement {
        case .after:
            document.insert(clause, under: Array(anchor.dropLast()), at: anchor.last! + 1)
        case .before:
            document.insert(clause, under: Array(anchor.dropLast()), at: anchor.last!)
        case .into:
            document.insert(clause, under: anchor, at: document[anchor].children.count)
        }
    }

    mutating func check(_ guardValue: Guard, against current: String, what: String, _ change: Change, _ patch: Patch) -> Bool {
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
