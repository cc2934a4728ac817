import Crypto
import Foundation

/// A change of a patch, as the place that text came from.
public struct ChangeReference: Hashable, Sendable {
    public var patch: String
    public var number: Int
    public var range: SourceRange
}

/// Where a piece of assembled text came from, so that a problem found in a version is reported
/// where it can be fixed: in the sources, or at the patch change that wrote it.
public enum Origin: Hashable, Sendable {
    /// Starts at `line` of `file` (corpus-relative) and continues line by line.
    case source(file: String, line: Int)
    case change(ChangeReference)
    /// Written by the tool (front matter, headings), attributed to a file's first line.
    case generated(file: String)
}

/// A clause as patches see it: its heading, its own text and its sub-clauses.
public struct EditableClause: Sendable {
    public var id: String
    /// The heading's Markdown, without the `#` marker and the `{#id}`.
    public var heading: String
    /// The clause's own Markdown, without leading or trailing blank lines.
    public var body: String
    public var children: [EditableClause]
    public var headingOrigin: Origin
    public var bodyOrigin: Origin
    /// Written `{#id .unnumbered}`: no number, and not counted among its siblings.
    public var unnumbered = false

    /// The heading's attribute block as written back: `{#id}` or `{#id .unnumbered}`.
    public var attributes: String { unnumbered ? "{#\(id) .unnumbered}" : "{#\(id)}" }

    /// The text a lock's hash covers: heading and own text.
    public var lockedText: String { heading + "\n\n" + body }
}

/// A document as text: its facts and its clause tree. Versions are built by editing these values and
/// are turned back into Markdown, which is parsed and checked like any source.
public struct EditableDocument: Sendable {
    public var entry: Manifest.Entry
    public var frontMatter: FrontMatter
    public var metadataOrigin: [String: Origin]
    public var preamble: String
    public var preambleOrigin: Origin
    public var clauses: [EditableClause]
    /// The base's numbers by clause ID when the version keeps them (`numbering: keep`); nil otherwise.
    public var keptNumbers: [String: String]? = nil

    /// A front matter field's value as text: dates as `YYYY-MM-DD`, no end date as `until-further-notice`,
    /// the legal basis as its citations joined by "; ".
    public func metadata(_ field: FrontMatterField) -> String {
        switch field {
        case .title: frontMatter.title
        case .shortTitle: frontMatter.shortTitle
        case .validFrom: frontMatter.validFrom.description
        case .validTo:
            switch frontMatter.validity {
            case let .until(date): date.description
            case .untilFurtherNotice: Self.untilFurtherNotice
            }
        case .legalBasis: frontMatter.legalBasis.joined(separator: "; ")
        }
    }

    /// Sets a field a patch may change from its text; false when the text is not a date that exists.
    mutating func setMetadata(_ field: FrontMatterField, to value: String) -> Bool {
        switch field {
        case .title: frontMatter.title = value
        case .shortTitle: frontMatter.shortTitle = value
        case .validTo where value == Self.untilFurtherNotice: frontMatter.validity = .untilFurtherNotice
        case .validFrom, .validTo:
            guard let date = CalendarDate(iso: value), date.isValid else { return false }
            if field == .validFrom { frontMatter.validFrom = date } else { frontMatter.validity = .until(date) }
        case .legalBasis: return false
        }
        return true
    }

    /// How `valid-to` reads in a patch when a document has no end date.
    public static let untilFurtherNotice = "until-further-notice"

    /// Every clause in document order, with its path of indices and its number ("3.2.1").
    public func walk(_ visit: (EditableClause, [Int]) -> Void) {
        var stack: [([Int], EditableClause)] = clauses.indices.reversed().map { ([$0], clauses[$0]) }
        while let (path, clause) = stack.popLast() {
            visit(clause, path)
            for i in clause.children.indices.reversed() { stack.append((path + [i], clause.children[i])) }
        }
    }

    /// "3.2.1" for the path [2, 1, 0]: numbers are positions in the tree, counted from 1. Only for
    /// trees without unnumbered clauses; a document's own numbers come from `number(at:)`.
    public static func number(_ path: [Int]) -> String {
        path.map { String($0 + 1) }.joined(separator: ".")
    }

