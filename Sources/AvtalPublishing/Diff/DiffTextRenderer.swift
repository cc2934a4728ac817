/// A compact listing of a `VersionDiff` for the terminal. Changes are marked with brackets
/// (`[-deleted-]`, `{+inserted+}`) whether or not colour is on, so meaning never depends on colour.
/// Text from the corpus is made inert (`inertForTerminal`) before the renderer's own colour codes are
/// added: a control character in a clause must not move the cursor or recolour the terminal.
package struct DiffTextRenderer: Sendable {
    /// ANSI colour (red for deletions, green for insertions). The caller decides: only on a terminal,
    /// never when `NO_COLOR` is set.
    package var color: Bool

    package init(color: Bool = false) {
        self.color = color
    }

    private static let red = "\u{1B}[31m", green = "\u{1B}[32m", reset = "\u{1B}[0m"

    package func render(_ diff: VersionDiff) -> String {
        var out: [String] = []
        for document in diff.documents {
            if !out.isEmpty { out.append("") }
            out += lines(document)
        }
        if !out.isEmpty { out.append("") }
        out.append(Self.summaryLine(diff))
        return out.joined(separator: "\n") + "\n"
    }

    /// "2 documents changed: 1 inserted, 0 deleted, 0 moved, 0 renamed, 5 changed clauses".
    package static func summaryLine(_ diff: VersionDiff) -> String {
        let s = diff.summary
        if s.isEmpty { return "No differences between \(diff.from) and \(diff.to)" }
        var documents = "\(s.documentsChanged) document\(s.documentsChanged == 1 ? "" : "s") changed"
        var extra: [String] = []
        if s.documentsAdded > 0 { extra.append("\(s.documentsAdded) added") }
        if s.documentsRemoved > 0 { extra.append("\(s.documentsRemoved) removed") }
        if !extra.isEmpty { documents += " (" + extra.joined(separator: ", ") + ")" }
        let clauses = "\(s.changed) changed clause\(s.changed == 1 ? "" : "s")"
        return "\(documents): \(s.inserted) inserted, \(s.deleted) deleted, \(s.moved) moved, \(s.renamed) renamed, \(clauses)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? code + text + Self.reset : text
    }

    private func lines(_ document: DocumentDiff) -> [String] {
        var out: [String] = []
        switch document.status {
        case .added:
            out.append(paint("+ ", Self.green) + "\(document.id)  \(document.title)".inertForTerminal
                + " (new document, \(count(document.clauses)))")
            return out
        case .removed:
            out.append(paint("- ", Self.red) + "\(document.id)  \(document.title)".inertForTerminal
                + " (removed document, \(count(document.clauses)))")
            return out
        case .changed:
            out.append("\(document.id)  \(document.title)".inertForTerminal)
        }
        for change in document.frontMatter {
            out.append("  \(change.field.rawValue): \"\(change.old)\" → \"\(change.new)\"".inertForTerminal)
        }
        if let preamble = document.preamble {
            out.append("  ~ preamble")
            out += text(preamble.runs)
        }
        for clause in document.clauses {
            out += lines(clause)
        }
        return out
    }

    private func count(_ clauses: [ClauseDiff]) -> String {
        "\(clauses.count) clause\(clauses.count == 1 ? "" : "s")"
    }

    private func lines(_ clause: ClauseDiff) -> [String] {
        let marker: String
        var notes: [String] = []
        switch clause.kind {
        case .inserted: marker = paint("+", Self.green); notes.append("inserted")
        case .deleted: marker = paint("-", Self.red); notes.append("deleted")
        case .renamed: marker = "≡"; notes.append("renamed")
        case .moved: marker = "→"
        case .changed: marker = "~"
        }
        if clause.isMoved, let old = clause.oldNumber { notes.append("moved from \(old)") }
        if !clause.isMoved, clause.kind != .inserted, clause.kind != .deleted,
           let old = clause.oldNumber, let new = clause.newNumber, old != new {
            notes.append("was \(old)")
        }
        let id = clause.isRenamed ? "\(clause.oldID ?? "") → \(clause.newID ?? "")" : clause.id
        var line = "  \(marker) " + "\(clause.number) \(id)  \(clause.displayHeading)".inertForTerminal
        if !notes.isEmpty { line += " (" + notes.joined(separator: ", ") + ")" }
        var out = [line]
        if clause.isTextChanged, let heading = clause.heading {
            out.append("      heading: " + inline(heading.runs))
        }
        if let body = clause.body, !body.runs.isEmpty {
            out += text(body.runs)
        }
        return out
    }

    /// The lines of a text that hold a change; "…" where unchanged lines are left out.
    private func text(_ runs: [TextRun]) -> [String] {
        var out: [String] = []
        var skipped = false
        for line in WordDiff.lines(runs) {
            if line.allSatisfy({ $0.kind == .equal }) {
                if !line.isEmpty { skipped = true }
                continue
            }
            if skipped { out.append("      …"); skipped = false }
            out.append("      " + inline(line))
        }
        if skipped { out.append("      …") }
        return out
    }

    private func inline(_ runs: [TextRun]) -> String {
        runs.indices.map { index in
            let run = runs[index]
            let text: String
            switch run.kind {
            case .equal: text = run.text.inertForTerminal
            case .deleted: text = paint("[-" + run.text.inertForTerminal + "-]", Self.red)
            case .inserted: text = paint("{+" + run.text.inertForTerminal + "+}", Self.green)
            }
            // As on the redline page: a deletion and an insertion that touch are read apart.
            let next = index + 1 < runs.count ? runs[index + 1] : nil
            return next.map { RunView.needsSeparator(run, $0) } == true ? text + " " : text
        }.joined()
    }
}
