import Foundation
import Yams

enum RemissReader {
    static func readConsultees(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Consultees? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the consultees"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.consultees.keys, what: what)
        guard let groupsNode = reader.requireKey("groups", in: map, what: what, fallback: fallback),
              let groupNodes = reader.list(groupsNode, key: "groups")
        else { return nil }
        var groups: [Consultees.Group] = []
        var seen: [String: SourceRange] = [:]
        for item in groupNodes {
            guard let group = reader.mapping(item, what: "a consultee group") else { continue }
            reader.rejectUnknownKeys(group, allowed: FormatKeys.consulteeGroup.keys, what: "a consultee group")
            let at = reader.range(of: item)
            guard let idNode = reader.requireKey("id", in: group, what: "a consultee group", fallback: at),
                  let id = reader.id(idNode, key: "id"),
                  let title = reader.requireKey("title", in: group, what: "a consultee group", fallback: at)
                      .flatMap({ reader.string($0, key: "title") }),
                  let membersNode = reader.requireKey("members", in: group, what: "a consultee group", fallback: at),
                  let memberNodes = reader.list(membersNode, key: "members")
            else { continue }
            var members: [Consultees.Member] = []
            for memberItem in memberNodes {
                guard let (memberID, range, name) = reader.idEntry(memberItem, keys: FormatKeys.consultee, what: "a consultee") else { continue }
                if let first = seen[memberID] {
                    reader.report(.duplicateConsultee, "Consultee ID '\(memberID)' is used twice", at: range,
                                  notes: [DiagnosticNote("first used here", at: first)])
                    continue
                }
                seen[memberID] = range
                members.append(.init(id: memberID, name: name))
            }
            let range = reader.range(of: idNode)
            if let first = seen[id] {
                reader.report(.duplicateConsultee, "Consultee group ID '\(id)' is used twice", at: range,
                              notes: [DiagnosticNote("first used here", at: first)])
                continue
            }
            seen[id] = range
            groups.append(.init(id: id, title: title,
                                kommunalforbund: group.value("kommunalforbund").flatMap { reader.string($0, key: "kommunalforbund") },
                                members: members, idRange: range))
        }
        return Consultees(groups: groups)
    }
}

extension YAMLReader {
    mutating func list(_ node: Node, key: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            report(.wrongType, "Expected '\(key)' to be a list, found \(Self.shape(of: node))", at: range(of: node))
            return nil
        }
        return Array(sequence)
    }

    /// An entry of exactly an `id` and one text (`name`, `title`), the keys in that order: themes, consultees.
    mutating func idEntry(_ item: Node, keys: KeySet, what: String) -> (id: String, idRange: SourceRange, text: String)? {
        let textKey = keys.keys[1]
        guard let entry = mapping(item, what: what) else { return nil }
        rejectUnknownKeys(entry, allowed: keys.keys, what: what)
        let at = range(of: item)
        guard let idNode = requireKey("id", in: entry, what: what, fallback: at), let id = id(idNode, key: "id"),
              let text = requireKey(textKey, in: entry, what: what, fallback: at).flatMap({ string($0, key: textKey) })
        else { return nil }
        return (id, range(of: idNode), text)
    }

    mutating func id(_ node: Node, key: String) -> String? {
        guard let value = string(node, key: key) else { return nil }
        guard Suggestions.isValidID(value) else {
            report(.malformedID, "ID '\(value)' is malformed: use lower-case a–z, digits and single dashes", at: range(of: node))
            return nil
        }
        return value
    }
}