    /// The clause's number as readers see it: unnumbered clauses are skipped when counting siblings,
    /// and an unnumbered clause (or one under it) has the empty number.
    public func number(at path: [Int]) -> String {
        if let keptNumbers { return keptNumbering(keptNumbers)[path] ?? "" }
        if entry.numbering != .decimal { return numbering[path]?.number ?? "" }
        var parts: [String] = []
        var siblings = clauses
        for index in path {
            guard index < siblings.count, !siblings[index].unnumbered else { return "" }
            parts.append(String(siblings[..<index].filter { !$0.unnumbered }.count + 1))
            siblings = siblings[index].children
        }
        return parts.joined(separator: ".")
    }

    public func path(of id: String) -> [Int]? {
        var found: [Int]?
        walk { clause, path in if found == nil, clause.id == id { found = path } }
        return found
    }

    public subscript(path: [Int]) -> EditableClause {
        get {
            var clause = clauses[path[0]]
            for i in path.dropFirst() { clause = clause.children[i] }
            return clause
        }
        set {
            func set(_ list: inout [EditableClause], _ path: ArraySlice<Int>) {
                if path.count == 1 { list[path.first!] = newValue; return }
                set(&list[path.first!].children, path.dropFirst())
            }
            set(&clauses, path[...])
        }
    }

    @discardableResult
    mutating func remove(at path: [Int]) -> EditableClause {
        func remove(_ list: inout [EditableClause], _ path: ArraySlice<Int>) -> EditableClause {
            if path.count == 1 { return list.remove(at: path.first!) }
            return remove(&list[path.first!].children, path.dropFirst())
        }
        return remove(&clauses, path[...])
    }

    /// Inserts `clause` as the `index`th child of the clause at `parent` (top level when empty).
    mutating func insert(_ clause: EditableClause, under parent: [Int], at index: Int) {
        func insert(_ list: inout [EditableClause], _ path: ArraySlice<Int>) {
            if path.isEmpty { list.insert(clause, at: index); return }
            insert(&list[path.first!].children, path.dropFirst())
        }
        insert(&clauses, parent[...])
    }

}

extension EditableDocument {
    /// The document's text as it stands in a loaded document.
    init(_ document: Document, frontMatter: FrontMatter) {
        let source = document.source
        func ownText(_ lines: Range<Int>) -> (String, Origin) {
            var first = lines.lowerBound, last = lines.upperBound - 1
            while first <= last, source.line(first).allSatisfy(\.isWhitespace) { first += 1 }
            while last >= first, source.line(last).allSatisfy(\.isWhitespace) { last -= 1 }
            guard first <= last else { return ("", .source(file: source.path, line: lines.lowerBound)) }
            return ((first...last).map { source.line($0) }.joined(separator: "\n"), .source(file: source.path, line: first))
        }
        func build(_ index: Int) -> EditableClause {
            let clause = document.clauses[index]
            let (body, origin) = ownText(clause.bodyLines)
            // The heading as written: the plain text would lose escapes (`\<` would come back as raw HTML).
            return EditableClause(id: clause.id, heading: clause.headingMarkdown, body: body, children: clause.children.map(build),
                                  headingOrigin: .source(file: source.path, line: clause.headingRange.start.line),
                                  bodyOrigin: origin, unnumbered: clause.unnumbered)
        }
        let firstHeading = document.clauses.first?.headingRange.start.line ?? source.lineCount + 1
        let (preamble, preambleOrigin) = ownText(document.textStartLine..<firstHeading)
        var origins: [String: Origin] = [:]
        for (key, range) in frontMatter.ranges { origins[key] = .source(file: source.path, line: range.start.line) }
        self.init(entry: document.entry, frontMatter: frontMatter, metadataOrigin: origins, preamble: preamble,
                  preambleOrigin: preambleOrigin,
                  clauses: document.clauses.indices.filter { document.clauses[$0].parent == nil }.map(build))
    }

