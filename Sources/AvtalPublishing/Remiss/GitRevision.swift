import Foundation

/// The git commit the sources are at, and whether the corpus folder had uncommitted changes, for the
/// remiss manifest: a consultee can then tell exactly which text they were sent.
package struct GitRevision: Sendable, Hashable {
    package var id: String
    package var clean: Bool

    package init(id: String, clean: Bool) {
        self.id = id
        self.clean = clean
    }

    /// Nil outside a repository or without git: the package is still made, without a source commit.
    package static func of(_ folder: URL) -> GitRevision? {
        guard let id = git(["rev-parse", "HEAD"], in: folder)?.trimmingCharacters(in: .whitespacesAndNewlines),
              id.count == 40 else { return nil }
        let status = git(["status", "--porcelain", "--", "."], in: folder) ?? ""
        return GitRevision(id: id, clean: status.isEmpty)
    }

    /// git's standard output, or nil when git is missing or fails (outside a repository, say).
    package static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
