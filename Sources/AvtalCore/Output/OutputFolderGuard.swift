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

    /// Throws unless `target` may be written as a single output file (a redline): it must have one of
    /// `extensions`, and lie outside the corpus. Naming an existing file there replaces it, as `-o`
    /// does in any tool; the extension keeps a slip such as `--output Agreement.md` or `--output
    /// README.md` from replacing a source.
    package static func checkFile(_ target: URL, corpus: URL?, extensions: Set<String>) throws(AtomicWriter.Failure) {
        func refuse(_ reason: String) -> AtomicWriter.Failure {
            AtomicWriter.Failure("refusing to write output to \(target.path): \(reason)")
        }
        let path = canonical(target)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw refuse("it is a folder; give a file name")
        }
        guard extensions.contains(target.pathExtension.lowercased()) else {
            throw refuse("the file name must end in \(extensions.sorted().map { "." + $0 }.joined(separator: " or "))")
        }
        if let corpus {
            let root = canonical(corpus)
            if path.hasPrefix(root + "/") { throw refuse("it is inside the corpus folder \(corpus.path)") }
        }
    }

    /// The absolute path with symlinks resolved, so that `./x/..` and a link to the repository are caught.
    static func canonical(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}
