import AvtalMarkdown
import Foundation
import Yams

/// What a document needs to know about the rest of the corpus to classify its links. The checker
/// and the renderers classify a destination the same way through `target(of:from:)`.
public struct LinkContext: Sendable {
    var documentIDs: Set<String>
    /// Corpus-relative file path → document ID.
    var documentFiles: [String: String]
    var files: Set<String>

    init(documentIDs: Set<String>, documentFiles: [String: String], files: Set<String>) {
        self.documentIDs = documentIDs
        self.documentFiles = documentFiles
        self.files = files
    }

    public init(_ corpus: Corpus) {
        self.init(manifest: corpus.manifest, files: corpus.files)
    }

    /// `files` are the corpus's other files; without them, a link to one reads as a document ID.
    public init(manifest: Manifest, files: Set<String> = []) {
        var documentFiles: [String: String] = [:]
        for entry in manifest.documents where documentFiles[entry.file] == nil { documentFiles[entry.file] = entry.id }
        self.init(documentIDs: Set(manifest.documents.map(\.id)), documentFiles: documentFiles, files: files)
    }

    public enum Problem: Error, Sendable {
        case noDestination
        case emptyFragment
    }

    /// What a link destination written in the document `entry` points to.
    public func target(of destination: String, from entry: Manifest.Entry) -> Result<ReferenceTarget, Problem> {
        if destination.isEmpty { return .failure(.noDestination) }
        if destination.hasPrefix(ExternalDocuments.scheme) {
            return .success(.externalDocument(String(destination.dropFirst(ExternalDocuments.scheme.count))))
        }
        if DocumentParser.hasScheme(destination) { return .success(.external(destination)) }
        let hash = destination.firstIndex(of: "#")
        let pathPart = String(destination[..<(hash ?? destination.endIndex)])
        let fragment = hash.map { String(destination[destination.index(after: $0)...]) }
        if fragment?.isEmpty == true { return .failure(.emptyFragment) }
        let path = pathPart.removingPercentEncoding ?? pathPart

        let documentID: String
        if path.isEmpty {
            documentID = entry.id
        } else if !path.contains("/"), !path.contains("."), Suggestions.isValidID(path),
                  documentIDs.contains(path) || !files.contains(Self.resolve(path, from: entry.file)) {
            documentID = path
        } else {
            let resolved = Self.resolve(path, from: entry.file)
            guard let id = documentFiles[resolved] else { return .success(.file(resolved)) }
            documentID = id
        }
        if let fragment { return .success(.clause(document: documentID, id: fragment)) }
        return .success(.document(documentID))
    }

    /// Resolves a relative path against the folder of `file`; the result is corpus-relative,
    /// and starts with "../" when it leaves the corpus.
    static func resolve(_ path: String, from file: String) -> String {
        var parts: [Substring] = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast()
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else { parts.append("..") }
            default: parts.append(component)
            }
        }
        return (path.hasPrefix("/") ? "/" : "") + parts.joined(separator: "/")
    }
}

/// Turns one document's source into a `Document`: front matter, clause tree, references.
struct DocumentParser {
    let entry: Manifest.Entry
    let source: SourceFile
    let links: LinkContext
    private(set) var diagnostics: [Diagnostic] = []

    init(entry: Manifest.Entry, source: SourceFile, links: LinkContext) {
        self.entry = entry
        self.source = source
        self.links = links
    }

    mutating func parse() -> Document {
        let (frontMatter, markdown, textStartLine) = readFrontMatter()
        let tree = Markdown.parse(markdown, extensions: .agreement)
        var document = Document(
            entry: entry, source: source, frontMatter: frontMatter,
            clauses: [], references: [], clauseIndex: [:], textStartLine: textStartLine)
        buildClauses(tree, into: &document)
        collectLinksAndHTML(tree, into: &document)
        return document
    }

    private mutating func report(
        _ code: DiagnosticCode, _ summary: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fix: Fix? = nil
    ) {
        diagnostics.append(Diagnostic(code, summary, at: range, stage: .load, notes: notes, fix: fix))
    }

    // MARK: Front matter

    static let frontMatterKeys = [
        "id", "kind", "title", "short-title", "valid-from", "valid-to", "valid-until-further-notice", "legal-basis",
    ]

    /// Returns the front matter and the Markdown with the front matter lines blanked out,
    /// so that cmark's line numbers are the file's line numbers.
    private mutating func readFrontMatter() -> (FrontMatter?, String, Int) {
        let (yaml, closing, markdown) = splitFrontMatter(what: "Document '\(entry.id)'")
        guard let yaml, let closing else { return (nil, markdown, 1) }
        var reader = YAMLReader(file: source, lineOffset: 1)
        let frontMatter = readFrontMatterFields(yaml, reader: &reader, closingLine: closing)
        diagnostics += reader.diagnostics
        return (frontMatter, markdown, closing + 1)
    }

