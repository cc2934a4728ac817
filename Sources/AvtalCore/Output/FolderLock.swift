import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock` on a lock file, so that two avtal processes writing the same output (or
/// publishing into the same corpus) take turns instead of mixing their files.
package final class FolderLock {
    private let descriptor: Int32
    package let file: URL

    /// How long a second writer waits before it gives up: long enough for any real build, short
    /// enough that a hung process does not block CI forever. `AVTAL_LOCK_TIMEOUT` (seconds) overrides it.
    package static var defaultTimeout: TimeInterval {
        ProcessInfo.processInfo.environment["AVTAL_LOCK_TIMEOUT"].flatMap(TimeInterval.init) ?? 120
    }

    /// Waits up to `timeout` for the lock on `file` (created if missing).
    package init(_ file: URL, timeout: TimeInterval = FolderLock.defaultTimeout) throws(AtomicWriter.Failure) {
        self.file = file
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        } catch {
            throw AtomicWriter.Failure("cannot create \(file.deletingLastPathComponent().path): \(error.localizedDescription)")
        }
        let fd = open(file.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw AtomicWriter.Failure("cannot open the lock file \(file.path): \(String(cString: strerror(errno)))")
        }
        let deadline = Date().addingTimeInterval(timeout)
        // Polling with LOCK_NB rather than a blocking flock keeps the wait bounded without signals.
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let reason = errno
            guard reason == EWOULDBLOCK || reason == EINTR, Date() < deadline else {
                close(fd)
                throw AtomicWriter.Failure(reason == EWOULDBLOCK
                    ? "another avtal process has held \(file.path) for \(Int(timeout)) s; wait for it to finish, or set AVTAL_LOCK_TIMEOUT to wait longer"
                    : "cannot lock \(file.path): \(String(cString: strerror(reason)))")
            }
            usleep(20_000)
        }
        descriptor = fd
    }

    deinit {
        // Closing the descriptor releases the flock. The file stays: unlinking a lock file while
        // another process waits on it would let a third process lock a fresh file at the same path.
        close(descriptor)
    }

    /// Runs `body` while holding the lock on `file`.
    package static func withLock<T>(_ file: URL, _ body: () throws -> T) throws -> T {
        let lock = try FolderLock(file)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}