    /// The front matter block, `---` to `---`, each line with where it came from.
    func frontMatterLines() -> [(String, Origin)] {
        let generated = Origin.generated(file: entry.file)
        var out: [(String, Origin)] = [("---", generated)]
        func field(_ key: String, _ value: String) {
            out.append(("\(key): \(YAMLText.scalar(value))", metadataOrigin[key] ?? generated))
        }
        func origin(_ field: FrontMatterField) -> Origin { metadataOrigin[field.rawValue] ?? generated }
        field("id", frontMatter.id)
        field("kind", frontMatter.kind.rawValue)
        for field in [FrontMatterField.title, .shortTitle, .validFrom] {
            out.append(("\(field.rawValue): \(YAMLText.scalar(metadata(field)))", origin(field)))
            // After the short title it derives from, when written: a snapshot without it reads as before.
            if field == .shortTitle, let name = frontMatter.givenReferenceName {
                let key = FrontMatter.referenceNameKey
                out.append(("\(key): \(YAMLText.scalar(name))", metadataOrigin[key] ?? generated))
            }
        }
        switch frontMatter.validity {
        case let .until(date): out.append(("\(FrontMatterField.validTo.rawValue): \(YAMLText.scalar(date.description))", origin(.validTo)))
        case .untilFurtherNotice: out.append(("valid-until-further-notice: true", origin(.validTo)))
        }
        if !frontMatter.legalBasis.isEmpty {
            out.append(("\(FrontMatterField.legalBasis.rawValue):", origin(.legalBasis)))
            for basis in frontMatter.legalBasis {
                out.append(("  - \(YAMLText.scalar(basis))", origin(.legalBasis)))
            }
        }
        out.append(("---", generated))
        return out
    }

    /// The front matter as it is written in a snapshot; its hash is part of the lock.
    public var frontMatterText: String { frontMatterLines().map(\.0).joined(separator: "\n") }

    /// The document as Markdown with front matter, and for each line of it where it came from.
    public func markdown() -> (text: String, origins: [Origin]) {
        var lines: [String] = []
        var origins: [Origin] = []
        let generated = Origin.generated(file: entry.file)
        func add(_ text: String, _ origin: Origin) {
            for (offset, line) in text.lines.enumerated() {
                lines.append(String(line))
                if case let .source(sourceFile, first) = origin {
                    origins.append(.source(file: sourceFile, line: first + offset))
                } else {
                    origins.append(origin)
                }
            }
        }
        for (line, origin) in frontMatterLines() { add(line, origin) }
        if !preamble.isEmpty {
            add("", generated)
            add(preamble, preambleOrigin)
        }
        walk { clause, path in
            add("", generated)
            add("\(String(repeating: "#", count: path.count)) \(clause.heading) \(clause.attributes)", clause.headingOrigin)
            if !clause.body.isEmpty {
                add("", generated)
                add(clause.body, clause.bodyOrigin)
            }
        }
        return (lines.joined(separator: "\n") + "\n", origins + [generated])
    }
}

/// Hashing and text normalisation shared by guards and locks.
public enum TextDigest {
    /// Trailing spaces and surrounding blank lines do not count; everything else does.
    public static func normalize(_ text: String) -> String {
        var lines = text.lines.map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" || last == "\r" || last == "\r\n" { line = line.dropLast() }
            return line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    public static func sha256(_ text: String) -> String {
        sha256(Data(text.utf8))
    }

    public static func sha256(_ data: Data) -> String {
        hex(SHA256.hash(data: data), digits: 64)
    }

    /// The first `digits` hex digits of the SHA-256 of `text`: comment IDs hash every comment, and
    /// formatting each byte as its own String was half the cost of a large compilation.
    public static func sha256(_ text: String, digits: Int) -> String {
        var text = text
        return text.withUTF8 { hex(SHA256.hash(data: UnsafeRawBufferPointer($0)), digits: digits) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func hex(_ digest: SHA256.Digest, digits: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits)
        for byte in digest where bytes.count < digits {
            bytes.append(hexDigits[Int(byte >> 4)])
            if bytes.count < digits { bytes.append(hexDigits[Int(byte & 0x0f)]) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Writes YAML scalars that read back as the same text.
enum YAMLText {
    static func scalar(_ value: String) -> String {
        let plainSafe = !value.isEmpty
            && value.trimmed == value
            && !value.contains(": ") && !value.contains(" #") && !value.contains("\n") && !value.hasSuffix(":")
            && !"-?:,[]{}#&*!|>'\"%@`".contains(value.first!)
            && !["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(value.lowercased())
            && Double(value) == nil
        if plainSafe { return value }
        // A JSON string is a valid YAML double-quoted scalar.
        let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
