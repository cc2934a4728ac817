import AvtalCore

/// Settings values as readers see them: a placeholder is shown as an example, so that nobody takes
/// it for a fact (docs/format.md, "Placeholders").
package enum PlaceholderText {
    /// What follows a placeholder in the output.
    package static let mark = "(exempel)"
    /// The class of a placeholder in HTML, for the stylesheets.
    package static let htmlClass = "placeholder"

    /// "RS 2024-05873 (exempel)" for a placeholder, the text itself otherwise.
    package static func plain(_ value: SettingText) -> String {
        value.isPlaceholder ? "\(value.text) \(mark)" : value.text
    }

    /// Escaped HTML; a placeholder in a span of class `placeholder`, with its mark.
    package static func html(_ value: SettingText) -> String {
        let text = HTML.escape(value.text)
        return value.isPlaceholder ? "<span class=\"\(htmlClass)\">\(text) \(mark)</span>" : text
    }
}
