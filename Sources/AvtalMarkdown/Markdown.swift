import CMarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A position in UTF-8 source text: 1-based line, 1-based byte column.
public struct ByteLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: ByteLocation, b: ByteLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A half-open range of UTF-8 source text. cmark reports inclusive end columns;
/// they are converted here, once, so that nothing downstream has to remember it.
public struct ByteRange: Hashable, Sendable {
    public var start: ByteLocation
    public var end: ByteLocation

    public init(start: ByteLocation, end: ByteLocation) {
        self.start = start
        self.end = end
    }
}

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

    fileprivate static let names: [(MarkdownExtensions, String)] = [
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

/// One node of a parsed Markdown document. The C tree is freed before `parse` returns;
/// this value tree is all that leaves the wrapper.
public struct MarkdownNode: Sendable {
    public enum Kind: Hashable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
        case heading(level: Int)
        case thematicBreak, footnoteDefinition
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong
        case link, image, footnoteReference
        case table, tableRow, tableCell, strikethrough
        /// An extension node this wrapper does not name; carries cmark's type string.
        case other(String)

        public var isBlock: Bool {
            switch self {
            case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph,
                 .heading, .thematicBreak, .footnoteDefinition, .table, .tableRow, .tableCell:
                return true
            default:
                return false
            }
        }
    }

    public var kind: Kind
    /// Where the node is in the source. `nil` when cmark reports no position (some inline nodes).
    public var range: ByteRange?
    /// Text of text, code, code block and HTML nodes.
    public var literal: String?
    /// Destination of links and images.
    public var url: String?
    public var children: [MarkdownNode]

    /// The node's text content with markup removed (what a reader sees).
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    private func appendPlainText(to out: inout String) {
        switch kind {
        case .text, .code, .htmlInline:
            out += literal ?? ""
        case .softBreak, .lineBreak:
            out += " "
        default:
            for child in children { child.appendPlainText(to: &out) }
        }
    }

    /// Calls `visit` for this node and every descendant, in document order, without recursion
    /// (deeply nested input must not exhaust the stack).
    public func forEachDescendant(_ visit: (MarkdownNode) -> Void) {
        var stack: [MarkdownNode] = [self]
        while let node = stack.popLast() {
            visit(node)
            stack.append(contentsOf: node.children.reversed())
        }
    }
}

/// A link as written, for `renderHTML(_:rewritingLinks:)`.
public struct LinkInfo: Sendable {
    public var destination: String
    /// False for `[](target)`: the renderer may supply the text.
    public var hasText: Bool
}

/// A stretch of text after annotation: plain, or wrapped in markup of the caller's.
public enum TextPiece: Sendable, Equatable {
    case text(String)
    case wrapped(String, before: String, after: String)
}

/// What to make of a link when rendering.
public struct LinkRewrite: Sendable {
    public var destination: String
    public var title: String?
    /// Shown when the link was written without text.
    public var text: String?

    public init(destination: String, title: String? = nil, text: String? = nil) {
        self.destination = destination
        self.title = title
        self.text = text
    }
}

/// Entry points to cmark-gfm.
public enum Markdown {
    /// Parses `source` into a value tree.
    public static func parse(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = []
    ) -> MarkdownNode {
        withParsedTree(source, extensions: extensions, options: options) { root, _ in
            buildTree(root)
        }
    }

