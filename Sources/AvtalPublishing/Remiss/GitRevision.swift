import Foundation

/// The git commit the sources are at, and whether the corpus folder had uncommitted changes, for the
/// remiss manifest: a consultee can then tell exactly which text they were sent.
public struct GitRevision: Sendable, Hashable {
    public var id: String
    public var clean: Bool

    public init(id: String, clean: Bool) {
        self.id = id
        self.clean = clean
    }

    /// Nil outside a repository or without git: the package is still made, without a source commit.
    public static func of(_ folder: URL) -> GitRevision? {
        guard let id = git(["rev-parse", "HEAD"], in: folder)?.trimmingCharacters(in: .whitespacesAndNewlines),
              id.count == 40 else { return nil }
        let status = git(["status", "--porcelain", "--", "."], in: folder) ?? ""
        return GitRevision(id: id, clean: status.isEmpty)
    }

    private static func git(_ arguments: [String], in folder: URL) -> String? {
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
