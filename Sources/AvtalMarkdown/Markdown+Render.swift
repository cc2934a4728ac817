import CMarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A link as written, for `renderHTML(_:rewritingLinks:)`.
public struct LinkInfo: Sendable {
    public var destination: String
    /// False for `[](target)`: the renderer may supply the text.
    public var hasText: Bool
    /// Set when the link is one of adjacent links without text joined by "–", or by ", " and " och "
    /// (`[](#a)–[](#b)`, `[](#a), [](#b) och [](#c)`): the renderer may label them as one.
    public var run: LinkRun?
}

/// Adjacent references written as one: a range or a list.
public struct LinkRun: Sendable, Hashable {
    /// Every destination of the run, in order.
    public var destinations: [String]
    /// This link's place in the run.
    public var index: Int
    /// "–" between two links: a range. Otherwise a list.
    public var isRange: Bool
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

extension Markdown {
    /// Renders `source` to HTML exactly as the `cmark-gfm` command line does with the same
    /// extensions and options.
    public static func renderHTML(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = []
    ) -> String {
        withParsedTree(source, extensions: extensions, options: options) { root, parser in
            html(root, parser: parser, options: options)
        }
    }

    /// Renders `source` like `renderHTML`, but lets `rewrite` change each link first: its destination,
    /// its title, and — for a link written without text, like `[](#avtalstid)` — the text it shows.
    /// The text given is a plain string; cmark escapes it like any text.
    ///
    /// `annotate` may wrap stretches of running text (not link text, not code) in markup: it gets each
    /// text node's literal in document order and returns the pieces, or nil to leave it as it is.
    ///
    /// `anchor` gets the ID of each sub-clause anchor (`{#id}` ending a stycke or a list item's first
    /// line, see `anchors(in:line:)`) and returns the HTML id to give the element, or nil to leave the
    /// marker as text. The marker is removed; the `<p>` or `<li>` gets the id.
    /// A `.wrapped` piece's text is escaped by cmark; its `before` and `after` are written as given,
    /// so the caller must build them from escaped values.
    public static func renderHTML(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = [],
        rewritingLinks rewrite: (LinkInfo) -> LinkRewrite?,
        annotatingText annotate: ((String) -> [TextPiece]?)? = nil,
        anchoring anchor: ((String) -> String?)? = nil
    ) -> String {
        withParsedTree(source, extensions: extensions, options: options) { root, parser in
            cmark_consolidate_text_nodes(root)
            // Before the text is annotated: the marker must go before it could be split into pieces.
            let anchors = anchor.map { markAnchors(root, source: source, anchoring: $0) } ?? []
            let (links, texts) = linksAndTexts(in: root, collectingTexts: annotate != nil)
            // Text first, in document order (the annotator may keep state, such as terms already marked).
            if let annotate {
                for node in texts { replace(node, with: annotate) }
            }
            // Changed after the walk: adding children while iterating would disturb the iterator.
            let runs = linkRuns(links)
            for link in links { apply(rewrite, to: link, run: runs[link]) }
            let rendered = html(root, parser: parser, options: options)
            return anchors.isEmpty ? rendered : fillAnchors(rendered, ids: anchors)
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

    /// The parser's extension list must reach the renderer, or tagfilter and tables render as if they were off.
    private static func html(_ root: OpaquePointer, parser: OpaquePointer, options: MarkdownOptions) -> String {
        guard let html = cmark_render_html(root, options.cmarkValue, cmark_parser_get_syntax_extensions(parser))
        else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Every link, and (when asked) every text node outside links and images, in document order.
    private static func linksAndTexts(
        in root: OpaquePointer, collectingTexts: Bool
    ) -> (links: [OpaquePointer], texts: [OpaquePointer]) {
        var links: [OpaquePointer] = []
        var texts: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return (links, texts) }
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
            } else if type == CMARK_NODE_TEXT, linkDepth == 0, collectingTexts {
                texts.append(node)
            }
        }
        return (links, texts)
    }

    /// Puts the pieces `annotate` makes of a text node in its place; leaves it when `annotate` returns nil.
    private static func replace(_ node: OpaquePointer, with annotate: (String) -> [TextPiece]?) {
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard let pieces = annotate(literal) else { return }
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

    private static func apply(_ rewrite: (LinkInfo) -> LinkRewrite?, to link: OpaquePointer, run: LinkRun?) {
        let url = cmark_node_get_url(link).map { String(cString: $0) } ?? ""
        let isEmpty = cmark_node_first_child(link) == nil
        guard let change = rewrite(LinkInfo(destination: url, hasText: !isEmpty, run: run)) else { return }
        cmark_node_set_url(link, change.destination)
        if let title = change.title { cmark_node_set_title(link, title) }
        if isEmpty, let text = change.text, let textNode = cmark_node_new(CMARK_NODE_TEXT) {
            cmark_node_set_literal(textNode, text)
            cmark_node_append_child(link, textNode)
        }
    }
}
