import Foundation
import Yams

/// Reads the operation of one change of a patch, once its target and operation key are known.
struct ChangeReader {
    let map: YAMLReader.Mapping
    let target: Target
    let targetNode: Node
    /// Where problems with the change are reported: its `target` key.
    let range: SourceRange
    /// The operation's key, as `replace`.
    let name: String
    /// "change 3", for diagnostics.
    let what: String

    func operation(_ value: Node, reader: inout YAMLReader) -> Operation? {
        switch name {
        case "replace":
            guard needsClause(&reader), let phrase = reader.rawText(value, key: "replace"),
                  let with = need("with", &reader) else { return nil }
            return .replace(phrase: phrase, with: with)
        case "set-text": return setText(value, &reader)
        case "set-heading":
            guard needsClause(&reader), let heading = reader.string(value, key: "set-heading"),
                  let expect = need("expect", &reader) else { return nil }
            return .setHeading(heading, expect: expect.trimmingCharacters(in: .whitespacesAndNewlines))
        case "insert": return insert(value, &reader)
        case "delete":
            guard needsClause(&reader) else { return nil }
            if case let .scalar(scalar) = value, scalar.string != "true" {
                reader.report(.invalidChange, "Write 'delete: true'", at: reader.range(of: value))
                return nil
            }
            return .delete(guard: guardValue(&reader))
        case "move":
            guard needsClause(&reader), let placement = placement(&reader) else { return nil }
            return .move(placement)
        case "rename-id":
            guard needsClause(&reader), let newID = reader.string(value, key: "rename-id"),
                  isValidID(newID, at: value, &reader) else { return nil }
            return .renameID(newID)
        default:
            return setMetadata(value, &reader)
        }
    }

    private func need(_ key: String, _ reader: inout YAMLReader) -> String? {
        guard let node = map.value(key) else {
            reader.report(.missingKey, "Missing key '\(key)' in \(what) ('\(name)' needs it)", at: range)
            return nil
        }
        return reader.rawText(node, key: key)
    }

    private func needsClause(_ reader: inout YAMLReader) -> Bool {
        if target.clause == nil {
            reader.report(.invalidChange, "'\(name)' changes a clause: write the target as '\(target.document)#clause-id'",
                          at: reader.range(of: targetNode))
            return false
        }
        return true
    }

    private func isValidID(_ id: String, at node: Node, _ reader: inout YAMLReader) -> Bool {
        if Suggestions.isValidID(id) { return true }
        reader.report(.malformedID, "Clause ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                      at: reader.range(of: node))
        return false
    }

    private func placement(_ reader: inout YAMLReader) -> Placement? {
        let given = ["after", "before", "into"].filter { map.value($0) != nil }
        guard given.count == 1, let key = given.first, let node = map.value(key),
              let id = reader.string(node, key: key)
        else {
            reader.report(.invalidChange, "'\(name)' needs exactly one of 'after', 'before' or 'into'", at: range)
            return nil
        }
        switch key {
        case "after": return .after(id)
        case "before": return .before(id)
        default: return .into(id)
        }
    }

    private func guardValue(_ reader: inout YAMLReader) -> Guard? {
        if let expect = map.value("expect").flatMap({ reader.rawText($0, key: "expect") }) { return .text(expect) }
        if let hash = map.value("expect-sha256").flatMap({ reader.string($0, key: "expect-sha256") }) {
            return .sha256(hash.lowercased())
        }
        return nil
    }

    private func setText(_ value: Node, _ reader: inout YAMLReader) -> Operation? {
        guard needsClause(&reader), let text = reader.rawText(value, key: "set-text") else { return nil }
        guard let guardValue = guardValue(&reader) else {
            reader.report(.missingKey, "Missing key 'expect' or 'expect-sha256' in \(what): 'set-text' is guarded by the text it replaces",
                          at: range)
            return nil
        }
        return .setText(text, guard: guardValue)
    }

    private func insert(_ value: Node, _ reader: inout YAMLReader) -> Operation? {
        guard let insertMap = reader.mapping(value, what: "'insert'") else { return nil }
        reader.rejectUnknownKeys(insertMap, allowed: PatchReader.insertKeys, what: "'insert'")
        let fields = PatchReader.insertKeys.map { key in
            reader.requireKey(key, in: insertMap, what: "'insert'", fallback: range).flatMap { reader.rawText($0, key: key) }
        }
        guard let placement = placement(&reader), let id = fields[0], let heading = fields[1], let text = fields[2] else { return nil }
        if let idNode = insertMap.value("id"), !isValidID(id, at: idNode, &reader) { return nil }
        return .insert(id: id, heading: heading.trimmingCharacters(in: .whitespacesAndNewlines), text: text, placement: placement)
    }

    private func setMetadata(_ value: Node, _ reader: inout YAMLReader) -> Operation? {
        guard let fieldName = reader.string(value, key: "set-metadata") else { return nil }
        guard let field = FrontMatterField(rawValue: fieldName), field.isPatchable else {
            let fields = FrontMatterField.patchable.map(\.rawValue).joined(separator: ", ")
            reader.report(.invalidValue, "'set-metadata' changes one of \(fields), not '\(fieldName)'",
                          at: reader.range(of: value))
            return nil
        }
        if target.clause != nil {
            reader.report(.invalidChange, "'set-metadata' changes a document: write the target as '\(target.document)'",
                          at: reader.range(of: targetNode))
            return nil
        }
        guard let newValue = need("with", &reader), let expect = need("expect", &reader) else { return nil }
        return .setMetadata(field: field, value: newValue.trimmingCharacters(in: .whitespacesAndNewlines),
                            expect: expect.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
