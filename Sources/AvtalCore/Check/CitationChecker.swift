/// Checks every statute citation of a document against the registry: the statute exists, the
/// paragraph exists, the statute is in force when the document takes effect, ranges take an en
/// dash, several paragraphs take "§§", and the first mention of a statute gives its SFS number.
struct CitationChecker {
    let registry: StatuteRegistry
    let recognizer: CitationRecognizer
    /// The day the text takes effect; a statute repealed on or before it must not be cited.
    let validFrom: CalendarDate?
    let source: SourceFile
    let documentID: String
    var diagnostics: [Diagnostic] = []
    /// SFS numbers already mentioned in the document.
    private var mentioned: Set<String> = []
    /// Abbreviations the document introduced itself ("…, nedan SoL").
    private var introduced: [String: Statute] = [:]

    init(recognizer: CitationRecognizer, validFrom: CalendarDate?, source: SourceFile, documentID: String) {
        self.registry = recognizer.registry
        self.recognizer = recognizer
        self.validFrom = validFrom
        self.source = source
        self.documentID = documentID
    }

    mutating func check(_ run: TextRun) {
        let source = self.source
        for citation in recognizer.citations(in: run.text) {
            check(citation, in: run.text) { run.range($0, in: source) }
        }
    }

    /// A citation written somewhere other than running text (front matter's legal-basis).
    mutating func check(text: String, at location: SourceLocation, mustName: Bool) {
        let citations = recognizer.citations(in: text)
        let source = self.source
        func range(_ r: Range<String.Index>) -> SourceRange {
            let start = text.unicodeScalars.distance(from: text.startIndex, to: r.lowerBound)
            let length = text.unicodeScalars.distance(from: r.lowerBound, to: r.upperBound)
            return source.range(line: location.line, column: location.column + start, length: length)
        }
        if mustName, !citations.contains(where: { $0.reference != nil }) {
            diagnostics.append(Diagnostic(.unknownStatute, "The legal basis '\(text)' names no statute of the registry",
                                          at: range(text.startIndex..<text.endIndex), stage: .check,
                                          notes: [DiagnosticNote("statutes are listed in \(StatuteRegistry.fileName)")]))
        }
        for citation in citations { check(citation, in: text, range: range) }
    }

    private mutating func report(_ code: DiagnosticCode, _ summary: String, at range: SourceRange,
                                 notes: [DiagnosticNote] = [], fix: Fix? = nil) {
        diagnostics.append(Diagnostic(code, summary, at: range, stage: .check, notes: notes, fix: fix))
    }

    private mutating func check(_ citation: Citation, in text: String, range: (Range<String.Index>) -> SourceRange) {
        checkPunctuation(citation, in: text, range: range)
        guard let reference = citation.reference else { return }
        let referenceRange = citation.referenceRange.map(range) ?? range(citation.range)
        guard let statute = resolve(reference, at: referenceRange) else { return }
        if let abbreviation = citation.introduces { introduced[abbreviation] = statute }
        let writtenNumber: String? = switch reference {
        case let .name(_, sfs): sfs
        case let .number(sfs): sfs
        case .abbreviation, .unknownAbbreviation: nil
        }
        checkInForce(statute, citation, in: text, writtenNumber: writtenNumber, at: referenceRange, range: range)
        if !mentioned.contains(statute.sfs) {
            mentioned.insert(statute.sfs)
            if writtenNumber == nil { reportMissingNumber(statute, citation, at: referenceRange, range: range) }
        }
        checkParagraphs(citation, of: statute, range: range)
    }

    /// Ranges take an en dash; one paragraph takes "§", several take "§§".
    private mutating func checkPunctuation(_ citation: Citation, in text: String,
                                           range: (Range<String.Index>) -> SourceRange) {
        let written = String(text[citation.range])
        if citation.dash == "-", let dashRange = citation.dashRange {
            report(.rangeHyphen, "A range takes an en dash, not a hyphen: '\(written)'", at: range(dashRange),
                   fix: Fix("use '–'", range: range(dashRange), replacement: "–"))
        }
        if let sign = citation.sign, let signRange = citation.signRange, !citation.paragraphs.isEmpty {
            // "4 eller 11 §": of alternatives one applies, so they take "§".
            let several = citation.citedParagraphs.count > 1 && !citation.isAlternatives
            if citation.isAlternatives, sign == "§§" {
                report(.sectionSign, "Paragraphs joined by 'eller' are alternatives and take '§': '\(written)'",
                       at: range(signRange), fix: Fix("use '§'", range: range(signRange), replacement: "§"))
            } else if several, sign == "§" {
                report(.sectionSign, "Several paragraphs take '§§': '\(written)'", at: range(signRange),
                       fix: Fix("use '§§'", range: range(signRange), replacement: "§§"))
            } else if !several, sign == "§§" {
                report(.sectionSign, "One paragraph takes '§', not '§§': '\(written)'", at: range(signRange),
                       fix: Fix("use '§'", range: range(signRange), replacement: "§"))
            }
        }
    }

