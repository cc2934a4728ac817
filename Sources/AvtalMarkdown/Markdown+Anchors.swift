import CMarkGFM
import Foundation

/// Sub-clause anchors: a trailing `{#id}` at the end of a paragraph, or at the end of a list item's
/// first line, makes that stycke or list item addressable. Pandoc writes attributes the same way.
/// The loader and the renderer find them with the same rules, here.
public struct AnchorPosition: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A stycke: a paragraph of the clause's own text.
        case paragraph
        /// An item of a numbered list: "första stycket 2".
        case numberedItem
        /// An item of a bullet list: a strecksats.
        case bulletItem
    }

    public var id: String
    public var kind: Kind
    /// The stycke, from 1. A list belongs to the stycke that introduces it.
    public var paragraph: Int
    /// A numbered item's number as shown, a bullet item's place from 1; 0 for a stycke.
    public var item: Int
    /// How many stycken the text has: a clause of one stycke need not name it.
    public var paragraphCount: Int
    /// Where the `{#id}` is: its line in the parsed text, its column (Unicode scalars, from 1) and length.
    public var line: Int
    public var column: Int
    public var length: Int
}

extension Markdown {
    /// The `{#id}` that ends `line`, after trailing blanks: the ID as written (possibly malformed), its
    /// column in Unicode scalars from 1, and its length. An escaped `\{#id}` is text, not a marker.
    public static func trailingAnchor(in line: some StringProtocol) -> (id: String, column: Int, length: Int)? {
        let scalars = Array(line.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1] == " " || scalars[end - 1] == "\t" || scalars[end - 1] == "\r" { end -= 1 }
        guard end >= 3, scalars[end - 1] == "}" else { return nil }
        var open = end - 2
        while open >= 0, scalars[open] != "{" {
            let s = scalars[open]
            if s == "}" || s == " " || s == "\t" { return nil }
            open -= 1
        }
        guard open >= 0, open + 1 < end - 1, scalars[open + 1] == "#" else { return nil }
        if open > 0, scalars[open - 1] == "\\" { return nil }
        var id = String.UnicodeScalarView()
        id.append(contentsOf: scalars[(open + 2)..<(end - 1)])
        return (String(id), open + 1, end - open)
    }

    /// The anchors among `blocks`, the top-level blocks of one clause's own text. `line` gives a
    /// source line by its number in the parsed text.
    public static func anchors(in blocks: some Sequence<MarkdownNode>, line: (Int) -> String) -> [AnchorPosition] {
        var paragraph = 0
        var found: [AnchorPosition] = []
        func add(_ kind: AnchorPosition.Kind, item: Int, at lineNumber: Int) {
            guard let marker = trailingAnchor(in: line(lineNumber)) else { return }
            found.append(AnchorPosition(id: marker.id, kind: kind, paragraph: max(paragraph, 1), item: item,
                                        paragraphCount: 0, line: lineNumber, column: marker.column, length: marker.length))
        }
        for block in blocks {
            switch block.kind {
            case .paragraph:
                paragraph += 1
                if let end = block.range?.end.line { add(.paragraph, item: 0, at: end) }
            case .list:
                // A list with no stycke before it opens the first one.
                paragraph = max(paragraph, 1)
                for (index, item) in block.children.enumerated() {
                    guard let first = item.children.first, first.kind == .paragraph,
                          let start = first.range?.start.line, start == item.range?.start.line else { continue }
                    add(block.isOrdered ? .numberedItem : .bulletItem,
                        item: block.isOrdered ? block.listStart + index : index + 1, at: start)
                }
            default:
                break
            }
        }
        return found.map { var anchor = $0; anchor.paragraphCount = paragraph; return anchor }
    }

    /// The anchors of a whole text parsed on its own (a clause's body); empty without a `{#`.
    public static func anchors(inText text: String) -> [AnchorPosition] {
        guard text.contains("{#") else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return anchors(in: parse(text).children) { n in n >= 1 && n <= lines.count ? String(lines[n - 1]) : "" }
    }
}

