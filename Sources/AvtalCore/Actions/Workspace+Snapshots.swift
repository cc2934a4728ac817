import Foundation

extension Workspace {
    public static func snapshotFolder(_ root: URL, version: String) -> URL {
        root.appendingPathComponent("versions").appendingPathComponent(version)
    }

    /// A published version is read from its snapshot, never rebuilt: the sources may have moved on.
    mutating func loadSnapshot(_ version: Version) {
        let folder = Self.snapshotFolder(root, version: version.id)
        let prefix = "versions/\(version.id)/"
        let lockURL = folder.appendingPathComponent(VersionLock.fileName)
        guard FileManager.default.fileExists(atPath: lockURL.path) else {
            diagnostics.append(Diagnostic(.missingSnapshot, "Published version '\(version.id)' has no snapshot in \(prefix)",
                                          at: version.idRange, stage: .assemble,
                                          notes: [DiagnosticNote("'avtal publish \(version.id)' writes the snapshot and its lock")]))
            return
        }
        guard let lock = readLock(lockURL, version: version.id, prefix: prefix) else { return }
        locks[version.id] = lock
        let loaded: LoadResult
        do {
            loaded = try CorpusLoader.load(root: folder, pathPrefix: prefix)
        } catch {
            diagnostics.append(Diagnostic(.missingSnapshot, "Snapshot of '\(version.id)' cannot be read: \(error.description)",
                                          at: version.idRange, stage: .assemble))
            return
        }
        sources.merge(loaded.sources) { current, _ in current }
        diagnostics += loaded.diagnostics
        guard let corpus = loaded.corpus else { return }
        var history = IDHistory(aliases: lock.aliases)
        for (key, by) in lock.retired {
            history.retired[key] = Retirement(by: by, range: retirementRange(by: by, key: key) ?? .file(prefix + VersionLock.fileName))
        }
        guard let text = Self.text(of: corpus, id: version.id, history: history) else { return }
        texts[version.id] = text
        corpora[version.id] = corpus
        // A snapshot file that cannot be read is reported (AV205, AV206); comparing without it would
        // only add that its document is missing.
        if loaded.diagnostics.contains(where: { $0.code == .notUTF8 || $0.code == .unreadableFile }) { return }
        let before = diagnostics.count
        if lock.format == 2 {
            verifyBytes(folder: folder, corpus: corpus, against: lock, prefix: prefix)
        } else {
            verify(text, corpus: corpus, against: lock, prefix: prefix)
        }
        // A snapshot that matches its lock is the text that was checked clean when it was published;
        // checking it again on every run cost a third of `avtal check` and could only repeat old news.
        guard diagnostics.count > before else { return }
        diagnostics += Checker.check(corpus, history: history, context: context).filter { $0.code != .unlistedFile }
    }

    /// The lock of a published version, or nil with the diagnostic that says why it cannot be used.
    private mutating func readLock(_ lockURL: URL, version: String, prefix: String) -> VersionLock? {
        let lockPath = prefix + VersionLock.fileName
        let lockSource: SourceFile
        switch TextFile.read(lockURL, path: lockPath, stage: .assemble) {
        case let .text(text): lockSource = text
        case let .failed(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .absent: return nil
        }
        guard let lock = try? JSONDecoder().decode(VersionLock.self, from: Data(lockSource.text.utf8)),
              (lock.format ?? 1) <= VersionLock.currentFormat, lock.format != 2 || lock.files != nil
        else {
            diagnostics.append(Diagnostic(.snapshotChanged, "The lock of published version '\(version)' cannot be read",
                                          at: .file(lockPath), stage: .assemble))
            return nil
        }
        return lock
    }

    /// A draft with a lock.json was being published when the run stopped: the snapshot may be complete
    /// or not, and versions.yml was never updated. Publishing again must not silently build on it.
    mutating func reportInterruptedPublish(_ version: Version) {
        let folder = Self.snapshotFolder(root, version: version.id)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(VersionLock.fileName).path) else { return }
        diagnostics.append(Diagnostic(
            .interruptedPublish, "Draft version '\(version.id)' already has a snapshot in versions/\(version.id)/: an earlier publish was interrupted",
            at: version.idRange, stage: .assemble,
            notes: [DiagnosticNote("run 'avtal publish \(version.id)' again: it completes the publish if the snapshot is whole, and otherwise removes it and publishes anew")]))
    }

