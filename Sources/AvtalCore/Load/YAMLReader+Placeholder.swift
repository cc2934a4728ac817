import Yams

extension YAMLReader {
    /// Text that may be a placeholder: `value` or `{placeholder: value}`.
    mutating func settingText(_ node: Node, key: String) -> SettingText? {
        guard let inner = placeholderValue(node) else { return string(node, key: key).map { SettingText($0) } }
        guard let text = string(inner, key: key) else { return nil }
        return SettingText(text, placeholder: range(of: inner))
    }

    /// The value of a `{placeholder: value}` mapping; nil for any other node.
    func placeholderValue(_ node: Node) -> Node? {
        guard case let .mapping(mapping) = node, mapping.count == 1,
              let (key, value) = mapping.first, key.scalar?.string == SettingText.key else { return nil }
        return value
    }
}
