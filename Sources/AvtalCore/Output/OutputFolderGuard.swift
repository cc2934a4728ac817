import Foundation

/// Decides whether avtal may replace a folder. It replaces only what it made: an absent or empty
/// folder, or one that carries avtal's marker file. Anything that holds sources is refused outright,
/// marker or not, because `--output .` or `--output Agreement` once deleted a repository.
package enum OutputFolderGuard {
    /// Written into every output folder avtal creates; its presence is the permission to replace it.
    package static let markerName = ".avtal-output"
    package static let markerText = "This folder was written by avtal and is replaced on every run.\n"

    /// Children that mark a folder as sources, a repository or a Swift package, never output.
    static let protectedChildren = [".git", CorpusLoader.manifestName, "Templates", "Package.swift"]

    /// Throws unless `target` may be replaced by avtal's output. `corpus` is the corpus root, when known.
    package static func check(_ target: URL, corpus: URL? = nil) throws(AtomicWriter.Failure) {
        let fm = FileManager.default
        let path = canonical(target)
        let cwd = canonical(URL(fileURLWithPath: fm.currentDirectoryPath))
        func refuse(_ reason: String) -> AtomicWriter.Failure {
            AtomicWriter.Failure("refusing to write output to \(target.path): \(reason); give --output a new or empty folder, or one avtal wrote before")
        }
        if path == "/" || cwd == path || cwd.hasPrefix(path + "/") {
            throw refuse("it is the current folder or holds it")
        }
        if let corpus {
            let root = canonical(corpus)
            if root == path || root.hasPrefix(path + "/") { throw refuse("it is the corpus folder or holds it") }
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw refuse("it is a file, not a folder") }
        let children = (try? fm.contentsOfDirectory(atPath: path)) ?? []
        if let found = protectedChildren.first(where: children.contains) {
            throw refuse("it contains \(found), so it holds sources, templates or a repository")
        }
        if children.isEmpty || children.contains(markerName) { return }
        throw refuse("it is not empty and has no \(markerName) marker, so avtal did not create it")
    }

    /// The absolute path with symlinks resolved, so that `./x/..` and a link to the repository are caught.
    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
