import Foundation

/// `avtal publish <version>`: freezes a draft version as a snapshot with a lock, and marks it published.
public enum PublishAction {
    public enum Failure: Error, CustomStringConvertible {
        /// The arguments name nothing that can be published (exit 2).
        case usage(String)
        /// The corpus has problems; nothing was written (exit 1).
        case problems([Diagnostic], sources: [String: SourceFile])
        /// Writing failed; nothing was left half-written (exit 2).
        case io(String)

        public var description: String {
            switch self {
            case let .usage(message), let .io(message): message
            case let .problems(diagnostics, _): "\(diagnostics.count) problems"
            }
        }
    }

    public struct Published: Sendable {
        public var version: String
        public var folder: URL
        public var lock: VersionLock
        /// Set when this run found the snapshot of an interrupted publish of the same version.
        public var recovery: Recovery?
    }

    /// What became of an interrupted publish's snapshot (AV615).
    public enum Recovery: Sendable {
        /// It held exactly the bytes this run would write, so only versions.yml was left to update.
        case completed
        /// It differed (incomplete, or the patches changed since), so it was removed and written anew.
        case rolledBack
    }

    /// The lock file that serialises publishing into one corpus: it guards the read-modify-write of
    /// versions.yml, so concurrent runs of v2 and v3 both end up published.
    public static let lockName = ".avtal-publish.lock"

    /// `date` is used when the version has no `published-on`; it never comes from the clock.
    public static func run(root: URL, version id: String, date: CalendarDate?) throws -> Published {
        let corpusLock: FolderLock
        do { corpusLock = try FolderLock(root.appendingPathComponent(lockName)) } catch { throw Failure.io(error.description) }
        defer { withExtendedLifetime(corpusLock) {} }
        let workspace: Workspace
        do { workspace = try Workspace.load(root: root) } catch { throw Failure.usage(error.description) }
        guard let version = workspace.versions.first(where: { $0.id == id }) else {
            let known = workspace.versions.map(\.id)
            throw Failure.usage("no version '\(id)' in \(VersionsFile.name) (versions: \((known.isEmpty ? ["none"] : known).joined(separator: ", ")))")
        }
        guard version.status == .draft else {
            throw Failure.usage("version '\(id)' is already published; a published text is changed by a new version")
        }
        // An interrupted publish of this very version is what this run resolves, so it does not block it.
        let isInterruption = { (d: Diagnostic) in d.code == .interruptedPublish && d.range == version.idRange }
        let interrupted = workspace.diagnostics.contains(where: isInterruption)
        let errors = workspace.diagnostics.filter { $0.severity == .error && !isInterruption($0) }
        guard errors.isEmpty else {
            throw Failure.problems(Diagnostic.sortedForOutput(errors), sources: workspace.sources)
        }
        guard let text = workspace.texts[id] else { throw Failure.usage("version '\(id)' could not be assembled") }
        guard let publishedOn = version.publishedOn ?? date else {
            throw Failure.usage("version '\(id)' has no 'published-on' in \(VersionsFile.name); give one there or with --date YYYY-MM-DD")
        }
        let target = Workspace.snapshotFolder(root, version: id)
        let updatedVersions = try markPublished(workspace.sources[VersionsFile.name], version: version, on: publishedOn)
        let (files, lock) = snapshot(text, version: version, publishedOn: publishedOn, knownFiles: workspace.working?.files ?? [])
        var recovery: Recovery?
        if FileManager.default.fileExists(atPath: target.path) {
            guard interrupted else {
                throw Failure.usage("\(target.path) exists already but holds no \(VersionLock.fileName), so avtal did not write it; move it away and publish again")
            }
            recovery = try recover(target, expecting: files)
        }
        // The snapshot first, then versions.yml: a run killed between the two leaves a draft with a
        // lock.json, which check reports (AV615); the reverse order would mark a version published
        // that has no snapshot.
        do {
            if recovery != .completed { try AtomicWriter.replaceFolder(target, with: files, mode: .newFolder) }
            try AtomicWriter.replaceFile(root.appendingPathComponent(VersionsFile.name), with: Data(updatedVersions.utf8), lock: false)
        } catch {
            throw Failure.io("cannot publish \(id): \(error.description)")
        }
        return Published(version: id, folder: target, lock: lock, recovery: recovery)
    }

