import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Puts a rendered set of files in place as a whole: they are written into a staging folder beside
/// the target, which replaces the target only when every file was written (as swift-docc's convert
/// action does). A failure leaves the previous output exactly as it was.
public enum OutputWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `files` (relative path → bytes) as the folder `target`.
    public static func replace(_ target: URL, with files: [String: Data]) throws(Failure) {
        let fm = FileManager.default
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).staging-\(getpid())")
        let retired = parent.appendingPathComponent(".\(name).old-\(getpid())")
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            try? fm.removeItem(at: staging)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            for path in files.keys.sorted() {
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw Failure(description: "refusing to write outside the output folder: \(path)")
                }
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url)
            }
        } catch let failure as Failure {
            try? fm.removeItem(at: staging)
            throw failure
        } catch {
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot write \(staging.path): \(error.localizedDescription)")
        }
        let hadTarget = fm.fileExists(atPath: target.path)
        if hadTarget, rename(target.path, retired.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot move the old \(target.path) aside: \(reason)")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            if hadTarget { _ = rename(retired.path, target.path) }
            try? fm.removeItem(at: staging)
            throw Failure(description: "cannot put \(target.path) in place: \(reason)")
        }
        if hadTarget { try? fm.removeItem(at: retired) }
    }

    /// Writes one file by writing a sibling and renaming it over the target.
    public static func replaceFile(_ target: URL, with data: Data) throws(Failure) {
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).staging-\(getpid())")
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: staging)
        } catch {
            throw Failure(description: "cannot write \(target.path): \(error.localizedDescription)")
        }
        if rename(staging.path, target.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: staging)
            throw Failure(description: "cannot write \(target.path): \(reason)")
        }
    }
}
