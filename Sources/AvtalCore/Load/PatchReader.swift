import Foundation
import Yams

/// Reads `patches/<id>.yml`.
enum PatchReader {
    static let keys = ["id", "kind", "title", "decided-by", "decided-on", "reference", "rationale", "changes"]
    static let operationKeys = ["replace", "set-text", "set-heading", "insert", "delete", "move", "rename-id", "set-metadata"]
    static let changeKeys = ["target", "with", "expect", "expect-sha256", "after", "before", "into"] + operationKeys
    static let insertKeys = ["id", "heading", "text"]
    public static let metadataFields = ["title", "short-title", "valid-from", "valid-to"]

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Patch? {
        var reader = YAMLReader(file: source, stage: .assemble)
        defer { diagnostics += reader.diagnostics }
        let what = "the patch"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty { reader.report(.missingKey, "The patch is empty", at: fallback) }
            return nil
        }
        guard let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: keys, what: what)
        func text(_ key: String) -> String? {
            reader.requireKey(key, in: map, what: what, fallback: fallback).flatMap { reader.string($0, key: key) }
        }
        let id = text("id")
        let kind = reader.requireKey("kind", in: map, what: what, fallback: fallback)
            .flatMap { reader.oneOf($0, key: "kind", as: PatchKind.self) }
        let title = text("title"), decidedBy = text("decided-by"), reference = text("reference")
        let rationale = text("rationale")
        let decidedOn = reader.requireKey("decided-on", in: map, what: what, fallback: fallback)
            .flatMap { reader.date($0, key: "decided-on") }

        var changes: [Change] = []
        var changesValid = true
        if let changesNode = reader.requireKey("changes", in: map, what: what, fallback: fallback) {
            if case let .sequence(sequence) = changesNode, !sequence.isEmpty {
                for (offset, item) in sequence.enumerated() {
                    if let change = readChange(item, number: offset + 1, reader: &reader) {
                        changes.append(change)
                    } else {
                        changesValid = false
                    }
                }
            } else {
                reader.report(.wrongType, "Expected 'changes' to be a list of at least one change",
                              at: reader.range(of: changesNode))
                changesValid = false
            }
        } else {
            changesValid = false
        }

        if let id, let idNode = map.value("id"), !Suggestions.isValidID(id) {
            reader.report(.malformedID, "Patch ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                          at: reader.range(of: idNode))
        }
        let expectedName = source.path.split(separator: "/").last.map { String($0.dropLast(4)) }
        if let id, let idNode = map.value("id"), let expectedName, id != expectedName {
            reader.report(.invalidValue, "Patch ID '\(id)' differs from its file name '\(expectedName).yml'",
                          at: reader.range(of: idNode),
                          fix: Fix("use the file name", range: reader.range(of: idNode), replacement: expectedName))
        }
        guard let id, let kind, let title, let decidedBy, let decidedOn, let reference, let rationale, changesValid,
              let idNode = map.value("id")
        else { return nil }
        return Patch(id: id, kind: kind, title: title, decidedBy: decidedBy, decidedOn: decidedOn,
                     reference: reference, rationale: rationale, changes: changes, source: source,
                     idRange: reader.range(of: idNode))
    }

    private static func readChange(_ node: Node, number: Int, reader: inout YAMLReader) -> Change? {
        let what = "change \(number)"
        guard let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: changeKeys, what: what)
        let range = map.keyNode("target").map { reader.range(of: $0) } ?? reader.range(of: node)
        guard let targetNode = reader.requireKey("target", in: map, what: what, fallback: range),
              let targetText = reader.string(targetNode, key: "target")
        else { return nil }
        guard let target = Target(targetText) else {
            reader.report(.invalidChange, "Target '\(targetText)' is not 'document-id' or 'document-id#clause-id'",
                          at: reader.range(of: targetNode))
            return nil
        }
        let operations = operationKeys.filter { map.value($0) != nil }
        guard operations.count == 1, let name = operations.first, let value = map.value(name) else {
            let found = operations.isEmpty ? "none" : operations.joined(separator: ", ")
            reader.report(.invalidChange, "A change has exactly one operation (\(operationKeys.joined(separator: ", "))); found \(found)",
                          at: range)
            return nil
        }
        func need(_ key: String) -> String? {
            guard let node = map.value(key) else {
                reader.report(.missingKey, "Missing key '\(key)' in \(what) ('\(name)' needs it)", at: range)
                return nil
            }
            return reader.rawText(node, key: key)
        }
        func needsClause() -> Bool {
            if target.clause == nil {
                reader.report(.invalidChange, "'\(name)' changes a clause: write the target as '\(target.document)#clause-id'",
                              at: reader.range(of: targetNode))
                return false
            }
            return true
        }
        func placement() -> Placement? {
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
        func guardValue() -> Guard? {
            if let expect = map.value("expect").flatMap({ reader.rawText($0, key: "expect") }) { return .text(expect) }
            if let hash = map.value("expect-sha256").flatMap({ reader.string($0, key: "expect-sha256") }) {
                return .sha256(hash.lowercased())
            }
            return nil
        }

        let operation: Operation
        switch name {
        case "replace":
            guard needsClause(), let phrase = reader.rawText(value, key: "replace"), let with = need("with") else { return nil }
            operation = .replace(phrase: phrase, with: with)
        case "set-text":
            guard needsClause(), let text = reader.rawText(value, key: "set-text") else { return nil }
            guard let guardValue = guardValue() else {
                reader.report(.missingKey, "Missing key 'expect' or 'expect-sha256' in \(what): 'set-text' is guarded by the text it replaces",
                              at: range)
                return nil
            }
            operation = .setText(text, guard: guardValue)
        case "set-heading":
            guard needsClause(), let heading = reader.string(value, key: "set-heading"), let expect = need("expect") else { return nil }
            operation = .setHeading(heading, expect: expect.trimmingCharacters(in: .whitespacesAndNewlines))
        case "insert":
            guard let insertMap = reader.mapping(value, what: "'insert'") else { return nil }
            reader.rejectUnknownKeys(insertMap, allowed: insertKeys, what: "'insert'")
            let fields = insertKeys.map { key in
                reader.requireKey(key, in: insertMap, what: "'insert'", fallback: range).flatMap { reader.rawText($0, key: key) }
            }
            guard let placement = placement(), let id = fields[0], let heading = fields[1], let text = fields[2] else { return nil }
            if !Suggestions.isValidID(id), let idNode = insertMap.value("id") {
                reader.report(.malformedID, "Clause ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                              at: reader.range(of: idNode))
                return nil
            }
            operation = .insert(id: id, heading: heading.trimmingCharacters(in: .whitespacesAndNewlines), text: text, placement: placement)
        case "delete":
            guard needsClause() else { return nil }
            if case let .scalar(scalar) = value, scalar.string != "true" {
                reader.report(.invalidChange, "Write 'delete: true'", at: reader.range(of: value))
                return nil
            }
            operation = .delete(guard: guardValue())
        case "move":
            guard needsClause(), let placement = placement() else { return nil }
            operation = .move(placement)
        case "rename-id":
            guard needsClause(), let newID = reader.string(value, key: "rename-id") else { return nil }
            if !Suggestions.isValidID(newID) {
                reader.report(.malformedID, "Clause ID '\(newID)' is malformed: use lower-case a–z, digits and single dashes",
                              at: reader.range(of: value))
                return nil
            }
            operation = .renameID(newID)
        default: // set-metadata
            guard let field = reader.string(value, key: "set-metadata") else { return nil }
            guard metadataFields.contains(field) else {
                reader.report(.invalidValue, "'set-metadata' changes one of \(metadataFields.joined(separator: ", ")), not '\(field)'",
                              at: reader.range(of: value))
                return nil
            }
            if target.clause != nil {
                reader.report(.invalidChange, "'set-metadata' changes a document: write the target as '\(target.document)'",
                              at: reader.range(of: targetNode))
                return nil
            }
            guard let newValue = need("with"), let expect = need("expect") else { return nil }
            operation = .setMetadata(field: field,
                                     value: newValue.trimmingCharacters(in: .whitespacesAndNewlines),
                                     expect: expect.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return Change(target: target, operation: operation, range: range, number: number)
    }
}
