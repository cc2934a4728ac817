import AvtalMarkdown

/// A heading as the clause tree needs it.
private struct HeadingInfo {
    var node: MarkdownNode
    var level: Int
    var range: SourceRange
    var text: String
    /// The `{#…}` suffix as written, if any, and where it is.
    var writtenID: String?
    var idRange: SourceRange?
    /// `{#id .unnumbered}` (or Pandoc's `{#id -}`): the clause is not counted in the numbering.
    var unnumbered = false
}

/// Building the clause tree from the headings.
extension DocumentParser {
    mutating func buildClauses(_ tree: MarkdownNode, into document: inout Document) {
        // Pass 1: headings and their written IDs, so that a proposed ID can avoid every existing one.
        var headings: [HeadingInfo] = []
        var headingOfBlock: [Int: Int] = [:]
        for (blockIndex, block) in tree.children.enumerated() {
            guard case let .heading(level) = block.kind, let byteRange = block.range else { continue }
            headingOfBlock[blockIndex] = headings.count
            headings.append(headingInfo(block, level: level, range: source.range(byteRange)))
        }
        var usedIDs = Set(headings.compactMap(\.writtenID).filter(Suggestions.isValidID))

        // Pass 2: the tree.
        var openByLevel: [(level: Int, clause: Int)] = []
        var previousLevel = 0
        var topLevelCount = 0
        var current: Int?
        for blockIndex in tree.children.indices {
            guard let h = headingOfBlock[blockIndex] else {
                if let current { document.clauses[current].hasOwnContent = true }
                continue
            }
            let info = headings[h]
            let id = resolveID(info, usedIDs: &usedIDs, document: document)

            if info.level > previousLevel + 1 {
                report(.skippedHeadingLevel,
                       "Heading level \(info.level) follows level \(previousLevel): a level is skipped",
                       at: info.range,
                       fix: Fix("use a level-\(previousLevel + 1) heading", range: markerRange(info),
                                replacement: String(repeating: "#", count: previousLevel + 1)))
            }
            previousLevel = info.level

            let nextHeadingLine = h + 1 < headings.count ? headings[h + 1].range.start.line : source.lineCount + 1
            current = addClause(info, id: id, nextHeadingLine: nextHeadingLine, openByLevel: &openByLevel,
                                topLevelCount: &topLevelCount, into: &document)
        }

        for clause in document.clauses where !clause.hasOwnContent && clause.children.isEmpty {
            report(.emptyClause, "Clause '\(clause.id)' has no text", at: clause.headingRange,
                   notes: [DiagnosticNote("write the clause's text below its heading, or remove the heading")])
        }
    }

    /// Appends the clause under the nearest open heading of a lower level; returns its index.
    private mutating func addClause(_ info: HeadingInfo, id: String, nextHeadingLine: Int,
                                    openByLevel: inout [(level: Int, clause: Int)], topLevelCount: inout Int,
                                    into document: inout Document) -> Int {
        while let last = openByLevel.last, last.level >= info.level { openByLevel.removeLast() }
        let parent = openByLevel.last?.clause
        let index = document.clauses.count
        // An unnumbered clause takes no number, so its siblings after it number as if it were absent.
        let ordinal: Int
        if let parent {
            ordinal = document.clauses[parent].children.filter { !document.clauses[$0].unnumbered }.count
                + (info.unnumbered ? 0 : 1)
            document.clauses[parent].children.append(index)
        } else {
            if !info.unnumbered { topLevelCount += 1 }
            ordinal = topLevelCount
        }
        document.clauses.append(Clause(
            id: id, heading: info.text, headingMarkdown: headingMarkdown(info), level: info.level, parent: parent, children: [], ordinal: ordinal,
            headingRange: info.range, idRange: info.idRange ?? info.range,
            bodyLines: (info.range.end.line + 1)..<max(info.range.end.line + 1, nextHeadingLine),
            hasOwnContent: false, unnumbered: info.unnumbered))
        openByLevel.append((info.level, index))

        if let first = document.clauseIndex[id] {
            if info.writtenID == id {
                report(.duplicateClauseID, "Clause ID '\(id)' is already used in '\(entry.id)'",
                       at: info.idRange ?? info.range,
                       notes: [DiagnosticNote("first used here", at: document.clauses[first].idRange)])
            }
        } else {
            document.clauseIndex[id] = index
        }
        return index
    }

