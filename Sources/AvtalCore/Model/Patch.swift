import Foundation
import Yams

public enum PatchKind: String, CaseIterable, Sendable {
    case adjustment, correction
}

/// Where `insert` and `move` put a clause, relative to an existing clause of the same document.
public enum Placement: Hashable, Sendable {
    case after(String)
    case before(String)
    /// As the last sub-clause.
    case into(String)

    public var anchor: String {
        switch self {
        case let .after(id), let .before(id), let .into(id): id
        }
    }
}

/// What a change guards itself with: the text it expects to find.
public enum Guard: Hashable, Sendable {
    case text(String)
    case sha256(String)
}

public enum Operation: Hashable, Sendable {
    case replace(phrase: String, with: String)
    case setText(String, guard: Guard)
    case setHeading(String, expect: String)
    case insert(id: String, heading: String, text: String, placement: Placement)
    case delete(guard: Guard?)
    case move(Placement)
    case renameID(String)
    case setMetadata(field: FrontMatterField, value: String, expect: String)

    public var name: String {
        switch self {
        case .replace: "replace"
        case .setText: "set-text"
        case .setHeading: "set-heading"
        case .insert: "insert"
        case .delete: "delete"
        case .move: "move"
        case .renameID: "rename-id"
        case .setMetadata: "set-metadata"
        }
    }
}

/// A change's target: a document, or a clause of one.
public struct Target: Hashable, Sendable, CustomStringConvertible {
    public var document: String
    public var clause: String?

    public init(document: String, clause: String?) {
        self.document = document
        self.clause = clause
    }

    public init?(_ text: String) {
        // Split on the bytes: a Target is made for every comment key of every response.
        let utf8 = text.utf8
        guard let hash = utf8.firstIndex(of: UInt8(ascii: "#")) else {
            guard Suggestions.isValidID(text) else { return nil }
            self.init(document: text, clause: nil)
            return
        }
        let document = String(text[..<hash]), clause = String(text[utf8.index(after: hash)...])
        guard Suggestions.isValidID(document), Suggestions.isValidID(clause) else { return nil }
        self.init(document: document, clause: clause)
    }

    public var description: String { clause.map { "\(document)#\($0)" } ?? document }
}

public struct Change: Sendable {
    public var target: Target
    public var operation: Operation
    /// The change's entry in the patch file (its `- target:` line), where problems with it are reported.
    public var range: SourceRange
    /// Position in the patch's `changes`, from 1.
    public var number: Int
}

/// An approved change to a text, as data: who decided it, when, why, and exactly what it changes.
public struct Patch: Sendable {
    public var id: String
    public var kind: PatchKind
    public var title: String
    public var decidedBy: String
    public var decidedOn: CalendarDate
    /// Often holds a diarienummer that is still an example, so it may be a placeholder.
    public var reference: SettingText
    public var rationale: String
    public var changes: [Change]
    public var source: SourceFile
    public var idRange: SourceRange
    /// When the change takes effect (`in-force-from`); nil when the patch does not say.
    public var inForceFrom: CalendarDate? = nil
}
