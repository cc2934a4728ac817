import Foundation

/// Everything in a corpus folder, loaded and checked: the working text, every version (assembled
/// from its patches, or read from its published snapshot), and the continuity of published IDs.
/// Only the load stage (this type's extensions in AvtalCore) sets its fields; every other stage
/// reads them.
public struct Workspace: Sendable {
    public internal(set) var root: URL
    public internal(set) var working: Corpus?
    public internal(set) var workingText: VersionText?
    public internal(set) var versions: [Version]
    public internal(set) var patches: [String: Patch]
    /// The text of each version that could be built, by version ID.
    public internal(set) var texts: [String: VersionText]
    /// What each version's patches changed, by version ID: for drafts and published versions alike,
    /// whenever the version's base text is here.
    public internal(set) var assemblies: [String: AssemblyRecord] = [:]
    /// Each version's parsed corpus (for numbering and rendering), by version ID.
    public internal(set) var corpora: [String: Corpus]
    public internal(set) var locks: [String: VersionLock]
    public internal(set) var diagnostics: [Diagnostic]
    public internal(set) var sources: [String: SourceFile]
    /// The registries text is checked against (statutes, …), from the corpus root.
    public internal(set) var context = CheckContext()
    /// `remissinstanser.yml`, when the corpus has one.
    public internal(set) var consultees: Consultees?
    /// The settings of each remiss (`remiss/<version>.yml`) that could be read, by version ID.
    public internal(set) var remiss: [String: RemissSettings] = [:]
    /// `agreed.yml`, when the corpus has one: the wording the working group agreed.
    public internal(set) var agreed: AgreedWording?
    /// The working text's clauses whose wording differs from what was agreed (AV650, AV651).
    public internal(set) var deviations: [AgreedDeviation] = []
    /// Patch files whose problems are already reported; a version listing them is not told again.
    var unreadablePatches: Set<String> = []
    /// The published version a scoped load is for (`load(root:scope:)`); nil when the whole corpus is loaded.
    public internal(set) var scope: String?

    public static let patchesFolder = "patches"

    /// Loads and checks the corpus in `root`. With a `scope`, only what a published version's package
    /// needs: that version's snapshot and, of the working text, the documents the version has (its
    /// base). The working text is then not checked, since the package carries the frozen text and its
    /// lock guards it; so the cost does not grow with the rest of the working text. A scope that is
    /// not a published version with a readable snapshot loads the whole corpus.
    public static func load(root: URL, scope: String? = nil) throws(CorpusUnreadable) -> Workspace {
        let only = scope.flatMap { snapshotDocuments(root: root, version: $0) }
        let loaded = try CorpusLoader.load(root: root, only: only)
        var workspace = Workspace(root: root, working: loaded.corpus, workingText: nil, versions: [], patches: [:],
                                  texts: [:], corpora: [:], locks: [:], diagnostics: loaded.diagnostics,
                                  sources: loaded.sources)
        workspace.scope = only == nil ? nil : scope
        guard let corpus = loaded.corpus else { return workspace }
        workspace.loadContext()
        if workspace.scope == nil {
            workspace.diagnostics += Checker.check(corpus, history: corpus.manifest.history, context: workspace.context)
            workspace.diagnostics += Checker.checkPatientCases(corpus, context: workspace.context)
        }
        workspace.workingText = Self.text(of: corpus, id: VersionsFile.working, history: corpus.manifest.history)
        if let text = workspace.workingText { workspace.texts[VersionsFile.working] = text }
        workspace.corpora[VersionsFile.working] = corpus
        workspace.loadVersions()
        workspace.loadRemiss()
        workspace.loadDispositions()
        if workspace.scope == nil { workspace.loadAgreed() }
        workspace.diagnostics = Self.deduplicated(workspace.diagnostics)
        return workspace
    }

    /// The editable text of a loaded corpus, or nil when a document's front matter is broken
    /// (its own diagnostics say so; there is nothing sound to build a version on).
    static func text(of corpus: Corpus, id: String, history: IDHistory) -> VersionText? {
        var documents: [EditableDocument] = []
        for document in corpus.documents {
            guard let frontMatter = document.frontMatter else { return nil }
            documents.append(EditableDocument(document, frontMatter: frontMatter))
        }
        return VersionText(id: id, manifest: corpus.manifest, documents: documents, history: history)
    }

    public func text(of version: String) -> VersionText? { texts[version] }

    // MARK: Versions

