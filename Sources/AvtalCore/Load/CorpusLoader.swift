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
    static let manifestKeys = ["title", "parties", "publisher", "contact", "statute-url", "themes", "documents", "ignore",
                               "aliases", "retired"]
    static let contactKeys = ["name", "email", "phone"]
    /// Folders of a corpus that hold other things than agreement documents: published snapshots,
    /// patient cases (read on their own).
    public static let reservedFolders = ["versions", "patientfall"]
    static let entryKeys = ["id", "file", "kind"]

    /// Loads the corpus in `root`. Returns `nil` for the corpus when the manifest is too broken to
    /// go on; the diagnostics say why.
    /// `pathPrefix` is put before every path in diagnostics (a snapshot is loaded as
    /// "versions/<id>/…" of the corpus it belongs to).
    public static func load(root: URL, pathPrefix: String = "") throws(CorpusUnreadable) -> LoadResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CorpusUnreadable(description: "no corpus folder at '\(root.path)'")
        }
        let manifestURL = root.appendingPathComponent(manifestName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else {
            throw CorpusUnreadable(description: "no \(manifestName) in '\(root.path)': is this the corpus folder? (use --root)")
        }
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw CorpusUnreadable(description: "cannot read '\(manifestURL.path)'")
        }
        guard let manifestText = String(data: data, encoding: .utf8) else {
            throw CorpusUnreadable(description: "'\(manifestURL.path)' is not UTF-8 text")
        }
        let files = listFiles(root).filter { file in
            !reservedFolders.contains { file.hasPrefix($0 + "/") }
        }
        let manifestSource = SourceFile(path: pathPrefix + manifestName, text: manifestText)
        var diagnostics: [Diagnostic] = []
        guard let manifest = readManifest(manifestSource, files: files, diagnostics: &diagnostics) else {
            return LoadResult(corpus: nil, diagnostics: diagnostics, sources: [manifestSource.path: manifestSource])
        }

        var texts: [(Manifest.Entry, SourceFile)] = []
        var seenIDs = Set<String>()
        for entry in manifest.documents where files.contains(entry.file) && !seenIDs.contains(entry.id) {
            seenIDs.insert(entry.id)
            let path = pathPrefix + entry.file
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(entry.file).path) else {
                diagnostics.append(Diagnostic(.unreadableFile, "Cannot read '\(entry.file)'", at: entry.fileRange, stage: .load))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.unreadableFile, "'\(entry.file)' is not UTF-8 text",
                                              at: .file(path), stage: .load,
                                              notes: [DiagnosticNote("save the file as UTF-8", at: entry.fileRange)]))
                continue
            }
            texts.append((entry, SourceFile(path: path, text: text)))
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

    private static func readManifest(_ source: SourceFile, files: Set<String>, diagnostics: inout [Diagnostic]) -> Manifest? {
        var reader = YAMLReader(file: source)
        defer { diagnostics += reader.diagnostics }
        let what = "the manifest"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty { reader.report(.missingKey, "The manifest is empty", at: fallback) }
            return nil
        }
        guard let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: manifestKeys, what: what)

        let title = reader.requireKey("title", in: map, what: what, fallback: fallback)
            .flatMap { reader.string($0, key: "title") }
        let parties = reader.requireKey("parties", in: map, what: what, fallback: fallback)
            .flatMap { reader.stringList($0, key: "parties") }
        let ignore = map.value("ignore").flatMap { reader.stringList($0, key: "ignore") } ?? []
        let publisher = map.value("publisher").flatMap { reader.string($0, key: "publisher") }
        var statuteURL: String?
        if let node = map.value("statute-url"), let url = reader.string(node, key: "statute-url") {
            if url.contains("{sfs}"), url.hasPrefix("https://") || url.hasPrefix("http://") {
                statuteURL = url
            } else {
                reader.report(.invalidValue, "'statute-url' must be an http(s) address with {sfs} where the SFS number goes",
                              at: reader.range(of: node))
            }
        }
        var themes: [Theme] = []
        if let node = map.value("themes"), let items = reader.list(node, key: "themes") {
            for item in items {
                guard let (id, idRange, title) = reader.idEntry(item, textKey: "title", what: "a theme") else { continue }
                if let first = themes.first(where: { $0.id == id }) {
                    reader.report(.invalidValue, "Theme '\(id)' is listed twice", at: idRange,
                                  notes: [DiagnosticNote("first listed here", at: first.range)])
                    continue
                }
                themes.append(Theme(id: id, title: title, range: idRange))
            }
        }
        var contact: Contact?
        if let node = map.value("contact"), let contactMap = reader.mapping(node, what: "'contact'") {
            reader.rejectUnknownKeys(contactMap, allowed: contactKeys, what: "'contact'")
            if let name = reader.requireKey("name", in: contactMap, what: "'contact'", fallback: fallback)
                .flatMap({ reader.string($0, key: "name") }) {
                let email = contactMap.value("email").flatMap { reader.string($0, key: "email") }
                if let email, let emailNode = contactMap.value("email"), !email.contains("@") || email.contains(" ") {
                    reader.report(.invalidValue, "'email' is not an e-mail address: '\(email)'", at: reader.range(of: emailNode))
                }
                contact = Contact(name: name, email: email,
                                  phone: contactMap.value("phone").flatMap { reader.string($0, key: "phone") })
            }
        }
        var aliases: [String: String] = [:]
        if let node = map.value("aliases"), let aliasMap = reader.mapping(node, what: "'aliases'") {
            for (key, keyNode, value) in aliasMap.pairs {
                guard let target = Target(key), target.clause != nil else {
                    reader.report(.invalidValue, "Alias '\(key)' is not 'document-id#clause-id'", at: reader.range(of: keyNode))
                    continue
                }
                guard let newID = reader.string(value, key: key) else { continue }
                guard Suggestions.isValidID(newID) else {
                    reader.report(.malformedID, "Clause ID '\(newID)' is malformed: use lower-case a–z, digits and single dashes",
                                  at: reader.range(of: value))
                    continue
                }
                aliases[key] = newID
            }
        }
        var retired: [String: SourceRange] = [:]
        if let node = map.value("retired") {
            if case let .sequence(items) = node {
                for item in items {
                    guard let key = reader.string(item, key: "retired item") else { continue }
                    guard let target = Target(key), target.clause != nil else {
                        reader.report(.invalidValue, "Retired ID '\(key)' is not 'document-id#clause-id'", at: reader.range(of: item))
                        continue
                    }
                    retired[key] = reader.range(of: item)
                }
            } else {
                reader.report(.wrongType, "Expected 'retired' to be a list, found \(YAMLReader.shape(of: node))", at: reader.range(of: node))
            }
        }
        guard let documentsNode = reader.requireKey("documents", in: map, what: what, fallback: fallback) else { return nil }
        guard case let .sequence(sequence) = documentsNode else {
            reader.report(.wrongType, "Expected 'documents' to be a list, found \(YAMLReader.shape(of: documentsNode))",
                          at: reader.range(of: documentsNode))
            return nil
        }

        var entries: [Manifest.Entry] = []
        var firstByID: [String: Manifest.Entry] = [:]
        var firstByFile: [String: Manifest.Entry] = [:]
        var mentionedFiles = Set<String>()
        for item in sequence {
            let entryWhat = "a document entry"
            guard let entryMap = reader.mapping(item, what: entryWhat) else { continue }
            reader.rejectUnknownKeys(entryMap, allowed: entryKeys, what: entryWhat)
            let entryRange = reader.range(of: item)
            let idNode = reader.requireKey("id", in: entryMap, what: entryWhat, fallback: entryRange)
            let fileNode = reader.requireKey("file", in: entryMap, what: entryWhat, fallback: entryRange)
            let id = idNode.flatMap { reader.string($0, key: "id") }
            let file = fileNode.flatMap { reader.string($0, key: "file") }
            if let file { mentionedFiles.insert(normalize(file)) }
            let kind = reader.requireKey("kind", in: entryMap, what: entryWhat, fallback: entryRange)
                .flatMap { reader.oneOf($0, key: "kind", as: DocumentKind.self) }
            guard let id, let file, let kind, let idNode, let fileNode else { continue }
            let entry = Manifest.Entry(id: id, file: normalize(file), kind: kind,
                                       idRange: reader.range(of: idNode), fileRange: reader.range(of: fileNode))
            if !Suggestions.isValidID(id) {
                let proposal = Suggestions.clauseID(fromHeading: id)
                reader.report(.malformedID, "Document ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                              at: entry.idRange, fix: Fix("use '\(proposal)'", range: entry.idRange, replacement: proposal))
            }
            if let first = firstByID[id] {
                reader.report(.duplicateDocumentID, "Document ID '\(id)' is listed twice", at: entry.idRange,
                              notes: [DiagnosticNote("first listed here", at: first.idRange)])
                continue
            }
            firstByID[id] = entry
            if let first = firstByFile[entry.file] {
                reader.report(.duplicateDocumentFile, "File '\(entry.file)' is listed for both '\(first.id)' and '\(id)'",
                              at: entry.fileRange, notes: [DiagnosticNote("first listed here", at: first.fileRange)])
                continue
            }
            firstByFile[entry.file] = entry
            if !files.contains(entry.file) {
                let candidates = files.filter { $0.hasSuffix(".md") }
                let near = Suggestions.nearest(to: entry.file, in: candidates).first
                reader.report(.documentFileMissing, "Document '\(id)' is listed but '\(entry.file)' does not exist",
                              at: entry.fileRange,
                              fix: near.map { Fix("use '\($0)'", range: entry.fileRange, replacement: $0) })
            }
            entries.append(entry)
        }
        guard let title, let parties else { return nil }
        return Manifest(title: title, parties: parties, documents: entries, mentionedFiles: mentionedFiles, ignore: ignore,
                        themes: themes, statuteURL: statuteURL, publisher: publisher, contact: contact,
                        aliases: aliases, retired: retired)
    }

    private static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }

    /// Every regular file under `root`, as corpus-relative paths; hidden files and folders are skipped.
    static func listFiles(_ root: URL) -> Set<String> {
        var files = Set<String>()
        let rootPath = root.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return files }
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            files.insert(String(path.dropFirst(rootPath.count).drop { $0 == "/" }))
        }
        return files
    }
}
