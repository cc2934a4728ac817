import Foundation

extension VersionLock {
    public static let currentFormat = 2

    /// A format-2 lock of the snapshot files exactly as they are written: `written` maps each file
    /// (relative to the snapshot folder) to its bytes, `parsed` are its documents parsed from those bytes.
    init(version: Version, publishedOn: CalendarDate, text: VersionText, written: [String: Data], parsed: [Document]) {
        format = Self.currentFormat
        files = written.mapValues(TextDigest.sha256)
        self.version = version.id
        title = version.title
        self.publishedOn = publishedOn.description
        base = version.base
        patches = version.patches
        documents = parsed.map { document in
            let digests = Self.lineDigests(document)
            return LockedDocument(id: document.entry.id, file: document.entry.file,
                                  frontMatterSHA256: digests.frontMatter, clauses: digests.clauses)
        }
        aliases = text.history.aliases
        retired = text.history.retired.mapValues(\.by)
    }

    /// Hashes of the front matter lines and of each clause's lines (heading to the end of its own text),
    /// as they stand in the document's source. They only say *where* a snapshot changed; the file hashes
    /// say *whether* it did.
    static func lineDigests(_ document: Document) -> (frontMatter: String, clauses: [LockedClause]) {
        let source = document.source
        func lines(_ range: ClosedRange<Int>) -> String {
            range.map { source.line($0) }.joined(separator: "\n")
        }
        let frontMatter = document.textStartLine > 1 ? lines(1...(document.textStartLine - 1)) : ""
        let clauses = document.clauses.map { clause in
            let first = clause.headingRange.start.line
            let last = max(clause.bodyLines.upperBound - 1, clause.headingRange.end.line, first)
            return LockedClause(id: clause.id, sha256: TextDigest.sha256(lines(first...last)))
        }
        return (TextDigest.sha256(frontMatter), clauses)
    }
}