    /// The front matter's YAML and closing line, and the Markdown with the front matter lines blanked
    /// out, so that cmark's line numbers are the file's line numbers.
    private mutating func splitFrontMatter(what: String) -> (yaml: String?, closing: Int?, markdown: String) {
        var firstLine = source.line(1)
        if firstLine.hasPrefix("\u{FEFF}") { firstLine.removeFirst() }
        guard firstLine == "---" else {
            report(.missingFrontMatter, "\(what) has no front matter",
                   at: .file(source.path),
                   notes: [DiagnosticNote("a file starts with '---', its facts in YAML, and '---'; see docs/format.md")])
            return (nil, nil, source.text)
        }
        var closing: Int?
        for n in 2...max(2, source.lineCount) where n <= source.lineCount {
            let line = source.line(n)
            if line == "---" || line == "..." { closing = n; break }
        }
        guard let closing else {
            report(.missingFrontMatter, "The front matter of \(what.lowercased()) is not closed with '---'",
                   at: source.range(line: 1, column: 1, length: 3))
            return (nil, nil, source.text)
        }
        let yaml = (2..<closing).map { source.line($0) }.joined(separator: "\n")
        let body = source.text.utf8.split(separator: UInt8(ascii: "\n"), maxSplits: closing, omittingEmptySubsequences: false)
        let rest = body.count > closing ? String(decoding: body[closing], as: UTF8.self) : ""
        return (yaml, closing, String(repeating: "\n", count: closing) + rest)
    }

    /// A file with front matter of its own kind (a patient case): its YAML, and its text parsed for
    /// references, raw HTML and words, without clauses.
    mutating func parseWithoutClauses() -> (yaml: String?, closing: Int?, document: Document) {
        let (yaml, closing, markdown) = splitFrontMatter(what: "'\(source.path)'")
        let tree = Markdown.parse(markdown, extensions: .agreement)
        var document = Document(entry: entry, source: source, frontMatter: nil, clauses: [], references: [],
                                clauseIndex: [:], textStartLine: (closing ?? 0) + 1)
        collectLinksAndHTML(tree, into: &document)
        return (yaml, closing, document)
    }

    private mutating func readFrontMatterFields(_ yaml: String, reader: inout YAMLReader, closingLine: Int) -> FrontMatter? {
        let what = "the front matter of '\(entry.id)'"
        let fallback = source.range(line: 1, column: 1, length: 3)
        guard let node = reader.compose(yaml) else {
            if reader.diagnostics.isEmpty {
                reader.report(.missingKey, "Front matter of '\(entry.id)' is empty", at: fallback)
            }
            return nil
        }
        guard let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: Self.frontMatterKeys, what: what)

        var ranges: [String: SourceRange] = [:]
        for (key, _, value) in map.pairs { ranges[key] = reader.range(of: value) }

        let id = reader.requireKey("id", in: map, what: what, fallback: fallback).flatMap { reader.string($0, key: "id") }
        let kind = reader.requireKey("kind", in: map, what: what, fallback: fallback)
            .flatMap { reader.oneOf($0, key: "kind", as: DocumentKind.self) }
        let title = reader.requireKey("title", in: map, what: what, fallback: fallback)
            .flatMap { reader.string($0, key: "title") }
        let shortTitle = reader.requireKey("short-title", in: map, what: what, fallback: fallback)
            .flatMap { reader.string($0, key: "short-title") }
        let validFrom = reader.requireKey("valid-from", in: map, what: what, fallback: fallback)
            .flatMap { reader.date($0, key: "valid-from") }

        var validity: Validity?
        let validTo = map.value("valid-to").flatMap { reader.date($0, key: "valid-to") }
        let furtherNotice = map.value("valid-until-further-notice").flatMap { reader.bool($0, key: "valid-until-further-notice") }
        switch (map.value("valid-to"), map.value("valid-until-further-notice")) {
        case (nil, nil):
            reader.report(.missingKey, "Missing key 'valid-to' or 'valid-until-further-notice' in \(what)",
                          at: reader.range(of: map.node))
        case (.some, .some):
            reader.report(.invalidValue, "Give either 'valid-to' or 'valid-until-further-notice', not both",
                          at: ranges["valid-until-further-notice"] ?? fallback)
        case (.some, nil):
            if let validTo { validity = .until(validTo) }
        case (nil, .some):
            if furtherNotice == true {
                validity = .untilFurtherNotice
            } else if furtherNotice == false {
                reader.report(.missingKey, "Missing key 'valid-to' in \(what): it is not valid until further notice",
                              at: ranges["valid-until-further-notice"] ?? fallback)
            }
        }
        if let validFrom, let validTo, validTo < validFrom {
            reader.report(.invalidValue, "'valid-to' \(validTo) is before 'valid-from' \(validFrom)",
                          at: ranges["valid-to"] ?? fallback)
        }

