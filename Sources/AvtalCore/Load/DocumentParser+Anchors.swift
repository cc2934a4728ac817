import AvtalMarkdown

/// Sub-clause anchors: `{#id}` at the end of a stycke or of a list item's first line.
extension DocumentParser {
    /// Finds each clause's anchors and adds them to the document's one namespace of IDs: an anchor
    /// may not take a clause's ID or another anchor's, and is written like a clause ID.
    mutating func collectAnchors(_ tree: MarkdownNode, into document: inout Document) {
        var blocksOfClause: [[MarkdownNode]] = Array(repeating: [], count: document.clauses.count)
        var current: Int?
        var nextClause = 0
        for block in tree.children {
            if case .heading = block.kind, let start = block.range?.start.line {
                while nextClause < document.clauses.count, document.clauses[nextClause].headingRange.start.line <= start {
                    current = nextClause
                    nextClause += 1
                }
                continue
            }
            // Text before the first heading (the preamble) has no clause to address a part of.
            if let current { blocksOfClause[current].append(block) }
        }
        for (clause, blocks) in blocksOfClause.enumerated() where !blocks.isEmpty {
            for position in Markdown.anchors(in: blocks, line: { source.line($0) }) {
                let range = source.range(line: position.line, column: position.column, length: position.length)
                add(Anchor(position: position, clause: clause, idRange: range), to: &document)
            }
        }
    }

    private mutating func add(_ anchor: Anchor, to document: inout Document) {
        let id = anchor.id
        guard Suggestions.isValidID(id) else {
            let proposal = Suggestions.clauseID(fromHeading: id.isEmpty ? "stycke" : id)
            report(.malformedID, "Anchor ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                   at: anchor.idRange, fix: Fix("use '\(proposal)'", range: anchor.idRange, replacement: "{#\(proposal)}"))
            return
        }
        let first = document.clauseIndex[id].map { document.clauses[$0].idRange }
            ?? document.anchorIndex[id].map { document.anchors[$0].idRange }
        if let first {
            report(.duplicateClauseID, "ID '\(id)' is already used in '\(entry.id)'", at: anchor.idRange,
                   notes: [DiagnosticNote("first used here", at: first),
                           DiagnosticNote("clauses and the anchors of stycken and list items share one set of IDs")])
            return
        }
        document.anchorIndex[id] = document.anchors.count
        document.anchors.append(anchor)
    }
}
