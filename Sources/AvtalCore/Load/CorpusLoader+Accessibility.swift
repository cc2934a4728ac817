import Yams

/// Reading `accessibility` in `agreement.yml`: the facts of the accessibility statement.
extension CorpusLoader {
    static func readAccessibility(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> AccessibilityStatement? {
        guard let node = map.value("accessibility") else { return nil }
        let what = "'accessibility'"
        guard let entry = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(entry, allowed: FormatKeys.accessibility.keys, what: what)
        let at = reader.range(of: node)
        let before = reader.diagnostics.count
        let status = reader.requireKey("status", in: entry, what: what, fallback: at)
            .flatMap { reader.settingChoice($0, key: "status", as: AccessibilityStatement.Compliance.self) }
        let assessed = reader.requireKey("assessed-on", in: entry, what: what, fallback: at)
            .flatMap { reader.settingDate($0, key: "assessed-on") }
        let updated = reader.requireKey("updated-on", in: entry, what: what, fallback: at)
            .flatMap { reader.settingDate($0, key: "updated-on") }
        let method = reader.requireKey("method", in: entry, what: what, fallback: at)
            .flatMap { reader.settingText($0, key: "method") }
        let tools = entry.value("tools").flatMap { reader.stringList($0, key: "tools") } ?? []
        let notAccessible = readShortcomings(entry.value("not-accessible"), key: "not-accessible", reader: &reader)
        let outsideScope = readShortcomings(entry.value("outside-scope"), key: "outside-scope", reader: &reader)
        let burden = readShortcomings(entry.value("disproportionate-burden"), key: "disproportionate-burden", reader: &reader)
        guard let status, let assessed, let updated, let method, reader.diagnostics.count == before else { return nil }
        if let updatedNode = entry.value("updated-on"), updated.value < assessed.value {
            reader.report(.invalidValue, "'updated-on' \(updated.value) is before 'assessed-on' \(assessed.value)",
                          at: reader.range(of: updatedNode),
                          notes: [DiagnosticNote("the statement is updated when the site is assessed, or later")])
        }
        // The model's "delvis / inte förenlig" must say what is not accessible; "helt" cannot list anything.
        if status.value == .helt, !notAccessible.isEmpty, let listNode = entry.value("not-accessible") {
            reader.report(.invalidValue, "A site that is 'helt' förenlig lists content that is not accessible",
                          at: reader.range(of: listNode),
                          notes: [DiagnosticNote("write status: delvis, or remove the list")])
        } else if status.value != .helt, notAccessible.isEmpty, let statusNode = entry.value("status") {
            reader.report(.invalidValue, "A site that is '\(status.value.rawValue)' förenlig must list what is not accessible",
                          at: reader.range(of: statusNode),
                          notes: [DiagnosticNote("add 'not-accessible' with each content and the reason it is not accessible")])
        }
        return AccessibilityStatement(status: status, assessedOn: assessed, updatedOn: updated, method: method, tools: tools,
                                      notAccessible: notAccessible, outsideScope: outsideScope, disproportionateBurden: burden)
    }

    /// A list of `{content, reason}`.
    private static func readShortcomings(_ node: Node?, key: String, reader: inout YAMLReader) -> [AccessibilityStatement.Shortcoming] {
        guard let node else { return [] }
        guard case let .sequence(items) = node else {
            reader.report(.wrongType, "Expected '\(key)' to be a list, found \(YAMLReader.shape(of: node))", at: reader.range(of: node))
            return []
        }
        let what = "an entry of '\(key)'"
        var found: [AccessibilityStatement.Shortcoming] = []
        for item in items {
            guard let entry = reader.mapping(item, what: what) else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.accessibilityItem.keys, what: what)
            let at = reader.range(of: item)
            let content = reader.requireKey("content", in: entry, what: what, fallback: at).flatMap { reader.string($0, key: "content") }
            let reason = reader.requireKey("reason", in: entry, what: what, fallback: at).flatMap { reader.string($0, key: "reason") }
            if let content, let reason { found.append(.init(content: content, reason: reason)) }
        }
        return found
    }
}

extension YAMLReader {
    /// A date that may be a placeholder.
    mutating func settingDate(_ node: Node, key: String) -> SettingValue<CalendarDate>? {
        let inner = placeholderValue(node)
        return date(inner ?? node, key: key).map { SettingValue($0, placeholder: inner.map { range(of: $0) }) }
    }

    /// One of a fixed set of words, that may be a placeholder.
    mutating func settingChoice<T: RawRepresentable & CaseIterable & Sendable & Hashable>(
        _ node: Node, key: String, as type: T.Type
    ) -> SettingValue<T>? where T.RawValue == String {
        let inner = placeholderValue(node)
        return oneOf(inner ?? node, key: key, as: type).map { SettingValue($0, placeholder: inner.map { range(of: $0) }) }
    }
}
