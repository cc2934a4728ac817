import Foundation

extension PublishAction {
    /// Resolves the snapshot an interrupted publish left (a draft with a lock.json, AV615). The caller
    /// holds the corpus lock, so no live publish owns the folder.
    ///
    /// A snapshot with exactly the bytes this run would write is the interrupted run's complete work:
    /// keeping it and updating versions.yml finishes that run. Anything else (a file missing, a file cut
    /// short, or patches that changed since) cannot be trusted, and is removed so the version is
    /// published anew. The folder is renamed aside before it is deleted, so a run killed here leaves
    /// either the old snapshot or none, never part of one; the aside folder is a leftover that the
    /// next write removes.
    static func recover(_ folder: URL, expecting files: [String: Data]) throws -> Recovery {
        if (try? contents(of: folder)) == files { return .completed }
        let aside = AtomicWriter.sibling(of: folder, role: "old")
        do {
            try FileManager.default.moveItem(at: folder, to: aside)
        } catch {
            throw Failure.io("cannot remove the interrupted snapshot \(folder.path): \(error.localizedDescription)")
        }
        try? FileManager.default.removeItem(at: aside)
        return .rolledBack
    }

    /// Every regular file under `folder`, by path relative to it.
    static func contents(of folder: URL) throws -> [String: Data] {
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return [:]
        }
        var files: [String: Data] = [:]
        for case let url as URL in walker {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(base) else { continue }
            files[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
