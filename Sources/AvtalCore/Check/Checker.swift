import Foundation

/// Counts for the end of a check run.
public struct CheckSummary: Hashable, Sendable, Codable {
    public var documents: Int
    public var clauses: Int
    public var references: Int
    public var errors: Int
    public var warnings: Int
}

/// What `avtal check` produces: the diagnostics in output order, the counts, and the sources
/// they point into (so that a console can quote the offending line).
public struct CheckResult: Sendable {
    public var diagnostics: [Diagnostic]
    public var summary: CheckSummary
    public var sources: [String: SourceFile]
}

/// The check stage: problems between documents. Works on loaded values only; never reads files.
public enum Checker {
    /// `history` says which IDs were renamed (and resolve through an alias) or retired; `context`
    /// holds the registries the text is checked against.
    public static func check(_ corpus: Corpus, history: IDHistory = IDHistory(), context: CheckContext = CheckContext()) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let listed = Set(corpus.manifest.documents.map(\.id))
        let documentsByID = Dictionary(corpus.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        for document in corpus.documents {
            for reference in document.references {
                if let diagnostic = checkReference(reference, in: document, documents: documentsByID,
                                                   listed: listed, files: corpus.files, history: history,
                                                   context: context) {
                    diagnostics.append(diagnostic)
                }
            }
        }
        for document in corpus.documents {
            diagnostics += linkTextMismatches(in: document, documents: documentsByID, history: history)
        }
        diagnostics += unlistedFiles(corpus)
        if let recognizer = context.citations {
            for document in corpus.documents { diagnostics += citations(in: document, recognizer: recognizer) }
        }
        if let glossary = context.glossary {
            // Whether a term is used can only be said when every listed document could be read.
            let complete = Set(corpus.manifest.documents.map(\.id)).isSubset(of: corpus.documents.map(\.id))
            diagnostics += glossaryChecks(corpus.documents, patientCases: context.patientCases.map(\.document),
                                          glossary: glossary, reportUnused: complete)
        }
        return diagnostics
    }

    private static func checkReference(
        _ reference: Reference, in document: Document, documents: [String: Document],
        listed: Set<String>, files: Set<String>, history: IDHistory, context: CheckContext
    ) -> Diagnostic? {
        switch reference.target {
        case .external:
            return nil
        case let .externalDocument(id):
            guard let registry = context.externalDocuments else {
                // A registry that is there but cannot be read is reported itself (AV205, AV206); saying
                // that the corpus has none would send the reader to the wrong place.
                if context.unreadable.contains(ExternalDocuments.fileName) { return nil }
                return Diagnostic(.unknownExternalDocument, "Reference to external document '\(id)', but the corpus has no \(ExternalDocuments.fileName)",
                                  at: reference.range, stage: .check)
            }
            if registry.document(id) != nil { return nil }
            let near = Suggestions.nearest(to: id, in: registry.documents.map(\.id))
            return Diagnostic(.unknownExternalDocument, "Reference to unknown external document '\(id)'", at: reference.range,
                              stage: .check, notes: [DiagnosticNote(near.first.map { "did you mean '\($0)'?" }
                                  ?? "external documents: \(registry.documents.map(\.id).joined(separator: ", "))")])
        case let .file(path):
            if files.contains(path) { return nil }
            let summary = path.hasPrefix("../") || path.hasPrefix("/")
                ? "Link to '\(reference.destination)' leaves the corpus folder"
                : "Link to '\(reference.destination)': no such file in the corpus"
            return Diagnostic(.missingLocalFile, summary, at: reference.range, stage: .check,
                              notes: [DiagnosticNote("links resolve relative to '\(document.entry.file)'")])
        case let .document(id):
            return unknownDocument(id, reference: reference, documents: documents, listed: listed)
        case let .clause(documentID, id):
            if let problem = unknownDocument(documentID, reference: reference, documents: documents, listed: listed) {
                return problem
            }
            // The document is listed but failed to load: its own diagnostics say why.
            guard let target = documents[documentID] else { return nil }
            if target.hasID(id) { return nil }
            let resolved = history.resolve(document: documentID, id: id)
            if resolved != id, target.hasID(resolved) { return nil }
            if let retirement = history.retired["\(documentID)#\(id)"] {
                return Diagnostic(.retiredReference, "Reference to clause '\(documentID)#\(id)', which \(retirement.by) retired",
                                  at: reference.range, stage: .check,
                                  notes: [DiagnosticNote("retired here", at: retirement.range),
                                          DiagnosticNote("a retired ID is never reused: refer to the clause that replaced it, or remove the reference")])
            }
            let near = Suggestions.nearest(to: id, in: Array(target.clauseIndex.keys) + target.anchorIndex.keys)
            let place = documentID == document.id ? "" : " in '\(documentID)'"
            var notes: [DiagnosticNote] = []
            if !near.isEmpty { notes.append(DiagnosticNote("did you mean \(near.map { "'\($0)'" }.joined(separator: ", "))?")) }
            return Diagnostic(.unknownClause, "Reference to unknown clause '\(id)'\(place)", at: reference.range,
                              stage: .check, notes: notes,
                              fix: near.first.flatMap { replacementFix(reference, in: document, old: id, new: $0) })
        }
    }

