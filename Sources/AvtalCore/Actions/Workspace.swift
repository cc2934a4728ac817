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
    /// Patch files whose problems are already reported; a version listing them is not told again.
    var unreadablePatches: Set<String> = []

    public static let patchesFolder = "patches"

    public static func load(root: URL) throws(CorpusUnreadable) -> Workspace {
        let loaded = try CorpusLoader.load(root: root)
        var workspace = Workspace(root: root, working: loaded.corpus, workingText: nil, versions: [], patches: [:],
                                  texts: [:], corpora: [:], locks: [:], diagnostics: loaded.diagnostics,
                                  sources: loaded.sources)
        guard let corpus = loaded.corpus else { return workspace }
        workspace.loadContext()
        workspace.diagnostics += Checker.check(corpus, history: corpus.manifest.history, context: workspace.context)
        workspace.diagnostics += Checker.checkPatientCases(corpus, context: workspace.context)
        workspace.workingText = Self.text(of: corpus, id: VersionsFile.working, history: corpus.manifest.history)
        if let text = workspace.workingText { workspace.texts[VersionsFile.working] = text }
        workspace.corpora[VersionsFile.working] = corpus
        workspace.loadVersions()
        workspace.loadRemiss()
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
        let versionsURL = root.appendingPathComponent(VersionsFile.name)
        guard let data = FileManager.default.contents(atPath: versionsURL.path) else {
            loadPatches(used: [])
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(Diagnostic(.unreadableFile, "'\(VersionsFile.name)' is not UTF-8 text",
                                          at: .file(VersionsFile.name), stage: .assemble))
            return
        }
        let source = SourceFile(path: VersionsFile.name, text: text)
        sources[source.path] = source
        versions = VersionsFile.read(source, diagnostics: &diagnostics)
        loadPatches(used: Set(versions.flatMap(\.patches)))

        for (index, version) in versions.enumerated() {
            switch version.status {
            case .published: loadSnapshot(version)
            case .draft:
                reportInterruptedPublish(version)
                assemble(version, earlier: versions[..<index])
            }
        }
        recordRemainingAssemblies()
        checkContinuity()
    }

    private mutating func loadPatches(used: Set<String>) {
        let folder = root.appendingPathComponent(Self.patchesFolder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            let path = "\(Self.patchesFolder)/\(name)"
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path),
                  let text = String(data: data, encoding: .utf8)
            else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(path)' as UTF-8 text", at: .file(path), stage: .assemble))
                continue
            }
            let source = SourceFile(path: path, text: text)
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
        let (documents, parseDiagnostics) = CorpusLoader.parseDocuments(
            manifest: text.manifest, texts: sourcesOfVersion, files: workingCorpus.files)
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

    // MARK: Registries

    private mutating func loadContext() {
        if let source = readText(StatuteRegistry.fileName) {
            sources[source.path] = source
            context.statutes = StatuteRegistry.read(source, diagnostics: &diagnostics)
        }
        if let source = readText(Glossary.fileName) {
            sources[source.path] = source
            context.glossary = Glossary.read(source, diagnostics: &diagnostics)
        }
        if let source = readText(ExternalDocuments.fileName) {
            sources[source.path] = source
            context.externalDocuments = ExternalDocuments.read(source, diagnostics: &diagnostics)
        }
        guard let corpus = working,
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(PatientCase.folder).path)
        else { return }
        let links = LinkContext(corpus)
        for name in names.sorted() where name.hasSuffix(".md") && !name.hasPrefix(".") {
            let path = "\(PatientCase.folder)/\(name)"
            guard let source = readText(path) else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(path)' as UTF-8 text", at: .file(path), stage: .load))
                continue
            }
            sources[path] = source
            if let patientCase = PatientCaseReader.read(source, links: links, diagnostics: &diagnostics) {
                context.patientCases.append(patientCase)
            }
        }
    }

    // MARK: Remiss settings

    private func readText(_ path: String) -> SourceFile? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return nil }
        return String(data: data, encoding: .utf8).map { SourceFile(path: path, text: $0) }
    }

    private mutating func loadRemiss() {
        if let source = readText(Consultees.fileName) {
            sources[source.path] = source
            consultees = RemissReader.readConsultees(source, diagnostics: &diagnostics)
        }
        let folder = root.appendingPathComponent(RemissSettings.folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names.sorted() where name.hasSuffix(".yml") && !name.hasPrefix(".") {
            let path = "\(RemissSettings.folder)/\(name)"
            guard let source = readText(path) else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(path)' as UTF-8 text", at: .file(path), stage: .load))
                continue
            }
            sources[path] = source
            let versionID = String(name.dropLast(4))
            guard let version = versions.first(where: { $0.id == versionID }), version.status == .published else {
                let summary = versions.contains { $0.id == versionID }
                    ? "Remiss settings for version '\(versionID)', which is not published"
                    : "Remiss settings for unknown version '\(versionID)'"
                diagnostics.append(Diagnostic(.remissForUnknownVersion, summary, at: .file(path), stage: .load,
                                              notes: [DiagnosticNote("a remiss sends out a published version: the file is named remiss/<version>.yml")]))
                continue
            }
            if consultees == nil {
                diagnostics.append(Diagnostic(.missingKey, "The remiss needs \(Consultees.fileName), which lists the consultees",
                                              at: .file(path), stage: .load))
            }
            if let settings = RemissReader.readSettings(source, version: versionID, consultees: consultees, diagnostics: &diagnostics) {
                remiss[versionID] = settings
            }
        }
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
            for (name, text, versionRange) in later {
                let idsByDocument = Dictionary(text.documents.map { ($0.entry.id, $0.allIDs) }) { first, _ in first }
                for key in lock.publishedIDs {
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
