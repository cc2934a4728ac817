import Yams

/// `kinds` in the manifest: kinds of document besides agreement, statutory agreement and appendix,
/// with the Swedish nouns that name them.
extension CorpusLoader {
    static func readKinds(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> [DocumentKind] {
        guard let node = map.value("kinds"), let items = reader.list(node, key: "kinds") else { return [] }
        var kinds: [DocumentKind] = []
        let what = "a kind"
        for item in items {
            guard let kindMap = reader.mapping(item, what: what) else { continue }
            reader.rejectUnknownKeys(kindMap, allowed: FormatKeys.manifestKind.keys, what: what)
            let fallback = reader.range(of: item)
            func text(_ key: String) -> String? {
                reader.requireKey(key, in: kindMap, what: what, fallback: fallback).flatMap { reader.string($0, key: key) }
            }
            let idNode = reader.requireKey("id", in: kindMap, what: what, fallback: fallback)
            let id = idNode.flatMap { reader.string($0, key: "id") }
            let (label, definite, plural, definitePlural) = (text("label"), text("definite"), text("plural"), text("definite-plural"))
            let neuter = kindMap.value("neuter").flatMap { reader.bool($0, key: "neuter") } ?? false
            let english = kindMap.value("label-en").flatMap { reader.string($0, key: "label-en") }
            guard let id, let idNode, let label, let definite, let plural, let definitePlural else { continue }
            let range = reader.range(of: idNode)
            if !Suggestions.isValidID(id) {
                reader.report(.malformedID, "Kind '\(id)' is malformed: use lower-case a–z, digits and single dashes", at: range)
                continue
            }
            if DocumentKind(rawValue: id) != nil || kinds.contains(where: { $0.rawValue == id }) {
                reader.report(.invalidValue, "Kind '\(id)' is already defined", at: range,
                              notes: [DiagnosticNote("agreement, statutory-agreement and appendix are built in; declare each other kind once")])
                continue
            }
            kinds.append(DocumentKind(declared: id, wording: .init(label: label, definite: definite, plural: plural,
                                                                  definitePlural: definitePlural, neuter: neuter,
                                                                  labelEnglish: english)))
        }
        return kinds
    }

    /// A document's `kind`: a built-in kind or one the manifest declares.
    static func readKind(_ node: Node, declared: [DocumentKind], reader: inout YAMLReader) -> DocumentKind? {
        if let text = node.string, let kind = declared.first(where: { $0.rawValue == text }) { return kind }
        guard node.string.map({ DocumentKind(rawValue: $0) == nil }) == true, !declared.isEmpty else {
            return reader.oneOf(node, key: "kind", as: DocumentKind.self)
        }
        let allowed = (DocumentKind.allCases + declared).map(\.rawValue)
        let text = node.string ?? ""
        let range = reader.range(of: node)
        reader.report(.invalidValue, "'kind' must be one of \(allowed.joined(separator: ", ")), not '\(text)'", at: range,
                      fix: Suggestions.nearest(to: text, in: allowed).first.map { Fix("use '\($0)'", range: range, replacement: $0) })
        return nil
    }
}
