import Foundation
import Yams

/// `externa-dokument.yml`: documents the agreements point to but do not contain, referred to as
/// `[](ext:kok-boken)`.
public struct ExternalDocuments: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var description: String?
        public var url: String
    }

    public var documents: [Entry]
    public static let fileName = "externa-dokument.yml"
    public static let scheme = "ext:"

    public func document(_ id: String) -> Entry? { documents.first { $0.id == id } }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> ExternalDocuments? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the external documents"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.externalDocuments.keys, what: what)
        var documents: [Entry] = []
        for item in map.value("documents").flatMap({ reader.list($0, key: "documents") }) ?? [] {
            guard let entry = reader.mapping(item, what: "an external document") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.externalDocument.keys, what: "an external document")
            let at = reader.range(of: item)
            guard let id = reader.requireKey("id", in: entry, what: "an external document", fallback: at).flatMap({ reader.id($0, key: "id") }),
                  let title = reader.requireKey("title", in: entry, what: "an external document", fallback: at)
                      .flatMap({ reader.string($0, key: "title") }),
                  let urlNode = reader.requireKey("url", in: entry, what: "an external document", fallback: at),
                  let url = reader.string(urlNode, key: "url")
            else { continue }
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                reader.report(.invalidValue, "'url' must be an http(s) address, not '\(url)'", at: reader.range(of: urlNode))
                continue
            }
            documents.append(Entry(id: id, title: title,
                                   description: entry.value("description").flatMap { reader.string($0, key: "description") }, url: url))
        }
        return ExternalDocuments(documents: documents)
    }
}