/// The renderer's side: the marker leaves the text, and the element it ends gets the id.
extension Markdown {
    private static let anchorMarker = "<!--avtal-anchor:"

    /// Removes each recognised marker from the tree and puts a placeholder comment at the start of its
    /// paragraph (safe rendering omits every comment of the text's own, so none can imitate it).
    /// Returns the HTML ids in placeholder order.
    static func markAnchors(_ root: OpaquePointer, source: String, anchoring: (String) -> String?) -> [String] {
        guard source.contains("{#") else { return [] }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var ids: [String] = []
        func mark(_ paragraph: OpaquePointer, line: Int, firstLine: Bool) {
            guard line >= 1, line <= lines.count, let marker = trailingAnchor(in: lines[line - 1]),
                  let htmlID = anchoring(marker.id) else { return }
            var last = cmark_node_first_child(paragraph)
            if firstLine {
                while let next = last.flatMap(cmark_node_next), cmark_node_get_type(next) != CMARK_NODE_SOFTBREAK,
                      cmark_node_get_type(next) != CMARK_NODE_LINEBREAK { last = next }
            } else {
                last = cmark_node_last_child(paragraph)
            }
            guard let text = last, cmark_node_get_type(text) == CMARK_NODE_TEXT else { return }
            // Compared and cut as Unicode scalars, as the marker was found: an ID with a combining mark
            // is fewer characters than scalars.
            var literal = Array((cmark_node_get_literal(text).map { String(cString: $0) } ?? "").unicodeScalars)
            while literal.last == " " || literal.last == "\t" { literal.removeLast() }
            let suffix = Array("{#\(marker.id)}".unicodeScalars)
            guard literal.count >= suffix.count, Array(literal.suffix(suffix.count)) == suffix else { return }
            literal.removeLast(suffix.count)
            while literal.last == " " || literal.last == "\t" { literal.removeLast() }
            if literal.isEmpty {
                cmark_node_free(text)
            } else {
                var kept = String.UnicodeScalarView()
                kept.append(contentsOf: literal)
                cmark_node_set_literal(text, String(kept))
            }
            guard let placeholder = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
            cmark_node_set_on_enter(placeholder, anchorMarker + "\(ids.count)-->")
            cmark_node_set_on_exit(placeholder, "")
            cmark_node_prepend_child(paragraph, placeholder)
            ids.append(htmlID)
        }
        var block = cmark_node_first_child(root)
        while let node = block {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                mark(node, line: Int(cmark_node_get_end_line(node)), firstLine: false)
            case CMARK_NODE_LIST:
                var item = cmark_node_first_child(node)
                while let current = item {
                    if let first = cmark_node_first_child(current), cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH,
                       cmark_node_get_start_line(first) == cmark_node_get_start_line(current) {
                        mark(first, line: Int(cmark_node_get_start_line(first)), firstLine: true)
                    }
                    item = cmark_node_next(current)
                }
            default:
                break
            }
            block = cmark_node_next(node)
        }
        return ids
    }

    /// Moves each placeholder's id onto the `<li>` or `<p>` it opens.
    static func fillAnchors(_ html: String, ids: [String]) -> String {
        var html = html
        for (index, id) in ids.enumerated() {
            let marker = anchorMarker + "\(index)-->"
            let attribute = " id=\"\(escapeAttribute(id))\""
            let forms = [("<li>" + marker, "<li\(attribute)>"), ("<li>\n<p>" + marker, "<li\(attribute)>\n<p>"),
                         ("<p>" + marker, "<p\(attribute)>"), (marker, "<span\(attribute)></span>")]
            for (written, replacement) in forms where html.contains(written) {
                html = html.replacingOccurrences(of: written, with: replacement)
                break
            }
        }
        return html
    }

    private static func escapeAttribute(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
