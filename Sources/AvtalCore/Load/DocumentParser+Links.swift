import AvtalMarkdown
import Foundation

/// References, raw HTML and the words of the text.
extension DocumentParser {

    mutating func collectLinksAndHTML(_ tree: MarkdownNode, into document: inout Document) {
        var clauseOfLine: Int? = nil
        var nextClause = 0
        for block in tree.children {
            // Blocks follow headings in document order, so the current clause is the last heading seen.
            if let start = block.range?.start.line {
                while nextClause < document.clauses.count,
                      document.clauses[nextClause].headingRange.start.line <= start {
                    clauseOfLine = nextClause
                    nextClause += 1
                }
            }
            var stack: [(node: MarkdownNode, fallback: ByteRange?)] = [(block, block.range)]
            while let (node, fallback) = stack.popLast() {
                let byteRange = node.range ?? fallback
                switch node.kind {
                case .htmlBlock, .htmlInline:
                    reportRawHTML(node, range: byteRange.map(source.range) ?? .file(source.path))
                    continue
                case .link, .image:
                    let range = byteRange.map(source.range) ?? .file(source.path)
                    if let reference = reference(node, range: range, clause: clauseOfLine) {
                        document.references.append(reference)
                    }
                case .paragraph, .heading, .tableCell:
                    if let run = Self.textRun(node, clause: clauseOfLine) { document.textRuns.append(run) }
                default:
                    break
                }
                for child in node.children.reversed() { stack.append((child, byteRange)) }
            }
        }
    }

    /// The words of a leaf block, with where each piece is in the source.
    static func textRun(_ block: MarkdownNode, clause: Int?) -> TextRun? {
        var run = TextRun(text: "", clause: clause, pieces: [])
        var stack: [MarkdownNode] = block.children.reversed()
        while let node = stack.popLast() {
            switch node.kind {
            case .text:
                if let range = node.range {
                    run.pieces.append((run.text.utf8.count, range.start.line, range.start.column))
                }
                run.text += node.literal ?? ""
            case .softBreak, .lineBreak:
                run.text += " "
            case .code, .link, .image, .htmlInline, .footnoteReference:
                run.text += "\u{FFFC}"
            default:
                stack.append(contentsOf: node.children.reversed())
            }
        }
        return run.pieces.isEmpty ? nil : run
    }

    mutating func reportRawHTML(_ node: MarkdownNode, range: SourceRange) {
        let html = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let shown = html.count > 40 ? String(html.prefix(40)) + "…" : html
        var fix: Fix?
        if html.hasPrefix("<!--") {
            // A comment is a note meant to stay hidden: escaping it would publish it as text.
            fix = Fix("delete the comment; keep notes outside the text, e.g. in the patch's rationale",
                      range: range, replacement: "")
        } else if node.kind == .htmlInline, html.hasPrefix("<"), !html.contains("\n") {
            fix = Fix("write '\\<' to show '<' as text", range: range, replacement: "\\" + html)
        }
        report(.rawHTML, "Raw HTML is not allowed in agreement text: \(shown)", at: range,
               notes: [DiagnosticNote("the texts are published to the public; write the formatting in Markdown")],
               fix: fix)
    }

    mutating func reference(_ node: MarkdownNode, range: SourceRange, clause: Int?) -> Reference? {
        let destination = node.url ?? ""
        switch links.target(of: destination, from: entry) {
        case let .success(target):
            return Reference(destination: destination, target: target, text: node.plainText, range: range,
                             clause: clause, isImage: node.kind == .image)
        case .failure(.noDestination):
            report(.malformedReference, "Link has no destination", at: range,
                   notes: [DiagnosticNote("write [](#clause-id), [](document-id#clause-id) or [](document-id)")])
        case .failure(.emptyFragment):
            report(.malformedReference, "Reference '\(destination)' ends in an empty '#'", at: range,
                   notes: [DiagnosticNote("name the clause after '#', or remove the '#' to refer to the whole document")])
        }
        return nil
    }

    static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }
}
