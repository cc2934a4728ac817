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