    /// Where a retirement was decided: the patch change that deleted the clause, when that patch is here.
    private func retirementRange(by patchID: String, key: String) -> SourceRange? {
        guard let patch = patches[patchID], let target = Target(key) else { return nil }
        return patch.changes.first {
            if case .delete = $0.operation { return $0.target.document == target.document } else { return false }
        }?.range ?? patch.idRange
    }

    private mutating func reportChange(_ summary: String, at range: SourceRange) {
        diagnostics.append(Diagnostic(.snapshotChanged, summary, at: range, stage: .assemble,
                                      notes: [DiagnosticNote("a published text is frozen: change it with a patch in a new version")]))
    }

    /// Format 2: every file's bytes against its hash. Only when a file differs are its front matter and
    /// clauses compared, to name what changed.
    private mutating func verifyBytes(folder: URL, corpus: Corpus, against lock: VersionLock, prefix: String) {
        let name = lock.version
        for (file, hash) in (lock.files ?? [:]).sorted(by: { $0.key < $1.key }) {
            let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path)
            if let data, TextDigest.sha256(data) == hash { continue }
            guard data != nil else {
                reportChange("Published version \(name) changed: \(file) is missing", at: .file(prefix + file))
                continue
            }
            let before = diagnostics.count
            if let locked = lock.documents.first(where: { $0.file == file }), let parsed = corpus.document(locked.id) {
                compareLines(parsed, with: locked, version: name, prefix: prefix)
            }
            if diagnostics.count == before {
                reportChange("Published version \(name) changed: \(file)", at: .file(prefix + file))
            }
        }
    }

    private mutating func compareLines(_ parsed: Document, with locked: VersionLock.LockedDocument, version name: String, prefix: String) {
        let digests = VersionLock.lineDigests(parsed)
        if digests.frontMatter != locked.frontMatterSHA256 {
            reportChange("Published version \(name) changed: the front matter of \(locked.id)", at: .file(prefix + locked.file))
        }
        let actual = Dictionary(digests.clauses.map { ($0.id, $0.sha256) }) { first, _ in first }
        for clause in locked.clauses {
            let range = parsed.clauseIndex[clause.id].map { parsed.clauses[$0].headingRange } ?? .file(prefix + locked.file)
            guard let hash = actual[clause.id] else {
                reportChange("Published version \(name) changed: \(locked.id)#\(clause.id) is missing", at: range)
                continue
            }
            if hash != clause.sha256 { reportChange("Published version \(name) changed: \(locked.id)#\(clause.id)", at: range) }
        }
        let lockedIDs = Set(locked.clauses.map(\.id))
        for clause in parsed.clauses where !lockedIDs.contains(clause.id) {
            reportChange("Published version \(name) changed: \(locked.id)#\(clause.id) was added", at: clause.headingRange)
        }
    }

    /// Format 1: clause text as the assembler holds it, against the lock's hashes.
    private mutating func verify(_ text: VersionText, corpus: Corpus, against lock: VersionLock, prefix: String) {
        let name = lock.version
        for locked in lock.documents {
            guard let document = text.document(locked.id), let parsed = corpus.document(locked.id) else {
                reportChange("Published version \(name) changed: document '\(locked.id)' is missing", at: .file(prefix + "agreement.yml"))
                continue
            }
            if VersionLock.frontMatterDigest(document) != locked.frontMatterSHA256 {
                reportChange("Published version \(name) changed: the front matter of \(locked.id)", at: .file(prefix + locked.file))
            }
            var actual: [String: String] = [:]
            document.walk { clause, _ in actual[clause.id] = TextDigest.sha256(TextDigest.normalize(clause.lockedText)) }
            for clause in locked.clauses {
                let range = parsed.clauseIndex[clause.id].map { parsed.clauses[$0].headingRange } ?? .file(prefix + locked.file)
                guard let hash = actual[clause.id] else {
                    reportChange("Published version \(name) changed: \(locked.id)#\(clause.id) is missing", at: range)
                    continue
                }
                if hash != clause.sha256 { reportChange("Published version \(name) changed: \(locked.id)#\(clause.id)", at: range) }
            }
            let lockedIDs = Set(locked.clauses.map(\.id))
            for clause in parsed.clauses where !lockedIDs.contains(clause.id) {
                reportChange("Published version \(name) changed: \(locked.id)#\(clause.id) was added", at: clause.headingRange)
            }
        }
        for document in text.documents where !lock.documents.contains(where: { $0.id == document.entry.id }) {
            reportChange("Published version \(name) changed: document '\(document.entry.id)' was added", at: .file(prefix + document.entry.file))
        }
    }
}