    /// Renders `source` to HTML exactly as the `cmark-gfm` command line does with the same
    /// extensions and options.
    public static func renderHTML(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = []
    ) -> String {
        withParsedTree(source, extensions: extensions, options: options) { root, parser in
            // The parser's extension list must reach the renderer, or tagfilter and tables
            // render as if they were off.
            guard let html = cmark_render_html(root, options.cmarkValue, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// Renders `source` like `renderHTML`, but lets `rewrite` change each link first: its destination,
    /// its title, and — for a link written without text, like `[](#avtalstid)` — the text it shows.
    /// The text given is a plain string; cmark escapes it like any text.
    ///
    /// `annotate` may wrap stretches of running text (not link text, not code) in markup: it gets each
    /// text node's literal in document order and returns the pieces, or nil to leave it as it is.
    /// A `.wrapped` piece's text is escaped by cmark; its `before` and `after` are written as given,
    /// so the caller must build them from escaped values.
    public static func renderHTML(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = [],
        rewritingLinks rewrite: (LinkInfo) -> LinkRewrite?,
        annotatingText annotate: ((String) -> [TextPiece]?)? = nil
    ) -> String {
        withParsedTree(source, extensions: extensions, options: options) { root, parser in
            var links: [OpaquePointer] = []
            var texts: [OpaquePointer] = []
            cmark_consolidate_text_nodes(root)
            if let iterator = cmark_iter_new(root) {
                defer { cmark_iter_free(iterator) }
                var linkDepth = 0
                while true {
                    let event = cmark_iter_next(iterator)
                    if event == CMARK_EVENT_DONE { break }
                    guard let node = cmark_iter_get_node(iterator) else { continue }
                    let type = cmark_node_get_type(node)
                    if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                        if event == CMARK_EVENT_ENTER {
                            if type == CMARK_NODE_LINK { links.append(node) }
                            linkDepth += 1
                        } else {
                            linkDepth -= 1
                        }
                    } else if type == CMARK_NODE_TEXT, linkDepth == 0, annotate != nil {
                        texts.append(node)
                    }
                }
            }
            // Text first, in document order (the annotator may keep state, such as terms already marked).
            if let annotate {
                for node in texts {
                    let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
                    guard let pieces = annotate(literal) else { continue }
                    for piece in pieces {
                        switch piece {
                        case let .text(text):
                            guard let added = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                            cmark_node_set_literal(added, text)
                            cmark_node_insert_before(node, added)
                        case let .wrapped(text, before, after):
                            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
                                  let inner = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                            cmark_node_set_on_enter(custom, before)
                            cmark_node_set_on_exit(custom, after)
                            cmark_node_set_literal(inner, text)
                            cmark_node_append_child(custom, inner)
                            cmark_node_insert_before(node, custom)
                        }
                    }
                    cmark_node_free(node)
                }
            }
            // Changed after the walk: adding children while iterating would disturb the iterator.
            for link in links {
                let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
                let isEmpty = cmark_node_first_child(link) == nil
                guard let change = rewrite(LinkInfo(destination: url, hasText: !isEmpty)) else { continue }
                cmark_node_set_url(link, change.destination)
                if let title = change.title { cmark_node_set_title(link, title) }
                if isEmpty, let text = change.text, let textNode = cmark_node_new(CMARK_NODE_TEXT) {
                    cmark_node_set_literal(textNode, text)
                    cmark_node_append_child(link, textNode)
                }
            }
            guard let html = cmark_render_html(root, options.cmarkValue, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// Renders one line of inline Markdown (a heading's text) without the paragraph around it.
    public static func renderInlineHTML(_ source: String, extensions: MarkdownExtensions = .agreement) -> String {
        var html = renderHTML(source, extensions: extensions)
        if html.hasPrefix("<p>") { html.removeFirst(3) }
        while html.hasSuffix("\n") { html.removeLast() }
        if html.hasSuffix("</p>") { html.removeLast(4) }
        return html
    }

    private static func withParsedTree<T>(
        _ source: String,
        extensions: MarkdownExtensions,
        options: MarkdownOptions,
        _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        _ = registration
        let cmarkOptions = options.cmarkValue
        guard let parser = cmark_parser_new(cmarkOptions) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for (flag, name) in MarkdownExtensions.names where extensions.contains(flag) {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            fatalError("cmark_parser_finish failed: out of memory")
        }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    /// The C registry of core extensions is global and not thread-safe: register it once, lazily,
    /// through a global whose initialisation Swift guarantees to run exactly once.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    private static func buildTree(_ root: OpaquePointer) -> MarkdownNode {
        // Iterative depth-first walk over first_child/next, so no input can overflow the stack.
        var stack: [(pointer: OpaquePointer, value: MarkdownNode)] = [(root, makeNode(root))]
        var next: OpaquePointer? = cmark_node_first_child(root)
        while true {
            if let node = next {
                stack.append((node, makeNode(node)))
                next = cmark_node_first_child(node)
                continue
            }
            let finished = stack.removeLast()
            guard !stack.isEmpty else { return finished.value }
            stack[stack.count - 1].value.children.append(finished.value)
            next = cmark_node_next(finished.pointer)
        }
    }

    private static func makeNode(_ node: OpaquePointer) -> MarkdownNode {
        let kind = kind(of: node)
        var literal: String?
        var url: String?
        switch kind {
        case .text, .code, .codeBlock, .htmlBlock, .htmlInline:
            literal = cmark_node_get_literal(node).map { String(cString: $0) }
        case .link, .image:
            url = cmark_node_get_url(node).map { String(cString: $0) }
        default:
            break
        }
        return MarkdownNode(kind: kind, range: range(of: node), literal: literal, url: url, children: [])
    }

    private static func range(of node: OpaquePointer) -> ByteRange? {
        let startLine = Int(cmark_node_get_start_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        guard startLine > 0, startColumn > 0 else { return nil }
        let endLine = max(Int(cmark_node_get_end_line(node)), startLine)
        let endColumn = Int(cmark_node_get_end_column(node))
        return ByteRange(
            start: ByteLocation(line: startLine, column: startColumn),
            end: ByteLocation(line: endLine, column: endColumn + 1)
        )
    }

    private static func kind(of node: OpaquePointer) -> MarkdownNode.Kind {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        default:
            // Extension node types are assigned at registration time, so they are told apart by name.
            let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? "unknown"
            switch name {
            case "table": return .table
            case "table_header", "table_row": return .tableRow
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other(name)
            }
        }
    }
}
