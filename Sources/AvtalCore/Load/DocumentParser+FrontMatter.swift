import AvtalMarkdown
import Foundation

/// Reading a document's front matter.
extension DocumentParser {
    static let frontMatterKeys = FormatKeys.frontMatter.keys
    static let furtherNoticeKey = "valid-until-further-notice"

    /// Returns the front matter and the Markdown with the front matter lines blanked out,
    /// so that cmark's line numbers are the file's line numbers.
    mutating func readFrontMatter() -> (FrontMatter?, String, Int) {
        let (yaml, closing, markdown) = splitFrontMatter(what: "Document '\(entry.id)'")
        guard let yaml, let closing else { return (nil, markdown, 1) }
        var reader = YAMLReader(file: source, lineOffset: 1)
        let frontMatter = readFrontMatterFields(yaml, reader: &reader, closingLine: closing)
        diagnostics += reader.diagnostics
        return (frontMatter, markdown, closing + 1)
    }

    /// The front matter's YAML and closing line, and the Markdown with the front matter lines blanked
    /// out, so that cmark's line numbers are the file's line numbers.
    mutating func splitFrontMatter(what: String) -> (yaml: String?, closing: Int?, markdown: String) {
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

    mutating func readFrontMatterFields(_ yaml: String, reader: inout YAMLReader, closingLine: Int) -> FrontMatter? {
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
        func text(_ key: String) -> String? {
            reader.requireKey(key, in: map, what: what, fallback: fallback).flatMap { reader.string($0, key: key) }
        }
        let id = text("id")
        // A kind the manifest declares is known by its entry: the front matter repeats it.
        let kind = reader.requireKey("kind", in: map, what: what, fallback: fallback).flatMap { node in
            node.string == entry.kind.rawValue ? entry.kind : reader.oneOf(node, key: "kind", as: DocumentKind.self)
        }
        let title = text(FrontMatterField.title.rawValue)
        let shortTitle = text(FrontMatterField.shortTitle.rawValue)
        let validFromKey = FrontMatterField.validFrom.rawValue
        let validFrom = reader.requireKey(validFromKey, in: map, what: what, fallback: fallback)
            .flatMap { reader.date($0, key: validFromKey) }
        let validity = readValidity(map, validFrom: validFrom, reader: &reader, ranges: ranges, what: what, fallback: fallback)
        let legalBasis = readLegalBasis(map, kind: kind, reader: &reader, ranges: ranges, what: what, fallback: fallback)
        compareWithManifest(id: id, kind: kind, ranges: ranges, reader: &reader)

        let referenceName = readReferenceName(map, reader: &reader, ranges: ranges, fallback: fallback)

        guard let id, let kind, let title, let shortTitle, let validFrom, let validity else { return nil }
        return FrontMatter(id: id, kind: kind, title: title, shortTitle: shortTitle, validFrom: validFrom,
                           validity: validity, legalBasis: legalBasis, ranges: ranges, givenReferenceName: referenceName)
    }

    /// `reference-name`, optional: how running text names the document, so never empty.
    private func readReferenceName(_ map: YAMLReader.Mapping, reader: inout YAMLReader,
                                   ranges: [String: SourceRange], fallback: SourceRange) -> String? {
        let key = FrontMatter.referenceNameKey
        guard let node = map.value(key), let name = reader.string(node, key: key) else { return nil }
        guard !name.trimmed.isEmpty else {
            reader.report(.invalidValue, "'\(key)' is empty: write how running text names the document, e.g. 'avtalet om …'",
                          at: ranges[key] ?? fallback)
            return nil
        }
        return name.trimmed
    }

    /// `valid-to` or `valid-until-further-notice`: exactly one of them.
    private func readValidity(_ map: YAMLReader.Mapping, validFrom: CalendarDate?, reader: inout YAMLReader,
                              ranges: [String: SourceRange], what: String, fallback: SourceRange) -> Validity? {
        let validToKey = FrontMatterField.validTo.rawValue, furtherNoticeKey = Self.furtherNoticeKey
        var validity: Validity?
        let validTo = map.value(validToKey).flatMap { reader.date($0, key: validToKey) }
        let furtherNotice = map.value(furtherNoticeKey).flatMap { reader.bool($0, key: furtherNoticeKey) }
        switch (map.value(validToKey), map.value(furtherNoticeKey)) {
        case (nil, nil):
            reader.report(.missingKey, "Missing key '\(validToKey)' or '\(furtherNoticeKey)' in \(what)",
                          at: reader.range(of: map.node))
        case (.some, .some):
            reader.report(.invalidValue, "Give either '\(validToKey)' or '\(furtherNoticeKey)', not both",
                          at: ranges[furtherNoticeKey] ?? fallback)
        case (.some, nil):
            if let validTo { validity = .until(validTo) }
        case (nil, .some):
            if furtherNotice == true {
                validity = .untilFurtherNotice
            } else if furtherNotice == false {
                reader.report(.missingKey, "Missing key '\(validToKey)' in \(what): it is not valid until further notice",
                              at: ranges[furtherNoticeKey] ?? fallback)
            }
        }
        if let validFrom, let validTo, validTo < validFrom {
            reader.report(.invalidValue, "'\(validToKey)' \(validTo) is before '\(FrontMatterField.validFrom.rawValue)' \(validFrom)",
                          at: ranges[validToKey] ?? fallback)
        }
        return validity
    }

    private func readLegalBasis(_ map: YAMLReader.Mapping, kind: DocumentKind?, reader: inout YAMLReader,
                                ranges: [String: SourceRange], what: String, fallback: SourceRange) -> [String] {
        let key = FrontMatterField.legalBasis.rawValue
        guard let node = map.value(key) else {
            if kind == .statutoryAgreement {
                reader.report(.missingKey, "Missing key '\(key)' in \(what): a statutory agreement names its legal basis",
                              at: reader.range(of: map.node))
            }
            return []
        }
        let legalBasis = reader.stringList(node, key: key) ?? []
        if case let .sequence(sequence) = node, sequence.isEmpty {
            reader.report(.invalidValue, "'\(key)' is empty: name the statute the agreement rests on",
                          at: ranges[key] ?? fallback)
        }
        return legalBasis
    }

    /// The front matter repeats the manifest's ID and kind; they must agree.
    private func compareWithManifest(id: String?, kind: DocumentKind?, ranges: [String: SourceRange],
                                     reader: inout YAMLReader) {
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
    }
}
