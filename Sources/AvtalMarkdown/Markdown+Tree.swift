import CMarkGFM

/// The C tree into the value tree: one iterative walk, copying what `MarkdownNode` holds.
extension Markdown {
    /// Copies the C tree down to `nestingLimit` levels. A node that would open a level past the limit
    /// is left out with everything in it, and its place is recorded: the value tree's depth is bounded,
    /// so that walking it, and Swift's release of its nested arrays (which recurses), cannot exhaust
    /// the stack whatever the input.
    static func buildTree(_ root: OpaquePointer) -> ParsedMarkdown {
        // Iterative depth-first walk over first_child/next, so no input can overflow the stack here either.
        var stack: [(pointer: OpaquePointer, value: MarkdownNode, level: Int)] = [(root, makeNode(root), 0)]
        var tooDeep: [ByteLocation] = []
        var next: OpaquePointer? = cmark_node_first_child(root)
        while true {
            if let node = next {
                let value = makeNode(node)
                let level = stack[stack.count - 1].level + (value.kind.opensNestingLevel ? 1 : 0)
                if level > nestingLimit {
                    // cmark gives some inline nodes no position: the nearest enclosing one that has one.
                    let place = value.range?.start ?? stack.reversed().lazy.compactMap(\.value.range?.start).first
                    tooDeep.append(place ?? ByteLocation(line: 1, column: 1))
                    next = cmark_node_next(node)
                    continue
                }
                stack.append((node, value, level))
                next = cmark_node_first_child(node)
                continue
            }
            let finished = stack.removeLast()
            guard !stack.isEmpty else { return ParsedMarkdown(tree: finished.value, tooDeep: tooDeep) }
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
        var value = MarkdownNode(kind: kind, range: range(of: node), literal: literal, url: url, children: [])
        if kind == .list {
            value.isOrdered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            value.listStart = Int(cmark_node_get_list_start(node))
        }
        return value
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