    /// The statute a reference names, or nil after reporting that the registry does not know it.
    private mutating func resolve(_ reference: Citation.Reference, at referenceRange: SourceRange) -> Statute? {
        let statute: Statute?
        let unknown: (summary: String, note: String)
        switch reference {
        case let .unknownAbbreviation(abbreviation):
            let known = registry.statutes.flatMap(\.abbreviations)
            report(.unknownStatute, "Unknown statute abbreviation '\(abbreviation)'", at: referenceRange,
                   notes: [DiagnosticNote(Suggestions.nearest(to: abbreviation, in: known).first.map { "did you mean '\($0)'?" }
                                          ?? "abbreviations in \(StatuteRegistry.fileName): \(Set(known).sorted().joined(separator: ", "))")])
            return nil
        case let .abbreviation(abbreviation):
            return introduced[abbreviation] ?? registry.pick(registry.statutes(abbreviation: abbreviation), on: validFrom)
        case let .name(name, sfs?):
            statute = registry.statute(sfs: sfs)
            unknown = ("Unknown statute '\(name) (\(sfs))'", "add it to \(StatuteRegistry.fileName), or correct the number")
        case let .name(name, nil):
            statute = registry.statute(name: name, on: validFrom)
            unknown = ("Unknown statute '\(name)'", "add it to \(StatuteRegistry.fileName), or write its name as the registry does")
        case let .number(sfs):
            statute = registry.statute(sfs: sfs)
            unknown = ("Unknown statute 'lagen (\(sfs))'", "add it to \(StatuteRegistry.fileName), or correct the number")
        }
        if statute == nil { report(.unknownStatute, unknown.summary, at: referenceRange, notes: [DiagnosticNote(unknown.note)]) }
        return statute
    }

    /// A statute repealed on or before the day the document takes effect must not be cited.
    private mutating func checkInForce(_ statute: Statute, _ citation: Citation, in text: String, writtenNumber: String?,
                                       at referenceRange: SourceRange, range: (Range<String.Index>) -> SourceRange) {
        guard let repealed = statute.repealedOn, let validFrom, repealed <= validFrom else { return }
        let replacement = statute.replacedBy.flatMap(registry.statute(sfs:))
        var notes = [DiagnosticNote("'\(documentID)' takes effect on \(validFrom)")]
        var fix: Fix?
        if let replacement {
            notes.insert(DiagnosticNote("replaced by \(replacement.citationName)"), at: 0)
            if let writtenNumber, let numberRange = text[citation.range].range(of: writtenNumber) {
                fix = Fix("cite \(replacement.sfs)", range: range(numberRange), replacement: replacement.sfs)
            }
        }
        report(.repealedStatute,
               "\(statute.citationName) was repealed on \(repealed)" + (replacement.map { " by \($0.sfs)" } ?? ""),
               at: referenceRange, notes: notes, fix: fix)
    }

    /// The first mention of a statute in a document gives its SFS number.
    private mutating func reportMissingNumber(_ statute: Statute, _ citation: Citation, at referenceRange: SourceRange,
                                              range: (Range<String.Index>) -> SourceRange) {
        var fix: Fix?
        if case .name = citation.reference, let nameRange = citation.referenceRange {
            let end = range(nameRange).end
            fix = Fix("add the SFS number", range: SourceRange(file: source.path, start: end, end: end),
                      replacement: " (\(statute.sfs))")
        }
        report(.missingSFSNumber, "First mention of \(statute.names.first ?? statute.title) in '\(documentID)' without its SFS number",
               at: referenceRange, notes: [DiagnosticNote("write it in full the first time: \(statute.citationName)")], fix: fix)
    }

    /// Every cited paragraph exists in the statute (when the registry lists its paragraphs). Each part of
    /// a compound citation is reported at its own number: "11" in "8 kap. 4 eller 11 §".
    private mutating func checkParagraphs(_ citation: Citation, of statute: Statute,
                                          range: (Range<String.Index>) -> SourceRange) {
        guard !statute.paragraphs.isEmpty, !citation.paragraphs.isEmpty else { return }
        // A chapter carried from "10 kap. 8 § och 9 § …" does not apply to a statute without chapters.
        let chapter = citation.chapterIsCarried && !statute.hasChapters ? nil : citation.chapter
        let prefix = chapter.map { "\($0) kap. " } ?? ""
        let chapterExists = chapter.map { c in statute.paragraphs.contains { $0.hasPrefix("\(c) kap. ") } } ?? true
        if !chapterExists, !citation.chapterIsCarried, let chapterRange = citation.chapterRange {
            // Every paragraph is missing because the chapter is: one report, at the chapter.
            return reportMissing(citation.citedParagraphs.map { "\(prefix)\($0) §" }, chapter: chapter, in: statute,
                                 at: range(chapterRange), cited: citation.citedParagraphs)
        }
        for part in citation.parts {
            let cited = part.cited
            let missing = cited.map { "\(prefix)\($0) §" }.filter { !statute.paragraphs.contains($0) }
            guard !missing.isEmpty else { continue }
            reportMissing(missing, chapter: chapter, in: statute, at: range(part.range), cited: cited)
        }
    }

    private mutating func reportMissing(_ missing: [String], chapter: String?, in statute: Statute, at location: SourceRange,
                                        cited: [String]) {
        var notes: [DiagnosticNote] = []
        if chapter == nil, statute.hasChapters {
            notes.append(DiagnosticNote("\(statute.citationName) is divided into chapters: write 'N kap. \(cited[0]) §'"))
        } else if let chapter {
            let inChapter = statute.paragraphs.filter { $0.hasPrefix("\(chapter) kap. ") }
                .compactMap { Int($0.dropFirst("\(chapter) kap. ".count).prefix { $0.isNumber }) }
            if let last = inChapter.max() { notes.append(DiagnosticNote("\(chapter) kap. ends at \(last) §")) }
            else { notes.append(DiagnosticNote("\(statute.citationName) has no \(chapter) kap.")) }
        }
        report(.unknownParagraph,
               "\(EnglishList.join(missing)) \(missing.count == 1 ? "does" : "do") not exist in \(statute.citationName)",
               at: location, notes: notes)
    }
}

enum EnglishList {
    /// "a", "a and b", "a, b and c", for English diagnostics.
    static func join(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
