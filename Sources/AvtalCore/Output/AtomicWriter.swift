import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one writer of every command (build, remiss, publish, responses): a folder of files is written
/// into a staging folder beside the target and swapped in whole, under an exclusive lock, so that the
/// target path always holds the complete old tree or the complete new one, and a failed run leaves
/// the old one untouched.
public enum AtomicWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        package init(_ description: String) { self.description = description }
    }

    package enum Mode: Sendable {
        /// Generated output: replaced only when `OutputFolderGuard` allows it, and marked as avtal's.
        case output(corpus: URL?)
        /// A new folder inside the corpus (a published snapshot): it must not exist, and gets no marker,
        /// because every byte of it is locked.
        case newFolder
    }

    /// Writes `files` (relative path → bytes) as the folder `target`: the streaming writer below,
    /// handed every file at once.
    package static func replaceFolder(
        _ target: URL, with files: [String: Data], mode: Mode, companion: (url: URL, data: Data)? = nil
    ) throws(Failure) {
        var isOutput = false
        if case .output = mode { isOutput = true }
        do {
            try replaceFolder(target, mode: mode, companion: companion) { staging in
                // The marker is the writer's: a file of that name in an output folder is replaced by it.
                for path in files.keys.sorted() where !(isOutput && path == OutputFolderGuard.markerName) {
                    try staging.write(path, files[path]!)
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure("cannot write \(target.path): \(error)")
        }
    }

    /// Writes the folder `target` from what `body` hands the staging folder, file by file, so that
    /// no caller has to hold a whole site in memory. The staging folder is swapped in only when
    /// `body` returns; when it throws, the error is rethrown, the staging folder removed and the
    /// target left as it was. `companion`, when given, is a file beside the folder (a remiss zip)
    /// that is staged after the folder and put in place right after it, so a failure to write
    /// either leaves both as they were.
    package static func replaceFolder(
        _ target: URL, mode: Mode, companion: (url: URL, data: Data)? = nil, writing body: (StagingWriter) throws -> Void
    ) throws {
        let target = target.standardizedFileURL
        let lock = try claim(target, mode: mode)
        defer { withExtendedLifetime(lock) {} }
        removeLeftovers(of: target)
        let staging = sibling(of: target, role: "staging")
        do {
            let writer = try StagingWriter(folder: staging)
            if case .output = mode { try writer.write(OutputFolderGuard.markerName, Data(OutputFolderGuard.markerText.utf8)) }
            try body(writer)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        var stagedCompanion: (staged: URL, url: URL)?
        if let companion {
            removeLeftovers(of: companion.url)
            let url = sibling(of: companion.url, role: "staging")
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try companion.data.write(to: url)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                throw Failure("cannot write \(companion.url.path): \(error.localizedDescription)")
            }
            stagedCompanion = (staged: url, url: companion.url)
        }
        var noReplace = false
        if case .newFolder = mode { noReplace = true }
        try swapIn(staging, at: target, companion: stagedCompanion, noReplace: noReplace)
    }

    /// Checks that `target` may be written and takes its lock (for generated output).
    private static func claim(_ target: URL, mode: Mode) throws(Failure) -> FolderLock? {
        // A new folder in the corpus is written under the corpus lock its caller (publish) holds; a
        // lock file of its own would be one more file in the corpus.
        // The guard runs before the lock too, so that a refused target gets no lock file beside it.
        if case let .output(corpus) = mode { try OutputFolderGuard.check(target, corpus: corpus) }
        let lock: FolderLock?
        if case .output = mode { lock = try FolderLock(lockFile(for: target)) } else { lock = nil }
        switch mode {
        case let .output(corpus): try OutputFolderGuard.check(target, corpus: corpus)
        case .newFolder:
            if FileManager.default.fileExists(atPath: target.path) {
                throw Failure("\(target.path) exists already")
            }
        }
        return lock
    }

    /// Writes one file by writing a sibling and renaming it over the target, under the target's lock
    /// (`lock: false` when the caller already holds a lock that covers the file).
    package static func replaceFile(_ target: URL, with data: Data, lock: Bool = true) throws(Failure) {
        let target = target.standardizedFileURL
        let held = lock ? try FolderLock(lockFile(for: target)) : nil
        defer { withExtendedLifetime(held) {} }
        removeLeftovers(of: target)
        let staging = sibling(of: target, role: "staging")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: staging)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw Failure("cannot write \(target.path): \(error.localizedDescription)")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw Failure("cannot write \(target.path): \(reason)")
        }
    }

    /// The lock file of a target: beside it, so that it survives the target's replacement.
    package static func lockFile(for target: URL) -> URL {
        target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock")
    }

    /// A name beside `target` that no other process or call uses: pid alone repeats across threads
    /// and containers, so a random part is added.
    static func sibling(of target: URL, role: String) -> URL {
        let unique = "\(getpid())-\(UUID().uuidString.prefix(8).lowercased())"
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(role)-\(unique)")
    }

    /// Staging and old folders of `target` left by a killed run. Called under the target's lock, so
    /// no live writer can own one of them.
    static func removeLeftovers(of target: URL) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let prefixes = [".\(target.lastPathComponent).staging-", ".\(target.lastPathComponent).old-"]
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
