import AvtalCore
import Foundation

extension ClauseHistory {
    /// The history for the terminal: the versions, each decision with both wordings and a redline
    /// (brackets, as `avtal diff` marks changes), the agreed wording and the commits. Every piece of
    /// corpus or git text is made inert: a commit message cannot act on the terminal.
    package func text() -> String {
        var out: [String] = []
        let name = "\(document)#\(current ?? asked)"
        out.append(name + (appearances.last(where: { $0.version == VersionsFile.working }).map { "  \($0.heading)" } ?? ""))
        if !formerIDs.isEmpty { out.append("  also known as: " + formerIDs.map { "\(document)#\($0)" }.joined(separator: ", ")) }
        if let retiredBy { out.append("  retired by \(retiredBy)") }
        out.append("")
        out.append("Versions:")
        let width = appearances.map(\.version.count).max() ?? 0
        for a in appearances {
            var line = "  " + a.version.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
            line += (a.number.isEmpty ? "(unnumbered)" : a.number) + "  " + a.heading
            var facts = [a.title]
            if a.status == .published, let on = a.publishedOn { facts.append("published \(on)") }
            if a.status == .draft { facts.append("draft") }
            if a.id != (current ?? asked) { facts.append("as \(a.id)") }
            out.append(line + "  (" + facts.joined(separator: ", ") + ")")
        }
        if appearances.isEmpty { out.append("  none") }
        out.append("")
        out.append("Decisions:")
        if decisions.isEmpty { out.append("  none: no patch of any version changed it") }
        for d in decisions {
            var line = "  \(d.version) ← \(d.patch): \(d.title)"
            if let kind = d.kind { line += " (\(kind.rawValue))" }
            out.append(line)
            var decided = "    \(d.operation)"
            if !d.decidedBy.isEmpty { decided += ", decided by \(d.decidedBy)" }
            if let on = d.decidedOn { decided += " on \(on)" }
            if !d.reference.isEmpty { decided += " (\(d.reference))" }
            out.append(decided)
            if let renamed = d.renamed { out.append("    renamed: \(document)#\(renamed.from) → \(document)#\(renamed.to)") }
            if d.before != d.after {
                if let before = d.before { out += quoted("before", before) }
                if let after = d.after { out += quoted("after", after) }
            }
            if let before = d.before, let after = d.after, before != after {
                out.append("    redline:")
                out += Self.redline(from: before, to: after).map { "      " + $0 }
            }
        }
        if !agreed.isEmpty {
            out.append("")
            out.append("Agreed wording:")
            for entry in agreed {
                out.append("  \(entry.on) \(entry.by)" + (entry.note.map { ": \($0)" } ?? ""))
            }
        }
        out.append("")
        switch commits {
        case nil: out.append("Commits: not in a git repository")
        case let commits?:
            out.append("Commits that touched its lines in the working text:")
            if commits.isEmpty { out.append("  none") }
            for c in commits { out.append("  \(c.id) \(c.date) \(c.author): \(c.subject)") }
        }
        return out.map(\.inertForTerminal).joined(separator: "\n") + "\n"
    }

    private func quoted(_ label: String, _ text: String) -> [String] {
        ["    \(label):"] + text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }
    }

    /// The lines that hold a change, marked as `avtal diff` marks them; "…" for lines left out.
    static func redline(from old: String, to new: String) -> [String] {
        var out: [String] = []
        var skipped = false
        for line in WordDiff.lines(WordDiff.runs(from: old, to: new)) {
            guard line.contains(where: { $0.kind != .equal }) else {
                if !line.isEmpty { skipped = true }
                continue
            }
            if skipped { out.append("…"); skipped = false }
            out.append(line.map { run in
                switch run.kind {
                case .equal: run.text
                case .deleted: "[-" + run.text + "-]"
                case .inserted: "{+" + run.text + "+}"
                }
            }.joined())
        }
        if skipped { out.append("…") }
        return out
    }
}
