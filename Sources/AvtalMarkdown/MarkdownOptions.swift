import CMarkGFM

/// GFM syntax extensions that cmark-gfm ships.
public struct MarkdownExtensions: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let table = MarkdownExtensions(rawValue: 1 << 0)
    public static let strikethrough = MarkdownExtensions(rawValue: 1 << 1)
    public static let autolink = MarkdownExtensions(rawValue: 1 << 2)
    public static let tagfilter = MarkdownExtensions(rawValue: 1 << 3)
    public static let tasklist = MarkdownExtensions(rawValue: 1 << 4)

    /// The set the agreement format uses.
    public static let agreement: MarkdownExtensions = [.table, .strikethrough, .autolink, .tagfilter]

    static let names: [(MarkdownExtensions, String)] = [
        (.table, "table"), (.strikethrough, "strikethrough"), (.autolink, "autolink"),
        (.tagfilter, "tagfilter"), (.tasklist, "tasklist"),
    ]

    /// Parses a cmark-gfm extension name as used by its command line (`-e table`).
    public init?(name: String) {
        guard let match = Self.names.first(where: { $0.1 == name }) else { return nil }
        self = match.0
    }
}

/// Parser and renderer options (a subset of cmark-gfm's `CMARK_OPT_*`).
public struct MarkdownOptions: OptionSet, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Render raw HTML as it is. Off for agreement texts, which must not carry raw HTML;
    /// the spec conformance test turns it on because the spec examples assume it.
    public static let allowRawHTML = MarkdownOptions(rawValue: 1 << 0)
    public static let smartPunctuation = MarkdownOptions(rawValue: 1 << 1)
    public static let footnotes = MarkdownOptions(rawValue: 1 << 2)
    public static let fullInfoString = MarkdownOptions(rawValue: 1 << 3)
    public static let tablePreferStyleAttributes = MarkdownOptions(rawValue: 1 << 4)

    var cmarkValue: Int32 {
        var value: Int32 = CMARK_OPT_DEFAULT
        if contains(.allowRawHTML) { value |= CMARK_OPT_UNSAFE }
        if contains(.smartPunctuation) { value |= CMARK_OPT_SMART }
        if contains(.footnotes) { value |= CMARK_OPT_FOOTNOTES }
        if contains(.fullInfoString) { value |= CMARK_OPT_FULL_INFO_STRING }
        if contains(.tablePreferStyleAttributes) { value |= CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES }
        return value
    }
}
