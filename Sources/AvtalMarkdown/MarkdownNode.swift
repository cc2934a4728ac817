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

        /// Whether the node counts towards `Markdown.nestingLimit`. Every kind that can hold itself,
        /// directly or through other kinds, does; a list does not, as its items do.
        var opensNestingLevel: Bool {
            switch self {
            case .blockQuote, .item, .footnoteDefinition, .customBlock, .customInline, .emphasis, .strong,
                 .link, .image, .strikethrough, .other:
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
    /// For a list: whether it is numbered, and the number of its first item.
    public var isOrdered = false
    public var listStart = 1
    public var children: [MarkdownNode]

    public init(kind: Kind, range: ByteRange?, literal: String? = nil, url: String? = nil, children: [MarkdownNode] = []) {
        (self.kind, self.range, self.literal, self.url, self.children) = (kind, range, literal, url, children)
    }

    /// The node's text content with markup removed (what a reader sees).
    public var plainText: String {
        var out = ""
        forEachDescendant { node in
            switch node.kind {
            case .text, .code, .htmlInline: out += node.literal ?? ""
            case .softBreak, .lineBreak: out += " "
            default: break
            }
        }
        return out
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

/// A parsed document: its value tree, and where the source nested deeper than `Markdown.nestingLimit`.
public struct ParsedMarkdown: Sendable {
    /// The tree down to the limit; each node that would have gone past it is left out with its contents.
    public var tree: MarkdownNode
    /// Where each left-out node starts, in document order.
    public var tooDeep: [ByteLocation]
}
