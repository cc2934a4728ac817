import Foundation

/// The lock of a published version: what its text was when it was published.
///
/// Format 2 (written since the lock fix) hashes exactly the bytes of each snapshot file, so a version can
/// never fail its own lock; its clause and front-matter hashes cover the lines as written, to name what
/// changed. Format 1 (no `format` key) hashed clause text as the assembler held it, which drifted from
/// the written Markdown for headings with emphasis, code, escapes or entities; it is still verified.
public struct VersionLock: Codable, Hashable, Sendable {
    public struct LockedClause: Codable, Hashable, Sendable {
        public var id: String
        public var sha256: String
    }

    public struct LockedDocument: Codable, Hashable, Sendable {
        public var id: String
        public var file: String
        public var frontMatterSHA256: String
        public var clauses: [LockedClause]

        enum CodingKeys: String, CodingKey {
            case id, file, clauses
            case frontMatterSHA256 = "front-matter-sha256"
        }
    }

    /// 2 for locks that hash written bytes; nil for the first format.
    public var format: Int?
    /// Snapshot file (relative to the snapshot folder) → SHA-256 of its bytes; format 2 only.
    public var files: [String: String]?
    public var version: String
    public var title: String
    public var publishedOn: String
    public var base: String
    public var patches: [String]
    public var documents: [LockedDocument]
    /// "document#old-id" → "new-id", for every rename up to this version.
    public var aliases: [String: String]
    /// "document#id" → the patch (or the manifest's list) that retired it.
    public var retired: [String: String]

    enum CodingKeys: String, CodingKey {
        case format, files, version, title, base, patches, documents, aliases, retired
        case publishedOn = "published-on"
    }

    public static let fileName = "lock.json"

    /// Every clause ID the version published, as "document#id".
    public var publishedIDs: [String] {
        documents.flatMap { document in document.clauses.map { "\(document.id)#\($0.id)" } }
    }

    /// A format-1 lock, computed from the assembled text rather than from written bytes.
    init(version: Version, publishedOn: CalendarDate, text: VersionText) {
        self.version = version.id
        title = version.title
        self.publishedOn = publishedOn.description
        base = version.base
        patches = version.patches
        documents = text.documents.map { document in
            var clauses: [LockedClause] = []
            document.walk { clause, _ in
                clauses.append(LockedClause(id: clause.id, sha256: TextDigest.sha256(TextDigest.normalize(clause.lockedText))))
            }
            return LockedDocument(id: document.entry.id, file: document.entry.file,
                                  frontMatterSHA256: Self.frontMatterDigest(document), clauses: clauses)
        }
        aliases = text.history.aliases
        retired = text.history.retired.mapValues(\.by)
    }

    static func frontMatterDigest(_ document: EditableDocument) -> String {
        TextDigest.sha256(document.frontMatterText)
    }

    func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }
}
