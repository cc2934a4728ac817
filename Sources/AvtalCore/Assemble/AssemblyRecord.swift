/// A clause as one change found it or left it.
public struct RecordedClause: Hashable, Sendable {
    public var id: String
    /// Its place in the document's clause tree: [2, 1] is clause 3.2.
    public var path: [Int]
    public var heading: String
    /// The clause's own Markdown, as `EditableClause.body`.
    public var body: String

    public init(id: String, path: [Int], heading: String, body: String) {
        self.id = id
        self.path = path
        self.heading = heading
        self.body = body
    }

    init(_ clause: EditableClause, at path: [Int]) {
        self.init(id: clause.id, path: path, heading: clause.heading, body: clause.body)
    }

    /// "3.2" for the path [2, 1].
    public var number: String { EditableDocument.number(path) }
}

/// What one change touched, as it stood before or after the change.
public enum RecordedValue: Hashable, Sendable {
    case clause(RecordedClause)
    /// A front matter field's value as `EditableDocument.metadata(_:)` gives it.
    case field(FrontMatterField, String)

    public var clause: RecordedClause? {
        if case let .clause(clause) = self { return clause }
        return nil
    }
}

/// What one change of a patch did to a version's text.
public struct ChangeRecord: Sendable {
    public var patch: String
    /// The change's position in the patch, from 1.
    public var number: Int
    public var document: String
    /// The clause the change names (for an insert, the new clause); nil for a front matter field.
    public var clause: String?
    public var operation: Operation
    /// Nil when there was nothing before: an inserted clause.
    public var before: RecordedValue?
    /// Nil when nothing is left: a deleted clause.
    public var after: RecordedValue?
    /// The change's entry in the patch file.
    public var range: SourceRange
}

/// What one patch did to a version's text.
public struct PatchRecord: Sendable {
    public var patch: String
    /// The changes that applied, in the patch's order.
    public var changes: [ChangeRecord]
    /// The changes that did not fit, which were reported and skipped.
    public var problems: [Diagnostic]
    /// The text just after this patch. Kept whole so that readers number clauses and resolve references
    /// exactly as the text stood, without assembling again; unchanged documents share storage.
    public var text: VersionText
}

/// What assembling one version did: the text it started from and, patch by patch, what changed.
/// Amendment text, redline and clause history read this instead of running the assembler again.
public struct AssemblyRecord: Sendable {
    public var version: String
    /// The base text the patches were applied to, with the version's ID and the working manifest's history.
    public var base: VersionText
    /// The patches that could be read, in the version's order.
    public var patches: [PatchRecord]

    /// The text after the last patch.
    public var text: VersionText { patches.last?.text ?? base }

    /// The record of a patch and the text just before it, or nil when the version does not apply it.
    public func step(_ patchID: String) -> (record: PatchRecord, before: VersionText, earlier: ArraySlice<PatchRecord>)? {
        guard let index = patches.firstIndex(where: { $0.patch == patchID }) else { return nil }
        return (patches[index], index == 0 ? base : patches[index - 1].text, patches[..<index])
    }

    /// Every change of every patch, in the order they were applied.
    public var changes: [ChangeRecord] { patches.flatMap(\.changes) }
}
