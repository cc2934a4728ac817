import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension AtomicWriter {
    /// Writes `files` as the folder `target`, which must be new or an empty folder (`avtal init .` in
    /// a folder just made). The files are staged beside it first; a new folder is renamed into place
    /// whole, and into an existing empty one (perhaps the user's current folder, which must stay the
    /// same folder) the staged entries are moved one by one, and taken back out if a move fails.
    package static func createFolder(_ target: URL, with files: [String: Data]) throws(Failure) {
        let fm = FileManager.default
        let target = target.standardizedFileURL
        var isDirectory: ObjCBool = false
        let exists = fm.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw Failure("refusing to write into \(target.path): it is a file, not a folder") }
            let children: [String]
            do { children = try fm.contentsOfDirectory(atPath: target.path) } catch {
                throw Failure("cannot read the folder \(target.path): \(error.localizedDescription)")
            }
            guard children.isEmpty else {
                throw Failure("refusing to write into \(target.path): it is not empty (it holds \(children.sorted()[0])); give a new or empty folder")
            }
        }
        let staging = sibling(of: target, role: "staging")
        defer { try? fm.removeItem(at: staging) }
        let writer = try StagingWriter(folder: staging)
        for path in files.keys.sorted() { try writer.write(path, files[path]!) }
        if !exists {
            guard Rename.move(staging, to: target, noReplace: true) else {
                throw Failure("cannot put \(target.path) in place: \(String(cString: strerror(errno)))")
            }
            return
        }
        var moved: [URL] = []
        for name in ((try? fm.contentsOfDirectory(atPath: staging.path)) ?? []).sorted() {
            let destination = target.appendingPathComponent(name)
            guard Rename.move(staging.appendingPathComponent(name), to: destination, noReplace: true) else {
                let reason = String(cString: strerror(errno))
                for url in moved { try? fm.removeItem(at: url) }
                throw Failure("cannot write \(destination.path): \(reason); \(target.path) was left empty")
            }
            moved.append(destination)
        }
    }
}
