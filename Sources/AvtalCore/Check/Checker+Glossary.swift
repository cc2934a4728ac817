/// The glossary's checks: words to avoid, and terms defined but never used.
extension Checker {
    /// Avoided words in `documents`, and (with `reportUnused`) the terms used in neither `documents` nor
    /// `patientCases`. Each text run is split into words once for both: scanning it once per
    /// question was a tenth of `avtal check`.
    static func glossaryChecks(_ documents: [Document], patientCases: [Document], glossary: Glossary,
                               reportUnused: Bool) -> [Diagnostic] {
        let avoided = glossary.avoidedForms
        let (termForms, termOfForm) = glossary.termForms
        let index = PhraseIndex(avoided.map(\.form) + termForms)
        var diagnostics: [Diagnostic] = []
        var used = Set<Int>()
        for document in documents {
            for run in document.textRuns {
                for (id, range) in index.matches(in: run.text) {
                    if id >= avoided.count {
                        used.insert(termOfForm[id - avoided.count])
                    } else {
                        diagnostics.append(avoidedWord(run.text[range], instead: avoided[id].instead,
                                                       at: run.range(range, in: document.source)))
                    }
                }
            }
        }
        guard reportUnused else { return diagnostics }
        for document in patientCases {
            for run in document.textRuns {
                for (id, _) in index.matches(in: run.text) where id >= avoided.count { used.insert(termOfForm[id - avoided.count]) }
            }
        }
        for (position, term) in glossary.terms.enumerated() where !used.contains(position) {
            diagnostics.append(Diagnostic(.unusedTerm, "The term '\(term.term)' is defined but never used", at: term.range, stage: .check,
                                          notes: [DiagnosticNote("use it in the text, add the form the text uses under 'forms', or remove it")]))
        }
        return diagnostics
    }

    /// Avoided words in one document (a patient case, checked on its own).
    static func avoidedWords(in document: Document, glossary: Glossary) -> [Diagnostic] {
        let forms = glossary.avoidedForms
        let index = glossary.avoidedIndex
        return document.textRuns.flatMap { run in
            index.matches(in: run.text).map { id, range in
                avoidedWord(run.text[range], instead: forms[id].instead, at: run.range(range, in: document.source))
            }
        }
    }

    static func avoidedWord(_ word: Substring, instead: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(.avoidedWord, "'\(word)' is a word to avoid: write '\(instead)'", at: range, stage: .check,
                   notes: [DiagnosticNote("see \(Glossary.fileName)")])
    }
}
