/// A value that may be a placeholder (`{placeholder: …}`), like `SettingText`, for values that are
/// not text: a date, a choice.
public struct SettingValue<Value: Sendable & Hashable>: Sendable, Hashable {
    public var value: Value
    /// Where the value is written, when it is a placeholder.
    public var placeholder: SourceRange?

    public init(_ value: Value, placeholder: SourceRange? = nil) {
        self.value = value
        self.placeholder = placeholder
    }

    public var isPlaceholder: Bool { placeholder != nil }

    public func placeholder(key: String, text: String) -> Placeholder? {
        placeholder.map { Placeholder(key: key, value: text, range: $0) }
    }
}

/// `accessibility` in `agreement.yml`: the publisher's own assessment of the site under lagen
/// (2018:1937) om tillgänglighet till digital offentlig service, which the accessibility statement
/// reports in the words of DIGG's model. The tool cannot know these facts; the publisher states them.
public struct AccessibilityStatement: Sendable, Hashable {
    /// How far the site complies with the law: the model's "helt / delvis / inte förenlig".
    public enum Compliance: String, Sendable, Hashable, CaseIterable {
        case helt, delvis, inte
    }

    /// Content that is not accessible, and why.
    public struct Shortcoming: Sendable, Hashable {
        public var content: String
        public var reason: String
    }

    public var status: SettingValue<Compliance>
    public var assessedOn: SettingValue<CalendarDate>
    public var updatedOn: SettingValue<CalendarDate>
    /// How it was assessed ("självskattning", "granskning av extern part").
    public var method: SettingText
    /// The tools the assessment used.
    public var tools: [String]
    public var notAccessible: [Shortcoming]
    /// Content that the law does not apply to (9 §), each with the reason.
    public var outsideScope: [Shortcoming]
    /// Content left inaccessible because making it accessible would be an unreasonable burden
    /// (oskäligt betungande anpassning, 12 §), each with the assessment.
    public var disproportionateBurden: [Shortcoming] = []

    /// The values marked as placeholders, in the order they are written.
    public var placeholders: [Placeholder] {
        [status.placeholder(key: "status", text: status.value.rawValue),
         assessedOn.placeholder(key: "assessed-on", text: assessedOn.value.description),
         updatedOn.placeholder(key: "updated-on", text: updatedOn.value.description),
         method.placeholder(key: "method")].compactMap { $0 }
            .sorted { ($0.range.start.line, $0.range.start.column) < ($1.range.start.line, $1.range.start.column) }
    }
}