    private static func unknownDocument(
        _ id: String, reference: Reference, documents: [String: Document], listed: Set<String>
    ) -> Diagnostic? {
        if listed.contains(id) { return nil }
        let near = Suggestions.nearest(to: id, in: listed)
        var notes = [DiagnosticNote("documents: \(listed.sorted().joined(separator: ", "))")]
        if let first = near.first { notes.insert(DiagnosticNote("did you mean '\(first)'?"), at: 0) }
        return Diagnostic(.unknownDocument, "Reference to unknown document '\(id)'", at: reference.range,
                          stage: .check, notes: notes)
    }

    /// A fix that rewrites the link's destination, when the link is written inline as `[…](destination)`.
    private static func replacementFix(_ reference: Reference, in document: Document, old: String, new: String) -> Fix? {
        let written = document.source.text(in: reference.range)
        let destination = "](\(reference.destination))"
        guard written.hasSuffix(destination), reference.destination.hasSuffix("#" + old) else { return nil }
        let corrected = String(written.dropLast(destination.count)) + "](\(reference.destination.dropLast(old.count))\(new))"
        return Fix("use '\(new)'", range: reference.range, replacement: corrected)
    }

    /// Patient cases: their references and the clauses they illustrate resolve, their theme is one
    /// the manifest lists, and their words follow the same rules as the agreement's.
    public static func checkPatientCases(_ corpus: Corpus, context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let listed = Set(corpus.manifest.documents.map(\.id))
        let documents = Dictionary(corpus.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let history = corpus.manifest.history
        let themes = corpus.manifest.themes.map(\.id)
        let validFrom = corpus.documents.first { $0.entry.kind == .agreement }?.frontMatter?.validFrom
        for patientCase in context.patientCases {
            if !themes.contains(patientCase.theme) {
                let near = Suggestions.nearest(to: patientCase.theme, in: themes)
                diagnostics.append(Diagnostic(.unknownTheme, "Unknown theme '\(patientCase.theme)' for patient case '\(patientCase.id)'",
                                              at: patientCase.themeRange, stage: .check,
                                              notes: [DiagnosticNote(near.first.map { "did you mean '\($0)'?" }
                                                  ?? "themes in \(CorpusLoader.manifestName): \(themes.joined(separator: ", "))")]))
            }
            for (target, range) in patientCase.illustrates {
                let reference = Reference(destination: target.description, target: .clause(document: target.document, id: target.clause ?? ""),
                                          text: "", range: range, clause: nil, isImage: false)
                if let problem = checkReference(reference, in: patientCase.document, documents: documents, listed: listed,
                                                files: corpus.files, history: history, context: context) {
                    diagnostics.append(problem)
                }
            }
            for reference in patientCase.document.references {
                if let problem = checkReference(reference, in: patientCase.document, documents: documents, listed: listed,
                                                files: corpus.files, history: history, context: context) {
                    diagnostics.append(problem)
                }
            }
            if let recognizer = context.citations {
                var checker = CitationChecker(recognizer: recognizer, validFrom: validFrom, source: patientCase.document.source,
                                              documentID: patientCase.id)
                for run in patientCase.document.textRuns { checker.check(run) }
                diagnostics += checker.diagnostics
            }
            if let glossary = context.glossary {
                diagnostics += avoidedWords(in: patientCase.document, glossary: glossary)
            }
        }
        return diagnostics
    }

    static func citations(in document: Document, recognizer: CitationRecognizer) -> [Diagnostic] {
        var checker = CitationChecker(recognizer: recognizer, validFrom: document.frontMatter?.validFrom,
                                      source: document.source, documentID: document.id)
        // The legal basis first: it is where a statute is named in full.
        if let front = document.frontMatter, let listStart = front.ranges["legal-basis"]?.start.line {
            for basis in front.legalBasis {
                for line in listStart...(listStart + front.legalBasis.count + 1) {
                    let text = document.source.line(line)
                    if let found = text.range(of: basis) {
                        let column = text.unicodeScalars.distance(from: text.startIndex, to: found.lowerBound) + 1
                        checker.check(text: basis, at: SourceLocation(line: line, column: column), mustName: true)
                        break
                    }
                }
            }
        }
        for run in document.textRuns { checker.check(run) }
        return checker.diagnostics
    }

    private static func unlistedFiles(_ corpus: Corpus) -> [Diagnostic] {
        let listedFiles = corpus.manifest.mentionedFiles
        return corpus.files.sorted().compactMap { file in
            guard file.lowercased().hasSuffix(".md"), !listedFiles.contains(file),
                  !corpus.manifest.ignore.contains(where: { Glob.matches($0, file) })
            else { return nil }
            return Diagnostic(.unlistedFile, "'\(file)' is not listed in the manifest", at: .file(corpus.pathPrefix + file), stage: .check,
                              notes: [DiagnosticNote("add it to 'documents' in \(CorpusLoader.manifestName), or to 'ignore' if it is not agreement text")])
        }
    }
}
