import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The staging folder of one `AtomicWriter.replaceFolder` call, as a sink: each file goes to disk
/// as soon as it is handed over, and the folder becomes the output only when the writer swaps it
/// in. Nothing here can reach outside the folder, and no file is written twice.
package final class StagingWriter: FileSink {
    /// The staging folder (hidden, beside the target).
    package let folder: URL
    /// Every path written so far, in the order written.
    package private(set) var paths: [String] = []
    private var taken: Set<String> = []
    private var folders: Set<String> = [""]

    /// Creates the staging folder.
    init(folder: URL) throws(AtomicWriter.Failure) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw AtomicWriter.Failure("cannot create \(folder.path): \(error.localizedDescription)")
        }
    }

    package func write(_ path: String, _ data: Data) throws(AtomicWriter.Failure) {
        let file = try open(path)
        // The closures of withUnsafeBytes and withUTF8 rethrow untyped, so the failure is carried out.
        let failure: AtomicWriter.Failure? = data.withUnsafeBytes { bytes in
            do throws(AtomicWriter.Failure) { try file.append(bytes) } catch { return error }
            return nil
        }
        if let failure { throw failure }
        try file.finish()
    }

    package func write(_ path: String, pieces body: (any FileAppender) throws -> Void) throws {
        let file = try open(path)
        try body(file)
        try file.finish()
    }

    /// Refuses a path that is absolute, empty, or climbs out with "..": the sink writes inside the
    /// staging folder or not at all.
    static func check(_ path: String) throws(AtomicWriter.Failure) {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/", omittingEmptySubsequences: false).contains("..") else {
            throw AtomicWriter.Failure("refusing to write outside the output folder: \(path)")
        }
    }

    private func open(_ path: String) throws(AtomicWriter.Failure) -> File {
        try Self.check(path)
        guard taken.insert(path).inserted else {
            throw AtomicWriter.Failure("refusing to write \(path) twice in one output folder")
        }
        let url = folder.appendingPathComponent(path)
        let parent = String(path.split(separator: "/").dropLast().joined(separator: "/"))
        if !folders.contains(parent) {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw AtomicWriter.Failure("cannot write \(path): \(error.localizedDescription)")
            }
            folders.insert(parent)
        }
        // O_EXCL: the staging folder is new, so an existing file means something else is writing here.
        let descriptor = POSIXFile.create(url.path)
        guard descriptor >= 0 else {
            throw AtomicWriter.Failure("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        paths.append(path)
        return File(descriptor: descriptor, path: path)
    }

    /// One open file of the staging folder.
    private final class File: FileAppender {
        private var descriptor: Int32
        let path: String

        init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        // A file left open by a throw is closed here; the staging folder is removed anyway.
        deinit { if descriptor >= 0 { _ = closeDescriptor(descriptor) } }

        /// Closes the file; a failed close (a full or remote disk) fails the write.
        func finish() throws(AtomicWriter.Failure) {
            let result = closeDescriptor(descriptor)
            descriptor = -1
            if result != 0 { throw AtomicWriter.Failure("cannot write \(path): \(String(cString: strerror(errno)))") }
        }

        func append(_ text: String) throws(AtomicWriter.Failure) {
            var text = text
            let failure: AtomicWriter.Failure? = text.withUTF8 { bytes in
                do throws(AtomicWriter.Failure) { try append(UnsafeRawBufferPointer(bytes)) } catch { return error }
                return nil
            }
            if let failure { throw failure }
        }

        func append(_ bytes: UnsafeRawBufferPointer) throws(AtomicWriter.Failure) {
            guard descriptor >= 0 else { throw AtomicWriter.Failure("cannot write \(path): the file is closed") }
            var offset = 0
            while offset < bytes.count {
                let count = writeBytes(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw AtomicWriter.Failure("cannot write \(path): \(String(cString: strerror(errno)))")
                }
                offset += count
            }
        }
    }
}

/// The C calls, under names that the file's own `close` and `append` do not shadow.
private enum POSIXFile {
    static func create(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
}

private func closeDescriptor(_ descriptor: Int32) -> Int32 { close(descriptor) }
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, bytes, count) }
