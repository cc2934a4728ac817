import AvtalMarkdown

/// Markdown as Akoma Ntoso 3.0 blocks and inlines: paragraphs as `<p>`, lists as `<ul>`/`<ol>`, tables
/// with `<th>`/`<td>` cells, emphasis as `<i>` and `<b>`, and links as `<ref href>` whose target
/// `link` decides (a reference to a clause becomes the clause's eId). Recursion follows the tree,
/// whose depth the parser has already cut at `Markdown.nestingLimit`.
struct AknMarkup {
    /// A link's href and, for a link written without text, the label to show; nil keeps it as text.
    let link: (String) -> (href: String, label: String)?
    /// The source's lines: cmark's value tree does not keep a list's type, its first line does ("1.").
    var lines: [Substring] = []
    /// Stycke and list-item anchors (`{#id}` at the end of a paragraph or an item's first line) by
    /// source line: the marker is cut from the text, and the element gets the eId `eId(id)`.
    var anchors: [Int: String] = [:]
    /// The eId of an anchored element, the same function clauses use so that references resolve.
    var eId: (String) -> String = { $0 }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 allows no other control characters; a text that holds one is shown without it.
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The blocks of a clause body or preamble; empty Markdown gives "".
    func blocks(_ markdown: String) -> String {
        var reader = self
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Cut each marker with the blanks before it; lines keep their numbers, so the tree's ranges
        // still say which paragraph or item a marker ended.
        for anchor in Markdown.anchors(inText: markdown) where anchor.line - 1 < lines.count {
            var scalars = Array(lines[anchor.line - 1].unicodeScalars)
            var from = anchor.column - 1
            let to = min(scalars.count, from + anchor.length)
            guard from >= 0, from <= to else { continue }
            while from > 0, scalars[from - 1] == " " || scalars[from - 1] == "\t" { from -= 1 }
            scalars.removeSubrange(from..<to)
            lines[anchor.line - 1] = String(String.UnicodeScalarView(scalars))
            reader.anchors[anchor.line] = anchor.id
        }
        reader.lines = lines.map { Substring($0) }
        return Markdown.parse(lines.joined(separator: "\n")).children.map(reader.block).joined()
    }

    /// ` eId="…"` for a paragraph whose lines hold an anchor's line, or an item whose first line does.
    func anchorAttribute(_ node: MarkdownNode, firstLineOnly: Bool) -> String {
        guard !anchors.isEmpty, let range = node.range else { return "" }
        let last = firstLineOnly ? range.start.line : range.end.line
        guard let line = (range.start.line...max(range.start.line, last)).first(where: { anchors[$0] != nil }),
              let id = anchors[line] else { return "" }
        return " eId=\"\(Self.escape(eId(id)))\""
    }

    func block(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .paragraph, .heading: return "<p\(anchorAttribute(node, firstLineOnly: false))>\(inlines(node.children))</p>"
        case .list:
            let tag = isOrdered(node) ? "ol" : "ul"
            return "<\(tag)>" + node.children.map(item).joined() + "</\(tag)>"
        case .table:
            return "<table>" + node.children.enumerated().map { index, row in
                let cell = index == 0 ? "th" : "td"
                return "<tr>" + row.children.map { "<\(cell)><p>\(inlines($0.children))</p></\(cell)>" }.joined() + "</tr>"
            }.joined() + "</table>"
        case .blockQuote: return "<blockContainer>" + node.children.map(block).joined() + "</blockContainer>"
        case .codeBlock, .htmlBlock: return "<p>\(Self.escape(node.literal ?? ""))</p>"
        case .thematicBreak: return ""
        default: return node.children.isEmpty ? "" : "<p>\(inlines(node.children))</p>"
        }
    }

    func isOrdered(_ node: MarkdownNode) -> Bool {
        guard let start = node.range?.start, start.line - 1 < lines.count else { return false }
        let line = lines[start.line - 1].utf8.dropFirst(start.column - 1)
        return line.first.map { (0x30...0x39).contains($0) } ?? false
    }

    func item(_ node: MarkdownNode) -> String {
        let parts = node.children.map { child in
            child.kind == .paragraph ? inlines(child.children) : block(child)
        }
        return "<li\(anchorAttribute(node, firstLineOnly: true))>" + parts.joined(separator: " ") + "</li>"
    }

    func inlines(_ nodes: [MarkdownNode]) -> String { nodes.map(inline).joined() }

    func inline(_ node: MarkdownNode) -> String {
        switch node.kind {
        case .text, .htmlInline: return Self.escape(node.literal ?? "")
        case .code: return "<inline name=\"code\">\(Self.escape(node.literal ?? ""))</inline>"
        case .softBreak: return " "
        case .lineBreak: return "<br/>"
        case .emphasis: return "<i>\(inlines(node.children))</i>"
        case .strong: return "<b>\(inlines(node.children))</b>"
        case .strikethrough: return "<del>\(inlines(node.children))</del>"
        case .image: return Self.escape(node.plainText)
        case .link:
            let text = inlines(node.children)
            guard let target = link(node.url ?? "") else { return text }
            return "<ref href=\"\(Self.escape(target.href))\">\(text.isEmpty ? Self.escape(target.label) : text)</ref>"
        default: return inlines(node.children)
        }
    }
}