        var legalBasis: [String] = []
        if let node = map.value("legal-basis") {
            legalBasis = reader.stringList(node, key: "legal-basis") ?? []
            if case let .sequence(sequence) = node, sequence.isEmpty {
                reader.report(.invalidValue, "'legal-basis' is empty: name the statute the agreement rests on",
                              at: ranges["legal-basis"] ?? fallback)
            }
        } else if kind == .statutoryAgreement {
            reader.report(.missingKey, "Missing key 'legal-basis' in \(what): a statutory agreement names its legal basis",
                          at: reader.range(of: map.node))
        }

        if let id, id != entry.id, let range = ranges["id"] {
            reader.report(.frontMatterMismatch, "Front matter id '\(id)' differs from the manifest's '\(entry.id)'",
                          at: range, notes: [DiagnosticNote("listed in the manifest here", at: entry.idRange)],
                          fix: Fix("use the manifest's ID", range: range, replacement: entry.id))
        }
        if let kind, kind != entry.kind, let range = ranges["kind"] {
            reader.report(.frontMatterMismatch,
                          "Front matter kind '\(kind.rawValue)' differs from the manifest's '\(entry.kind.rawValue)'",
                          at: range, notes: [DiagnosticNote("listed in the manifest here", at: entry.idRange)])
        }