    private mutating func loadVersions() {
        let source: SourceFile
        switch TextFile.read(root.appendingPathComponent(VersionsFile.name), path: VersionsFile.name, stage: .assemble) {
        case .absent:
            loadPatches(used: [])
            return
        case let .failed(diagnostic):
            // Without the list of versions every patch and every remiss would look unused: report the
            // file, nothing more.
            diagnostics.append(diagnostic)
            context.unreadable.insert(VersionsFile.name)
            return
        case let .text(text):
            source = text
        }
        sources[source.path] = source
        versions = VersionsFile.read(source, diagnostics: &diagnostics)
        loadPatches(used: Set(versions.flatMap(\.patches)))

        for (index, version) in versions.enumerated() where scope == nil || version.id == scope {
            switch version.status {
            case .published:
                loadSnapshot(version)
                keepPublishedNumbers(of: version)
            case .draft:
                reportInterruptedPublish(version)
                assemble(version, earlier: versions[..<index])
            }
        }
        recordRemainingAssemblies()
        // Continuity spans every version; a scoped load has only one.
        if scope == nil { checkContinuity() }
    }

    private mutating func loadPatches(used: Set<String>) {
        let folder = root.appendingPathComponent(Self.patchesFolder)
        guard let names = TextFile.names(in: folder, path: Self.patchesFolder, stage: .assemble, diagnostics: &diagnostics) else { return }
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            let path = "\(Self.patchesFolder)/\(name)"
            let source: SourceFile
            switch TextFile.read(folder.appendingPathComponent(name), path: path, stage: .assemble) {
            case let .text(text): source = text
            case let .failed(diagnostic):
                diagnostics.append(diagnostic)
                unreadablePatches.insert(String(name.dropLast(4)))
                continue
            case .absent: continue
            }
            sources[path] = source
            guard let patch = PatchReader.read(source, diagnostics: &diagnostics) else {
                unreadablePatches.insert(String(name.dropLast(4)))
                continue
            }
            patches[patch.id] = patch
            if !used.contains(patch.id) {
                diagnostics.append(Diagnostic(.unusedPatch, "Patch '\(patch.id)' is in no version", at: patch.idRange,
                                              stage: .assemble,
                                              notes: [DiagnosticNote("list it under 'patches' of a version in \(VersionsFile.name), or remove it")]))
            }
        }
    }

    private mutating func baseText(of version: Version, earlier: ArraySlice<Version>) -> VersionText? {
        if version.base == VersionsFile.working { return workingText }
        guard let base = earlier.first(where: { $0.id == version.base }), base.status == .published else {
            let known = versions.filter { $0.status == .published }.map(\.id)
            let listedLater = versions.contains { $0.id == version.base }
            let summary = listedLater
                ? "Base '\(version.base)' of version '\(version.id)' is not a published version listed before it"
                : "Base '\(version.base)' of version '\(version.id)' is not 'working' or a published version"
            diagnostics.append(Diagnostic(.unknownVersion, summary, at: version.baseRange, stage: .assemble,
                                          notes: [DiagnosticNote("published versions: \((known.isEmpty ? ["none"] : known).joined(separator: ", "))")]))
            return nil
        }
        return texts[base.id]
    }

    /// A draft: its base with its patches applied, then checked like the sources.
    private mutating func assemble(_ version: Version, earlier: ArraySlice<Version>) {
        guard let base = baseText(of: version, earlier: earlier) else { return }
        var assembler = Assembler(base: assemblyBase(base, for: version))
        var complete = true
        for (patchID, range) in zip(version.patches, version.patchRanges) {
            guard let patch = patches[patchID] else {
                complete = false
                if unreadablePatches.contains(patchID) { continue }
                let near = Suggestions.nearest(to: patchID, in: patches.keys)
                diagnostics.append(Diagnostic(.unknownPatch, "Version '\(version.id)' lists unknown patch '\(patchID)'",
                                              at: range, stage: .assemble,
                                              notes: near.first.map { [DiagnosticNote("did you mean '\($0)'?")] }
                                                  ?? [DiagnosticNote("patches are read from \(Self.patchesFolder)/<id>.yml")]))
                continue
            }
            assembler.apply(patch)
        }
        diagnostics += assembler.diagnostics
        assemblies[version.id] = assembler.record
        guard complete, assembler.diagnostics.isEmpty else { return }
        texts[version.id] = assembler.text
        checkAssembled(assembler.text, version: version)
    }

    /// Parses the assembled Markdown and checks it; each problem is reported where it can be fixed:
    /// in the sources when it is in text the patches left alone, at the patch change otherwise.
    private mutating func checkAssembled(_ text: VersionText, version: Version) {
        guard let workingCorpus = working else { return }
        let prefix = "versions/\(version.id)/"
        var sourcesOfVersion: [(Manifest.Entry, SourceFile)] = []
        var origins: [String: [Origin]] = [:]
        for document in text.documents {
            let (markdown, lineOrigins) = document.markdown()
            let path = prefix + document.entry.file
            sourcesOfVersion.append((document.entry, SourceFile(path: path, text: markdown)))
            origins[path] = lineOrigins
        }
        var (documents, parseDiagnostics) = CorpusLoader.parseDocuments(
            manifest: text.manifest, texts: sourcesOfVersion, files: workingCorpus.files)
        for index in documents.indices where text.document(documents[index].id)?.keptNumbers != nil {
            documents[index].keptNumbers = text.document(documents[index].id)?.numbersByID
        }
        let corpus = Corpus(manifest: text.manifest, manifestSource: workingCorpus.manifestSource,
                            documents: documents, files: workingCorpus.files)
        corpora[version.id] = corpus
        let found = parseDiagnostics + Checker.check(corpus, history: text.history, context: context).filter { $0.code != .unlistedFile }
        for diagnostic in found {
            diagnostics.append(Self.map(diagnostic, origins: origins, version: version.id))
        }
    }

    static func map(_ diagnostic: Diagnostic, origins: [String: [Origin]], version: String) -> Diagnostic {
        func map(_ range: SourceRange) -> (SourceRange, Origin?) {
            guard let lines = origins[range.file], range.start.line >= 1, range.start.line <= lines.count else {
                return (range, nil)
            }
            let origin = lines[range.start.line - 1]
            switch origin {
            case let .source(file, line):
                let lineCount = range.end.line - range.start.line
                return (SourceRange(file: file, start: .init(line: line, column: range.start.column),
                                    end: .init(line: line + lineCount, column: range.end.column)), origin)
            case let .change(reference):
                return (reference.range, origin)
            case let .generated(file):
                return (.file(file), origin)
            }
        }
        var mapped = diagnostic
        let (range, origin) = map(diagnostic.range)
        mapped.range = range
        mapped.notes = diagnostic.notes.map { note in
            var note = note
            if let at = note.range { note.range = map(at).0 }
            return note
        }
        if case .source = origin {
            // In text the patches left alone. A retired reference there is the retiring patch's doing:
            // report it at the patch, and point at the reference.
            if diagnostic.code == .retiredReference, let retired = mapped.notes.first?.range {
                mapped.notes[0] = DiagnosticNote("the reference is here", at: mapped.range)
                mapped.range = retired
            }
            mapped.notes.insert(DiagnosticNote("in version '\(version)'"), at: 0)
        } else if case let .change(reference)? = origin {
            mapped.notes.insert(DiagnosticNote("in version '\(version)', in text written by \(reference.patch), change \(reference.number)"), at: 0)
        } else {
            mapped.notes.insert(DiagnosticNote("in version '\(version)'"), at: 0)
        }
        mapped.fix = nil
        mapped.stage = .assemble
        return mapped
    }

    /// The same problem found in the sources and again in each version built on them is reported once.
    static func deduplicated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        var out: [Diagnostic] = []
        for d in diagnostics {
            let key = "\(d.code.rawValue)|\(d.range.file)|\(d.range.start.line)|\(d.range.start.column)|\(d.summary)"
            if seen.insert(key).inserted { out.append(d) }
        }
        return out
    }

    // MARK: Continuity of published IDs

    /// Every clause ID that was ever published resolves in every later version and in the working
    /// text: directly, through an alias, or because it was retired explicitly.
    private mutating func checkContinuity() {
        for (index, version) in versions.enumerated() {
            guard let lock = locks[version.id] else { continue }
            var later: [(String, VersionText, SourceRange?)] = []
            if let workingText { later.append((VersionsFile.working, workingText, nil)) }
            for next in versions[(index + 1)...] {
                if let text = texts[next.id] { later.append((next.id, text, next.idRange)) }
            }
            // The lock lists clauses; the anchors of stycken and list items come from the version's text.
            let published = lock.publishedIDs + (texts[version.id]?.documents ?? []).flatMap { document in
                document.anchors.map { "\(document.entry.id)#\($0.position.id)" }
            }
            for (name, text, versionRange) in later {
                let idsByDocument = Dictionary(text.documents.map { ($0.entry.id, $0.allIDs) }) { first, _ in first }
                for key in published {
                    guard let target = Target(key), let clause = target.clause else { continue }
                    let resolved = text.history.resolve(document: target.document, id: clause)
                    if idsByDocument[target.document]?.contains(resolved) == true { continue }
                    if text.history.retired[key] != nil { continue }
                    let at: SourceRange
                    if let versionRange {
                        at = versionRange
                    } else if let entry = working?.manifest.documents.first(where: { $0.id == target.document }) {
                        at = .file(entry.file)
                    } else {
                        at = .file(CorpusLoader.manifestName)
                    }
                    diagnostics.append(Diagnostic(
                        .lostID, "Published clause \(key) (version \(version.id)) no longer exists in \(name)", at: at,
                        stage: .check,
                        notes: [DiagnosticNote("a published ID must stay resolvable: restore the clause, add '\(key): <new-id>' under 'aliases' in \(CorpusLoader.manifestName), or list '\(key)' under 'retired'")]))
                }
            }
        }
    }
}
