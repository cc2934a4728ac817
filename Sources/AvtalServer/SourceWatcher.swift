import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changes under a set of folders by polling: a file's modification time (to the
/// nanosecond), size and inode, for every file below them. Polling needs no platform API and sees
/// editors that save by renaming a new file into place as well as those that write in place.
final class SourceWatcher: @unchecked Sendable {
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    let folders: [URL]
    let interval: TimeInterval
    private var last: [String: Stamp]

    init(folders: [URL], interval: TimeInterval) {
        self.folders = folders
        self.interval = interval
        last = Self.scan(folders)
    }

    /// Calls `changed` after each poll that found a file added, removed or modified, forever, on a
    /// thread of its own (a rebuild blocks it, never the server's threads).
    func start(_ changed: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: interval)
                let now = Self.scan(folders)
                if now != last {
                    last = Self.settled(folders, from: now)
                    changed()
                }
            }
        }
        thread.name = "avtal-serve-watcher"
        thread.start()
    }

    /// The files once they stop changing: an editor that truncates a file and then writes it would
    /// otherwise be caught in between, and the page would flash the errors of an empty file. Waits
    /// at most 20 settling periods, so a file written without pause still gets rebuilt.
    static func settled(_ folders: [URL], from first: [String: Stamp]) -> [String: Stamp] {
        var stamps = first
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: settling)
            let again = scan(folders)
            if again == stamps { break }
            stamps = again
        }
        return stamps
    }

    /// How long files must stay unchanged before a rebuild: short against the 100 ms the preview has.
    static let settling: TimeInterval = 0.01

    /// Every file below `folders`, by path. Hidden files (editor swap files, `.git`) are skipped.
    static func scan(_ folders: [URL]) -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            let base = folder.path
            guard let names = FileManager.default.enumerator(atPath: base) else { continue }
            while let name = names.nextObject() as? String {
                if name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    if !name.contains("/") { names.skipDescendants() }
                    continue
                }
                let path = base + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, (info.st_mode & 0o170000) == 0o100000 else { continue }
                #if canImport(Darwin)
                let modified = info.st_mtimespec
                #else
                let modified = info.st_mtim
                #endif
                stamps[path] = Stamp(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                                     size: Int64(info.st_size), inode: UInt64(info.st_ino))
            }
        }
        return stamps
    }
}