        guard let id, let kind, let title, let shortTitle, let validFrom, let validity else { return nil }
        return FrontMatter(id: id, kind: kind, title: title, shortTitle: shortTitle, validFrom: validFrom,
                           validity: validity, legalBasis: legalBasis, ranges: ranges)
    }

    // MARK: Clauses

    private struct HeadingInfo {
        var node: MarkdownNode
        var level: Int
        var range: SourceRange
        var text: String
        /// The `{#…}` suffix as written, if any, and where it is.
        var writtenID: String?
        var idRange: SourceRange?
    }

    private mutating func buildClauses(_ tree: MarkdownNode, into document: inout Document) {
        // Pass 1: headings and their written IDs, so that a proposed ID can avoid every existing one.
        var headings: [HeadingInfo] = []
        var headingOfBlock: [Int: Int] = [:]
        for (blockIndex, block) in tree.children.enumerated() {
            guard case let .heading(level) = block.kind, let byteRange = block.range else { continue }
            headingOfBlock[blockIndex] = headings.count
            headings.append(headingInfo(block, level: level, range: source.range(byteRange)))
        }
        var usedIDs = Set(headings.compactMap(\.writtenID).filter(Suggestions.isValidID))

        // Pass 2: the tree.
        var openByLevel: [(level: Int, clause: Int)] = []
        var previousLevel = 0
        var topLevelCount = 0
        var current: Int?
        for blockIndex in tree.children.indices {
            guard let h = headingOfBlock[blockIndex] else {
                if let current { document.clauses[current].hasOwnContent = true }
                continue
            }
            let info = headings[h]
            let id = resolveID(info, usedIDs: &usedIDs, document: document)

            if info.level > previousLevel + 1 {
                report(.skippedHeadingLevel,
                       "Heading level \(info.level) follows level \(previousLevel): a level is skipped",
                       at: info.range,
                       fix: Fix("use a level-\(previousLevel + 1) heading", range: markerRange(info),
                                replacement: String(repeating: "#", count: previousLevel + 1)))
            }
            previousLevel = info.level

            while let last = openByLevel.last, last.level >= info.level { openByLevel.removeLast() }
            let parent = openByLevel.last?.clause
            let index = document.clauses.count
            let ordinal: Int
            if let parent {
                document.clauses[parent].children.append(index)
                ordinal = document.clauses[parent].children.count
            } else {
                topLevelCount += 1
                ordinal = topLevelCount
            }
            let nextHeadingLine = h + 1 < headings.count ? headings[h + 1].range.start.line : source.lineCount + 1
            document.clauses.append(Clause(
                id: id, heading: info.text, headingMarkdown: headingMarkdown(info), level: info.level, parent: parent, children: [], ordinal: ordinal,
                headingRange: info.range, idRange: info.idRange ?? info.range,
                bodyLines: (info.range.end.line + 1)..<max(info.range.end.line + 1, nextHeadingLine),
                hasOwnContent: false))
            openByLevel.append((info.level, index))
            current = index

            if let first = document.clauseIndex[id] {
                if info.writtenID == id {
                    report(.duplicateClauseID, "Clause ID '\(id)' is already used in '\(entry.id)'",
                           at: info.idRange ?? info.range,
                           notes: [DiagnosticNote("first used here", at: document.clauses[first].idRange)])
                }
            } else {
                document.clauseIndex[id] = index
            }
        }

        for clause in document.clauses where !clause.hasOwnContent && clause.children.isEmpty {
            report(.emptyClause, "Clause '\(clause.id)' has no text", at: clause.headingRange,
                   notes: [DiagnosticNote("write the clause's text below its heading, or remove the heading")])
        }
    }

    private func headingInfo(_ block: MarkdownNode, level: Int, range: SourceRange) -> HeadingInfo {
        let text = block.plainText.trimmed
        var info = HeadingInfo(node: block, level: level, range: range, text: text)
        guard text.hasSuffix("}"), let open = text.lastRange(of: "{#") else { return info }
        info.writtenID = String(text[open.upperBound..<text.index(before: text.endIndex)])
        info.text = text[..<open.lowerBound].trimmed
        // Find the suffix in the source: on the heading's line for ATX, above the underline for setext.
        for n in stride(from: range.end.line, through: range.start.line, by: -1) {
            let line = source.line(n)
            if let found = line.lastRange(of: "{#"),
               let close = line[found.lowerBound...].firstIndex(of: "}") {
                let column = line.unicodeScalars.distance(from: line.startIndex, to: found.lowerBound) + 1
                let length = line.unicodeScalars.distance(from: found.lowerBound, to: close) + 1
                info.idRange = source.range(line: n, column: column, length: length)
                break
            }
        }
        return info
    }

    /// The heading's Markdown source without the ATX marker, closing `#`s and the `{#id}` suffix.
    private func headingMarkdown(_ info: HeadingInfo) -> String {
        let first = info.range.start.line
        let line = source.line(first)
        let isATX = line.drop { $0 == " " }.first == "#"
        let lines = isATX ? [first] : Array(first..<max(first + 1, info.range.end.line))
        var text = lines.map { source.line($0).trimmed }.joined(separator: " ")
        if isATX {
            text = text.drop { $0 == "#" }.trimmed
            if let end = headingTextEnd(info) {
                let scalars = Array(line.unicodeScalars)
                let indent = line.prefix { $0 == " " }.count
                let hashes = line.dropFirst(indent).prefix { $0 == "#" }.count
                let start = min(indent + hashes, scalars.count), stop = min(max(end.start.column - 1, start), scalars.count)
                text = String(String.UnicodeScalarView(scalars[start..<stop])).trimmed
            }
        }
        if info.writtenID != nil, text.hasSuffix("}"), let open = text.lastRange(of: "{#") {
            text = text[..<open.lowerBound].trimmed
        }
        return text
    }

    /// The `#` marker of an ATX heading (or the whole heading line for setext headings).
    private func markerRange(_ info: HeadingInfo) -> SourceRange {
        let line = source.line(info.range.start.line)
        let hashes = line.drop { $0 == " " }.prefix { $0 == "#" }
        guard !hashes.isEmpty else { return info.range }
        let column = line.prefix { $0 == " " }.count + 1
        return source.range(line: info.range.start.line, column: column, length: hashes.count)
    }

    /// The clause's ID, reporting a missing or malformed one. A clause always gets some ID, so that
    /// numbering and the checks after it go on; the error already fails the run.
    private mutating func resolveID(_ info: HeadingInfo, usedIDs: inout Set<String>, document: Document) -> String {
        if let written = info.writtenID, Suggestions.isValidID(written) { return written }
        var proposal = Suggestions.clauseID(fromHeading: info.writtenID.flatMap { $0.isEmpty ? nil : $0 } ?? info.text)
        if usedIDs.contains(proposal) {
            var n = 2
            while usedIDs.contains("\(proposal)-\(n)") { n += 1 }
            proposal = "\(proposal)-\(n)"
        }
        usedIDs.insert(proposal)
        if let written = info.writtenID, let idRange = info.idRange {
            report(.malformedID,
                   "Clause ID '\(written)' is malformed: use lower-case a–z, digits and single dashes",
                   at: idRange,
                   fix: Fix("use '\(proposal)'", range: idRange, replacement: "{#\(proposal)}"))
        } else {
            let end = SourceRange(file: source.path, start: info.range.end, end: info.range.end)
            let endOfText = headingTextEnd(info) ?? end
            report(.headingWithoutID, "Heading '\(info.text)' has no ID", at: info.range,
                   notes: [DiagnosticNote("an ID is permanent: references and published versions point to it")],
                   fix: Fix("add ' {#\(proposal)}'", range: endOfText, replacement: " {#\(proposal)}"))
        }
        return proposal
    }

    /// The end of an ATX heading's text, before any closing `#`s and trailing spaces.
    private func headingTextEnd(_ info: HeadingInfo) -> SourceRange? {
        let lineNumber = info.range.start.line
        var scalars = Array(source.line(lineNumber).unicodeScalars)
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        if scalars.last == "#" {
            var trimmed = scalars
            while trimmed.last == "#" { trimmed.removeLast() }
            if trimmed.last == " " || trimmed.last == "\t" {
                scalars = trimmed
                while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
            }
        }
        let location = SourceLocation(line: lineNumber, column: scalars.count + 1)
        return SourceRange(file: source.path, start: location, end: location)
    }

    // MARK: Links and raw HTML

    private mutating func collectLinksAndHTML(_ tree: MarkdownNode, into document: inout Document) {
        var clauseOfLine: Int? = nil
        var nextClause = 0
        for block in tree.children {
            // Blocks follow headings in document order, so the current clause is the last heading seen.
            if let start = block.range?.start.line {
                while nextClause < document.clauses.count,
                      document.clauses[nextClause].headingRange.start.line <= start {
                    clauseOfLine = nextClause
                    nextClause += 1
                }
            }
            var stack: [(node: MarkdownNode, fallback: ByteRange?)] = [(block, block.range)]
            while let (node, fallback) = stack.popLast() {
                let byteRange = node.range ?? fallback
                switch node.kind {
                case .htmlBlock, .htmlInline:
                    reportRawHTML(node, range: byteRange.map(source.range) ?? .file(source.path))
                    continue
                case .link, .image:
                    let range = byteRange.map(source.range) ?? .file(source.path)
                    if let reference = reference(node, range: range, clause: clauseOfLine) {
                        document.references.append(reference)
                    }
                case .paragraph, .heading, .tableCell:
                    if let run = Self.textRun(node, clause: clauseOfLine) { document.textRuns.append(run) }
                default:
                    break
                }
                for child in node.children.reversed() { stack.append((child, byteRange)) }
            }
        }
    }

    /// The words of a leaf block, with where each piece is in the source.
    static func textRun(_ block: MarkdownNode, clause: Int?) -> TextRun? {
        var run = TextRun(text: "", clause: clause, pieces: [])
        var stack: [MarkdownNode] = block.children.reversed()
        while let node = stack.popLast() {
            switch node.kind {
            case .text:
                if let range = node.range {
                    run.pieces.append((run.text.utf8.count, range.start.line, range.start.column))
                }
                run.text += node.literal ?? ""
            case .softBreak, .lineBreak:
                run.text += " "
            case .code, .link, .image, .htmlInline, .footnoteReference:
                run.text += "\u{FFFC}"
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return run.pieces.isEmpty ? nil : run
    }

    private mutating func reportRawHTML(_ node: MarkdownNode, range: SourceRange) {
        let html = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = html.count > 40 ? String(html.prefix(40)) + "…" : html
        var fix: Fix?
        if node.kind == .htmlInline, html.hasPrefix("<"), !html.contains("\n") {
            fix = Fix("write '\\<' to show '<' as text", range: range, replacement: "\\" + html)
        }
        report(.rawHTML, "Raw HTML is not allowed in agreement text: \(shown)", at: range,
               notes: [DiagnosticNote("the texts are published to the public; write the formatting in Markdown")],
               fix: fix)
    }

    private mutating func reference(_ node: MarkdownNode, range: SourceRange, clause: Int?) -> Reference? {
        let destination = node.url ?? ""
        switch links.target(of: destination, from: entry) {
        case let .success(target):
            return Reference(destination: destination, target: target, text: node.plainText, range: range,
                             clause: clause, isImage: node.kind == .image)
        case .failure(.noDestination):
            report(.malformedReference, "Link has no destination", at: range,
                   notes: [DiagnosticNote("write [](#clause-id), [](document-id#clause-id) or [](document-id)")])
        case .failure(.emptyFragment):
            report(.malformedReference, "Reference '\(destination)' ends in an empty '#'", at: range,
                   notes: [DiagnosticNote("name the clause after '#', or remove the '#' to refer to the whole document")])
        }
        return nil
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