    /// The snapshot's files as bytes, and the lock computed from exactly those bytes.
    static func snapshot(_ text: VersionText, version: Version, publishedOn: CalendarDate,
                         knownFiles: Set<String>) -> (files: [String: Data], lock: VersionLock) {
        let prefix = "versions/\(version.id)/"
        var files = [CorpusLoader.manifestName: Data(snapshotManifest(text.manifest, version: version).utf8)]
        var sources: [(Manifest.Entry, SourceFile)] = []
        for document in text.documents {
            let bytes = Data(document.markdown().text.utf8)
            files[document.entry.file] = bytes
            // Parsed from the bytes as `check` will read them back, so the lock's line hashes agree.
            sources.append((document.entry, SourceFile(path: prefix + document.entry.file, text: String(decoding: bytes, as: UTF8.self))))
        }
        let (parsed, _) = CorpusLoader.parseDocuments(manifest: text.manifest, texts: sources, files: knownFiles)
        let lock = VersionLock(version: version, publishedOn: publishedOn, text: text, written: files, parsed: parsed)
        files[VersionLock.fileName] = lock.encoded()
        return (files, lock)
    }

    static func snapshotManifest(_ manifest: Manifest, version: Version) -> String {
        var lines = [
            "# Snapshot of version \(version.id), written by 'avtal publish'. Do not edit: \(VersionLock.fileName) guards it.",
            "title: \(YAMLText.scalar(manifest.title))",
            "parties:",
        ]
        lines += manifest.parties.map { "  - \(YAMLText.scalar($0))" }
        lines.append("documents:")
        for entry in manifest.documents {
            lines += ["  - id: \(entry.id)", "    file: \(YAMLText.scalar(entry.file))", "    kind: \(entry.kind.rawValue)"]
            // How the text is named and numbered is part of what was published.
            if let label = entry.label { lines.append("    label: \(YAMLText.scalar(label))") }
            if entry.numbering != .decimal { lines.append("    numbering: \(entry.numbering.rawValue)") }
            if entry.lang != .sv { lines.append("    lang: \(entry.lang.rawValue)") }
        }
        lines += snapshotKinds(manifest.kinds.filter { kind in manifest.documents.contains { $0.kind == kind } })
        return lines.joined(separator: "\n") + "\n"
    }

    /// The declared kinds the snapshot's documents are of.
    private static func snapshotKinds(_ kinds: [DocumentKind]) -> [String] {
        guard !kinds.isEmpty else { return [] }
        var lines = ["kinds:"]
        for kind in kinds {
            guard let wording = kind.wording else { continue }
            lines += ["  - id: \(kind.rawValue)", "    label: \(YAMLText.scalar(wording.label))",
                      "    definite: \(YAMLText.scalar(wording.definite))", "    plural: \(YAMLText.scalar(wording.plural))",
                      "    definite-plural: \(YAMLText.scalar(wording.definitePlural))"]
            if wording.neuter { lines.append("    neuter: true") }
            if let english = wording.labelEnglish { lines.append("    label-en: \(YAMLText.scalar(english))") }
        }
        return lines
    }

    /// versions.yml with the version's `status` set to published and its `published-on` filled in,
    /// edited in place so that comments and layout stay as the working group wrote them.
    static func markPublished(_ source: SourceFile?, version: Version, on date: CalendarDate) throws -> String {
        guard let source else { throw Failure.io("cannot read \(VersionsFile.name)") }
        var lines = (1...source.lineCount).map { source.line($0) }
        let idLine = version.idRange.start.line - 1
        func indent(_ line: String) -> Int { line.prefix { $0 == " " }.count }
        // The entry starts at the list item above (or on) the id line and ends before the next item.
        var start = idLine
        while start > 0, !lines[start].trimmingCharacters(in: .whitespaces).hasPrefix("- ") { start -= 1 }
        let itemIndent = indent(lines[start])
        var end = start + 1
        while end < lines.count {
            let line = lines[end]
            let blank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if !blank, indent(line) <= itemIndent { break }
            end += 1
        }
        let keyIndent = String(repeating: " ", count: itemIndent + 2)
        func keyLine(_ key: String) -> Int? {
            (start..<end).first { i in
                let trimmed = lines[i].trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("\(key):") || trimmed.hasPrefix("- \(key):")
            }
        }
        guard let statusLine = keyLine("status") else { throw Failure.io("no 'status' for \(version.id) in \(VersionsFile.name)") }
        let statusPrefix = lines[statusLine].prefix { $0 != "s" }
        lines[statusLine] = statusPrefix + "status: published"
        if keyLine("published-on") == nil {
            lines.insert("\(keyIndent)published-on: \(date)", at: statusLine + 1)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
