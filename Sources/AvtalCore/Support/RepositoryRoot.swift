import Foundation

/// Where CI output's paths start. GitHub attaches annotations and code-scanning results to a pull
/// request only by paths relative to the repository, so they must not depend on how `--root` was
/// written (absolute, or relative to wherever the job happened to run).
package enum RepositoryRoot {
    /// The nearest folder at or above `folder` that holds `.git`: a folder in a clone, a file in a
    /// worktree or a submodule. Found on disk, without running git; nil when there is none.
    package static func containing(_ folder: URL) -> URL? {
        var current = canonical(folder)
        while true {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// The corpus folder as a path relative to its repository root, or to `currentFolder` when it is in
    /// no repository; "" when the two are the same folder. Goes up with `..` when it must.
    package static func prefix(corpus: URL, currentFolder: URL) -> String {
        let base = containing(corpus) ?? canonical(currentFolder)
        return relativePath(of: canonical(corpus), from: base)
    }

    static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath()
    }

    static func relativePath(of target: URL, from base: URL) -> String {
        let to = target.pathComponents, from = base.pathComponents
        var shared = 0
        while shared < to.count, shared < from.count, to[shared] == from[shared] { shared += 1 }
        let parts = Array(repeating: "..", count: from.count - shared) + to[shared...]
        return parts.joined(separator: "/")
    }
}
