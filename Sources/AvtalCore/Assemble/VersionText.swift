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
