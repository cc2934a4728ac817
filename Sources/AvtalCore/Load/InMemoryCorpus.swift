/// A corpus whose files are held in memory: the load, check and assemble stages without a folder.
/// The fuzz harnesses (`Sources/avtal-fuzz`) feed it thousands of inputs a second, which the disk
/// would not keep up with; it runs the same readers, parser, checker and assembler as a folder does.
package struct InMemoryCorpus: Sendable {
    package private(set) var corpus: Corpus?
    package private(set) var context = CheckContext()
    /// Everything loading reported: the manifest, the registries and the documents.
    package private(set) var diagnostics: [Diagnostic] = []
    package private(set) var sources: [String: SourceFile] = [:]

    /// `files` maps corpus-relative paths to their text: the manifest (`agreement.yml`), the documents
    /// it lists, the registries, and any other file that links may point to. A `context` given is used
    /// instead of the registries in `files`: a harness reads them once, not once per input.
    package init(files: [String: String], context: CheckContext? = nil) {
        let paths = Set(files.keys)
        let manifestSource = SourceFile(path: CorpusLoader.manifestName, text: files[CorpusLoader.manifestName] ?? "")
        sources[manifestSource.path] = manifestSource
        guard let manifest = CorpusLoader.readManifest(manifestSource, files: paths, diagnostics: &diagnostics) else { return }
        if let context { self.context = context } else { readRegistries(files) }
        var texts: [(Manifest.Entry, SourceFile)] = []
        var seenIDs = Set<String>()
        for entry in manifest.documents where !seenIDs.contains(entry.id) {
            guard let text = files[entry.file] else { continue }
            seenIDs.insert(entry.id)
            texts.append((entry, source(entry.file, text)))
        }
        let (documents, documentDiagnostics) = CorpusLoader.parseDocuments(manifest: manifest, texts: texts, files: paths)
        diagnostics += documentDiagnostics
        corpus = Corpus(manifest: manifest, manifestSource: manifestSource, documents: documents, files: paths)
    }

    private mutating func readRegistries(_ files: [String: String]) {
        if let text = files[StatuteRegistry.fileName] {
            context.statutes = StatuteRegistry.read(source(StatuteRegistry.fileName, text), diagnostics: &diagnostics)
        }
        if let text = files[Glossary.fileName] {
            context.glossary = Glossary.read(source(Glossary.fileName, text), diagnostics: &diagnostics)
        }
        if let text = files[ExternalDocuments.fileName] {
            context.externalDocuments = ExternalDocuments.read(source(ExternalDocuments.fileName, text), diagnostics: &diagnostics)
        }
    }

    private mutating func source(_ path: String, _ text: String) -> SourceFile {
        let source = SourceFile(path: path, text: text)
        sources[path] = source
        return source
    }

    /// The check stage over the working text, as `avtal check` runs it.
    package func check() -> [Diagnostic] {
        guard let corpus else { return [] }
        return Checker.check(corpus, history: corpus.manifest.history, context: context)
    }

    /// Reads `patchText` as `patches/<name>.yml`, applies it to the working text as version `version`,
    /// and, when it applies cleanly, parses and checks the assembled Markdown as a draft is checked.
    package mutating func assemble(patch patchText: String, name: String, version: String) -> [Diagnostic] {
        let patchSource = source("\(Workspace.patchesFolder)/\(name).yml", patchText)
        var found: [Diagnostic] = []
        guard let corpus, let patch = PatchReader.read(patchSource, diagnostics: &found),
              let base = Workspace.text(of: corpus, id: version, history: corpus.manifest.history)
        else { return found }
        var assembler = Assembler(base: base)
        assembler.apply(patch)
        found += assembler.diagnostics
        guard assembler.diagnostics.isEmpty else { return found }
        var texts: [(Manifest.Entry, SourceFile)] = []
        for document in assembler.text.documents {
            texts.append((document.entry, source("versions/\(version)/\(document.entry.file)", document.markdown().text)))
        }
        let (documents, parseDiagnostics) = CorpusLoader.parseDocuments(manifest: assembler.text.manifest, texts: texts,
                                                                        files: corpus.files)
        let assembled = Corpus(manifest: assembler.text.manifest, manifestSource: corpus.manifestSource,
                               documents: documents, files: corpus.files)
        return found + parseDiagnostics + Checker.check(assembled, history: assembler.text.history, context: context)
    }
}
