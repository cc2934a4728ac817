import Foundation
import Yams

/// A patient case (`patientfall/<id>.md`): a short story that shows how clauses apply.
public struct PatientCase: Sendable {
    public var id: String
    public var title: String
    public var theme: String
    public var themeRange: SourceRange
    /// The clauses it illustrates, with where each is written.
    public var illustrates: [(target: Target, range: SourceRange)]
    /// The text, parsed like a document without clauses: references, words, source.
    public var document: Document

    public static let folder = "patientfall"
}

enum PatientCaseReader {
    static let keys = FormatKeys.patientCase.keys

    static func read(_ source: SourceFile, links: LinkContext, diagnostics: inout [Diagnostic]) -> PatientCase? {
        let name = String(source.path.split(separator: "/").last?.dropLast(3) ?? "")
        let entry = Manifest.Entry(id: name, file: source.path, kind: .appendix, idRange: .file(source.path),
                                   fileRange: .file(source.path))
        var parser = DocumentParser(entry: entry, source: source, links: links)
        let (yaml, closing, document) = parser.parseWithoutClauses()
        diagnostics += parser.diagnostics
        guard let yaml, let closing else { return nil }
        var reader = YAMLReader(file: source, lineOffset: 1)
        defer { diagnostics += reader.diagnostics }
        let what = "the patient case"
        let fallback = source.range(line: 1, column: 1, length: 3)
        _ = closing
        guard let node = reader.compose(yaml), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: keys, what: what)
        func need(_ key: String) -> Node? { reader.requireKey(key, in: map, what: what, fallback: fallback) }
        let idNode = need("id")
        let id = idNode.flatMap { reader.id($0, key: "id") }
        if let id, let idNode, id != name {
            reader.report(.invalidValue, "Patient case ID '\(id)' differs from its file name '\(name).md'", at: reader.range(of: idNode),
                          fix: Fix("use the file name", range: reader.range(of: idNode), replacement: name))
        }
        let title = need("title").flatMap { reader.string($0, key: "title") }
        let themeNode = need("theme")
        let theme = themeNode.flatMap { reader.string($0, key: "theme") }
        var illustrates: [(Target, SourceRange)] = []
        if let list = need("illustrates").flatMap({ reader.list($0, key: "illustrates") }) {
            if list.isEmpty { reader.report(.invalidValue, "'illustrates' is empty: name the clauses the case shows", at: fallback) }
            for item in list {
                guard let text = reader.string(item, key: "illustrates item") else { continue }
                guard let target = Target(text), target.clause != nil else {
                    reader.report(.malformedReference, "'\(text)' is not 'document-id#clause-id'", at: reader.range(of: item))
                    continue
                }
                illustrates.append((target, reader.range(of: item)))
            }
        }
        guard let id, let title, let theme else { return nil }
        return PatientCase(id: id, title: title, theme: theme, themeRange: themeNode.map { reader.range(of: $0) } ?? fallback,
                           illustrates: illustrates, document: document)
    }
}
