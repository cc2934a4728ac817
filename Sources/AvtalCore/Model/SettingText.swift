/// A text value of the settings (the manifest's contact, a remiss's diarienummer and contacts) that
/// may be marked as a placeholder: an example that someone still has to replace with the real value.
/// Written in YAML as `{placeholder: "RS 20XX-XXXXX"}`; the output shows it as an example, and
/// `avtal remiss` refuses to package it unless the package is a draft.
public struct SettingText: Sendable, Hashable, CustomStringConvertible {
    public var text: String
    /// Where the value is written, when it is a placeholder.
    public var placeholder: SourceRange?

    public init(_ text: String, placeholder: SourceRange? = nil) {
        self.text = text
        self.placeholder = placeholder
    }

    public var isPlaceholder: Bool { placeholder != nil }
    public var description: String { text }

    /// The key that marks a placeholder in YAML.
    public static let key = "placeholder"
}

/// One placeholder of the settings, with the key it is the value of, for a diagnostic.
public struct Placeholder: Sendable, Hashable {
    public var key: String
    public var value: String
    public var range: SourceRange
}

extension SettingText {
    /// This value as a placeholder of `key`, or nil when it is a real value.
    public func placeholder(key: String) -> Placeholder? {
        placeholder.map { Placeholder(key: key, value: text, range: $0) }
    }
}