    private func headingInfo(_ block: MarkdownNode, level: Int, range: SourceRange) -> HeadingInfo {
        let text = block.plainText.trimmed
        var info = HeadingInfo(node: block, level: level, range: range, text: text)
        guard text.hasSuffix("}"), let open = text.lastRange(of: "{#") else { return info }
        let attributes = String(text[open.upperBound..<text.index(before: text.endIndex)])
        info.writtenID = attributes
        // Pandoc's attribute syntax: the ID first, then classes. Only `.unnumbered` (and its short form
        // `-`) means something here; any other word keeps the whole text as the ID, which is reported malformed.
        let words = attributes.split(separator: " ")
        if words.count > 1, words.dropFirst().allSatisfy({ $0 == ".unnumbered" || $0 == "-" }) {
            info.writtenID = String(words[0])
            info.unnumbered = true
        }
        info.text = text[..<open.lowerBound].trimmed
        // Find the suffix in the source: on the heading's line for ATX, above the underline for setext.
        for n in stride(from: range.end.line, through: range.start.line, by: -1) {
            let line = source.line(n)
            if let found = line.lastRange(of: "{#"),
               let close = line[found.lowerBound...].firstIndex(of: "}") {
                let column = line.unicodeScalars.distance(from: line.startIndex, to: found.lowerBound) + 1
                let length = line.unicodeScalars.distance(from: found.lowerBound, to: close) + 1
                info.idRange = source.range(line: n, column: column, length: length)
                break
            }
        }
        return info
    }

    /// The heading's Markdown source without the ATX marker, closing `#`s and the `{#id}` suffix.
    private func headingMarkdown(_ info: HeadingInfo) -> String {
        let first = info.range.start.line
        let line = source.line(first)
        let isATX = line.drop { $0 == " " }.first == "#"
        let lines = isATX ? [first] : Array(first..<max(first + 1, info.range.end.line))
        var text = lines.map { source.line($0).trimmed }.joined(separator: " ")
        if isATX {
            text = text.drop { $0 == "#" }.trimmed
            if let end = headingTextEnd(info) {
                // Sliced by index, not copied scalar by scalar into a new view: that copy was a
                // seventh of `avtal check`.
                let scalars = line.unicodeScalars
                let count = scalars.count
                let indent = line.prefix { $0 == " " }.count
                let hashes = line.dropFirst(indent).prefix { $0 == "#" }.count
                let start = min(indent + hashes, count), stop = min(max(end.start.column - 1, start), count)
                let lower = scalars.index(scalars.startIndex, offsetBy: start)
                text = String(scalars[lower..<scalars.index(lower, offsetBy: stop - start)]).trimmed
            }
        }
        if info.writtenID != nil, text.hasSuffix("}"), let open = text.lastRange(of: "{#") {
            text = text[..<open.lowerBound].trimmed
        }
        return text
    }

    /// The `#` marker of an ATX heading (or the whole heading line for setext headings).
    private func markerRange(_ info: HeadingInfo) -> SourceRange {
        let line = source.line(info.range.start.line)
        let hashes = line.drop { $0 == " " }.prefix { $0 == "#" }
        guard !hashes.isEmpty else { return info.range }
        let column = line.prefix { $0 == " " }.count + 1
        return source.range(line: info.range.start.line, column: column, length: hashes.count)
    }

    /// The clause's ID, reporting a missing or malformed one. A clause always gets some ID, so that
    /// numbering and the checks after it go on; the error already fails the run.
    private mutating func resolveID(_ info: HeadingInfo, usedIDs: inout Set<String>, document: Document) -> String {
        if let written = info.writtenID, Suggestions.isValidID(written) { return written }
        var proposal = Suggestions.clauseID(fromHeading: info.writtenID.flatMap { $0.isEmpty ? nil : $0 } ?? info.text)
        if usedIDs.contains(proposal) {
            var n = 2
            while usedIDs.contains("\(proposal)-\(n)") { n += 1 }
            proposal = "\(proposal)-\(n)"
        }
        usedIDs.insert(proposal)
        if let written = info.writtenID, let idRange = info.idRange {
            report(.malformedID,
                   "Clause ID '\(written)' is malformed: use lower-case a–z, digits and single dashes",
                   at: idRange,
                   fix: Fix("use '\(proposal)'", range: idRange,
                            replacement: "{#\(proposal)\(info.unnumbered ? " .unnumbered" : "")}"))
        } else {
            let end = SourceRange(file: source.path, start: info.range.end, end: info.range.end)
            let endOfText = headingTextEnd(info) ?? end
            report(.headingWithoutID, "Heading '\(info.text)' has no ID", at: info.range,
                   notes: [DiagnosticNote("an ID is permanent: references and published versions point to it")],
                   fix: Fix("add ' {#\(proposal)}'", range: endOfText, replacement: " {#\(proposal)}"))
        }
        return proposal
    }

    /// The end of an ATX heading's text, before any closing `#`s and trailing spaces.
    private func headingTextEnd(_ info: HeadingInfo) -> SourceRange? {
        let lineNumber = info.range.start.line
        var scalars = Array(source.line(lineNumber).unicodeScalars)
        while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
        if scalars.last == "#" {
            var trimmed = scalars
            while trimmed.last == "#" { trimmed.removeLast() }
            if trimmed.last == " " || trimmed.last == "\t" {
                scalars = trimmed
                while scalars.last == " " || scalars.last == "\t" { scalars.removeLast() }
            }
        }
        let location = SourceLocation(line: lineNumber, column: scalars.count + 1)
        return SourceRange(file: source.path, start: location, end: location)
    }
}
