import Foundation
import Yams

/// Reads `patches/<id>.yml`.
enum PatchReader {
    static let keys = FormatKeys.patch.keys
    static let operationKeys = FormatKeys.operations
    static let changeKeys = FormatKeys.change.keys
    static let insertKeys = FormatKeys.insert.keys

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
        let title = text("title"), decidedBy = text("decided-by"), rationale = text("rationale")
        let reference = reader.requireKey("reference", in: map, what: what, fallback: fallback)
            .flatMap { reader.settingText($0, key: "reference") }
        let decidedOn = reader.requireKey("decided-on", in: map, what: what, fallback: fallback)
            .flatMap { reader.date($0, key: "decided-on") }
        let inForceFrom = readInForceFrom(map, decidedOn: decidedOn, reader: &reader)

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

        if let id, let idNode = map.value("id") { checkID(id, node: idNode, source: source, reader: &reader) }
        guard let id, let kind, let title, let decidedBy, let decidedOn, let reference, let rationale, changesValid,
              let idNode = map.value("id")
        else { return nil }
        return Patch(id: id, kind: kind, title: title, decidedBy: decidedBy, decidedOn: decidedOn,
                     reference: reference, rationale: rationale, changes: changes, source: source,
                     idRange: reader.range(of: idNode), inForceFrom: inForceFrom)
    }

    /// A patch's ID is well formed and names its file.
    private static func checkID(_ id: String, node idNode: Node, source: SourceFile, reader: inout YAMLReader) {
        if !Suggestions.isValidID(id) {
            reader.report(.malformedID, "Patch ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                          at: reader.range(of: idNode))
        }
        let expectedName = source.path.split(separator: "/").last.map { String($0.dropLast(4)) }
        if let expectedName, id != expectedName {
            reader.report(.invalidValue, "Patch ID '\(id)' differs from its file name '\(expectedName).yml'",
                          at: reader.range(of: idNode),
                          fix: Fix("use the file name", range: reader.range(of: idNode), replacement: expectedName))
        }
    }

    /// `in-force-from`, optional: a change cannot take effect before it was decided.
    private static func readInForceFrom(_ map: YAMLReader.Mapping, decidedOn: CalendarDate?,
                                        reader: inout YAMLReader) -> CalendarDate? {
        let key = "in-force-from"
        guard let node = map.value(key), let date = reader.date(node, key: key) else { return nil }
        if let decidedOn, date < decidedOn {
            reader.report(.invalidValue, "'\(key)' \(date) is before 'decided-on' \(decidedOn)",
                          at: reader.range(of: node),
                          notes: [DiagnosticNote("a decision takes effect on or after the day it is made")])
        }
        return date
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
        let change = ChangeReader(map: map, target: target, targetNode: targetNode, range: range, name: name, what: what)
        guard let operation = change.operation(value, reader: &reader) else { return nil }
        return Change(target: target, operation: operation, range: range, number: number)
    }
}
