import Foundation
import Yams

/// The corpus cannot be read at all: no manifest, not a folder. Distinct from problems *in* the
/// corpus, which are diagnostics.
public struct CorpusUnreadable: Error, CustomStringConvertible, Sendable {
    public var description: String
}

public struct LoadResult: Sendable {
    /// `nil` when the manifest is too broken to go on; the diagnostics say why.
    public var corpus: Corpus?
    public var diagnostics: [Diagnostic]
    /// Every file that was read, by corpus-relative path, for quoting lines in diagnostics.
    public var sources: [String: SourceFile]
}

/// The load stage: manifest, front matter and Markdown into a `Corpus`.
public enum CorpusLoader {
    public static let manifestName = "agreement.yml"
    /// Folders of a corpus that hold other things than agreement documents: published snapshots,
    /// patient cases (read on their own).
    public static let reservedFolders = ["versions", "patientfall"]

    /// Loads the corpus in `root`. Returns `nil` for the corpus when the manifest is too broken to
    /// go on; the diagnostics say why.
    /// `pathPrefix` is put before every path in diagnostics (a snapshot is loaded as
    /// "versions/<id>/…" of the corpus it belongs to).
    /// `only`, when given, limits the documents parsed to those IDs; the manifest still lists them all.
    public static func load(root: URL, pathPrefix: String = "", only: Set<String>? = nil) throws(CorpusUnreadable) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusUnreadable(description: "no corpus folder at '\(root.path)'")
        }
        let manifestURL = root.appendingPathComponent(manifestName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw CorpusUnreadable(description: "no \(manifestName) in '\(root.path)': is this the corpus folder? (use --root)")
        }
        let manifestSource: SourceFile
        switch TextFile.read(manifestURL, path: pathPrefix + manifestName, stage: .load) {
        case let .text(source): manifestSource = source
        case let .failed(diagnostic) where diagnostic.code == .notUTF8:
            return LoadResult(corpus: nil, diagnostics: [diagnostic], sources: [:])
        case .failed, .absent:
            throw CorpusUnreadable(description: "cannot read '\(manifestURL.path)'")
        }
        let files = listFiles(root).filter { file in
            !reservedFolders.contains { file.hasPrefix($0 + "/") }
        }
        var diagnostics: [Diagnostic] = []
        guard let manifest = readManifest(manifestSource, files: files, isWorking: pathPrefix.isEmpty, diagnostics: &diagnostics) else {
            return LoadResult(corpus: nil, diagnostics: diagnostics, sources: [manifestSource.path: manifestSource])
        }

        var texts: [(Manifest.Entry, SourceFile)] = []
        var seenIDs = Set<String>()
        for entry in manifest.documents
        where files.contains(entry.file) && !seenIDs.contains(entry.id) && only.map({ $0.contains(entry.id) }) != false {
            seenIDs.insert(entry.id)
            let path = pathPrefix + entry.file
            switch TextFile.read(root.appendingPathComponent(entry.file), path: path, stage: .load) {
            case let .text(source):
                texts.append((entry, source))
            case var .failed(diagnostic):
                diagnostic.notes.append(DiagnosticNote("listed here", at: entry.fileRange))
                diagnostics.append(diagnostic)
            case .absent:
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(entry.file)'", at: entry.fileRange, stage: .load))
            }
        }
        let (documents, documentDiagnostics) = parseDocuments(manifest: manifest, texts: texts, files: files)
        diagnostics += documentDiagnostics
        let corpus = Corpus(manifest: manifest, manifestSource: manifestSource, documents: documents, files: files)
        var sources = [manifestSource.path: manifestSource]
        for (_, source) in texts { sources[source.path] = source }
        return LoadResult(corpus: corpus, diagnostics: diagnostics, sources: sources)
    }

    /// Parses documents whose text is already in memory: the sources, or a version assembled from them.
    static func parseDocuments(
        manifest: Manifest, texts: [(Manifest.Entry, SourceFile)], files: Set<String>
    ) -> ([Document], [Diagnostic]) {
        var documentFiles: [String: String] = [:]
        for (entry, _) in texts where documentFiles[entry.file] == nil { documentFiles[entry.file] = entry.id }
        let links = LinkContext(documentIDs: Set(manifest.documents.map(\.id)), documentFiles: documentFiles, files: files)
        // Documents parse independently, so every core takes some; the order of the results is the
        // manifest's whatever the schedule.
        let parsed = Parallel.map(texts) { entry, source in
            var parser = DocumentParser(entry: entry, source: source, links: links)
            let document = parser.parse()
            return (document, parser.diagnostics)
        }
        return (parsed.map(\.0), parsed.flatMap(\.1))
    }

    /// Every regular file under `root`, as corpus-relative paths; hidden files and folders are skipped.
    static func listFiles(_ root: URL) -> Set<String> {
        var files = Set<String>()
        let rootPath = root.standardizedFileURL.path
        // Paths and one stat(2) each: Foundation's URL resource values cost a fifth of a remiss at
        // 50 times the corpus, and the remiss of one version must not grow with the working text.
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return files }
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            var info = stat()
            guard stat(rootPath + "/" + relative, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            files.insert(relative)
        }
        return files
    }
}
