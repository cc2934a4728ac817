import Foundation
#if canImport(Glibc)
import Glibc
#endif

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
    }

    /// `date` is used when the version has no `published-on`; it never comes from the clock.
    public static func run(root: URL, version id: String, date: CalendarDate?) throws -> Published {
        let workspace: Workspace
        do { workspace = try Workspace.load(root: root) } catch { throw Failure.usage(error.description) }
        guard let version = workspace.versions.first(where: { $0.id == id }) else {
            let known = workspace.versions.map(\.id)
            throw Failure.usage("no version '\(id)' in \(VersionsFile.name) (versions: \((known.isEmpty ? ["none"] : known).joined(separator: ", ")))")
        }
        guard version.status == .draft else {
            throw Failure.usage("version '\(id)' is already published; a published text is changed by a new version")
        }
        let errors = workspace.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw Failure.problems(Diagnostic.sortedForOutput(errors), sources: workspace.sources)
        }
        guard let text = workspace.texts[id] else { throw Failure.usage("version '\(id)' could not be assembled") }
        guard let publishedOn = version.publishedOn ?? date else {
            throw Failure.usage("version '\(id)' has no 'published-on' in \(VersionsFile.name); give one there or with --date YYYY-MM-DD")
        }

        let lock = VersionLock(version: version, publishedOn: publishedOn, text: text)
        let versionsURL = root.appendingPathComponent(VersionsFile.name)
        let updatedVersions = try markPublished(workspace.sources[VersionsFile.name], version: version, on: publishedOn)

        // Write everything beside its destination, then move it into place: a failure leaves no snapshot
        // and an unchanged versions.yml.
        let fm = FileManager.default
        let snapshots = root.appendingPathComponent("versions")
        let target = Workspace.snapshotFolder(root, version: id)
        guard !fm.fileExists(atPath: target.path) else {
            throw Failure.usage("\(target.path) exists already; remove it if it is left over from an earlier attempt")
        }
        let staging = snapshots.appendingPathComponent(".\(id).staging")
        let versionsStaging = root.appendingPathComponent(".\(VersionsFile.name).staging")
        do {
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            try snapshotManifest(text.manifest, version: version).write(
                to: staging.appendingPathComponent(CorpusLoader.manifestName), atomically: false, encoding: .utf8)
            for document in text.documents {
                let url = staging.appendingPathComponent(document.entry.file)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try document.markdown().text.write(to: url, atomically: false, encoding: .utf8)
            }
            try lock.encoded().write(to: staging.appendingPathComponent(VersionLock.fileName))
            try updatedVersions.write(to: versionsStaging, atomically: false, encoding: .utf8)
            try fm.moveItem(at: staging, to: target)
        } catch {
            try? fm.removeItem(at: staging)
            try? fm.removeItem(at: versionsStaging)
            throw Failure.io("cannot write the snapshot: \(error.localizedDescription)")
        }
        // rename(2) replaces the file in one step; Foundation's replaceItemAt can leave no file at all on Linux.
        if rename(versionsStaging.path, versionsURL.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: target)
            try? fm.removeItem(at: versionsStaging)
            throw Failure.io("cannot update \(VersionsFile.name): \(reason)")
        }
        return Published(version: id, folder: target, lock: lock)
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
        }
        return lines.joined(separator: "\n") + "\n"
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
