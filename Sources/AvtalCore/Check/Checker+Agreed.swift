import Foundation

/// A clause of the working text whose wording is not what the working group agreed, and no decision
/// carries the new wording: the working group's sharpest pain ("läkare bedömer" changed unseen).
public struct AgreedDeviation: Sendable {
    public var agreed: AgreedClause
    /// The clause's ID in the working text now (an alias followed), nil when it is gone.
    public var clause: String?
    /// Its heading and text now, normalised as the agreed text is; nil when it is gone.
    public var current: String?
}

extension Checker {
    /// Each agreed clause against the working text. A clause whose wording differs is settled by a
    /// later `agree` entry (only the latest one counts) or by a patch whose change leaves exactly the
    /// current wording: the decision is then on record. An entry whose text does not match its hash
    /// was edited by hand, and cannot be trusted as the agreed wording.
    public static func checkAgreed(_ agreed: AgreedWording, working: VersionText, corpus: Corpus,
                                   decided: [ChangeRecord]) -> (diagnostics: [Diagnostic], deviations: [AgreedDeviation]) {
        var diagnostics: [Diagnostic] = []
        var deviations: [AgreedDeviation] = []
        for entry in agreed.entries where TextDigest.sha256(entry.text) != entry.sha256 {
            diagnostics.append(Diagnostic(
                .agreedEntryAltered, "The agreed wording of \(entry.target) no longer matches its sha256: the entry was edited by hand",
                at: entry.range, stage: .check,
                notes: [DiagnosticNote("an agreed wording is recorded only by `avtal agree`; restore the entry from git, or record the wording again: avtal agree \(entry.target) --by … --on YYYY-MM-DD")]))
        }
        for target in agreed.targets {
            guard let entry = agreed.current(target), TextDigest.sha256(entry.text) == entry.sha256 else { continue }
            guard let document = working.document(entry.document), corpus.document(entry.document) != nil else {
                diagnostics.append(Diagnostic(.agreedClauseGone, "\(entry.target) was agreed on \(entry.on), but the working text has no document '\(entry.document)'",
                                              at: entry.range, stage: .check))
                deviations.append(AgreedDeviation(agreed: entry, clause: nil, current: nil))
                continue
            }
            let id = working.history.resolve(document: entry.document, id: entry.clause)
            guard let path = document.path(of: id), let located = corpus.document(entry.document)?.clauseIndex[id] else {
                diagnostics.append(Diagnostic(
                    .agreedClauseGone, "\(entry.target) was agreed on \(entry.on) by \(entry.by), but the working text no longer has that clause",
                    at: entry.range, stage: .check,
                    notes: [DiagnosticNote("a clause that was agreed is removed by a decision (a patch), or the entry is removed from \(AgreedWording.fileName) when the working group agrees to drop it")]))
                deviations.append(AgreedDeviation(agreed: entry, clause: nil, current: nil))
                continue
            }
            let current = AgreedWording.text(of: document[path])
            guard current != entry.text, !settled(document: entry.document, clause: id, text: current, by: decided) else { continue }
            let clause = corpus.document(entry.document)!.clauses[located]
            diagnostics.append(deviation(entry, current: current, at: clause.headingRange))
            deviations.append(AgreedDeviation(agreed: entry, clause: id, current: current))
        }
        return (diagnostics, deviations)
    }

    private static func settled(document: String, clause: String, text: String, by changes: [ChangeRecord]) -> Bool {
        changes.contains { change in
            guard change.document == document, let after = change.after?.clause, after.id == clause else { return false }
            return TextDigest.normalize(after.heading + "\n\n" + after.body) == text
        }
    }

    private static func deviation(_ entry: AgreedClause, current: String, at range: SourceRange) -> Diagnostic {
        let meeting = "\(entry.by) agreed its wording on \(entry.on)" + (entry.note.map { " (\($0))" } ?? "")
        return Diagnostic(
            .agreedWordingChanged, "The wording of \(entry.target) differs from what \(entry.by) agreed on \(entry.on)",
            at: range, stage: .check,
            notes: [DiagnosticNote(meeting, at: entry.range)]
                + TextComparison.notes(expected: entry.text, found: current, labels: ("agreed", "now"))
                + [DiagnosticNote("restore the agreed wording; or, if the change is intended, record the decision as a patch, or the working group's new agreement: avtal agree \(entry.target) --by \(entry.by) --on YYYY-MM-DD")])
    }
}
