import Foundation

/// Where rendered files go as they are made: the atomic writer's staging folder (`StagingWriter`),
/// or memory (`FileCollector`) for a caller that needs every file at once (the remiss package zips
/// them). A renderer that writes into a sink can drop each page as soon as it is handed over, so a
/// site build holds one page at a time instead of the whole site.
package protocol FileSink: AnyObject {
    /// Writes the whole file at `path` (relative, "/"-separated).
    func write(_ path: String, _ data: Data) throws(AtomicWriter.Failure)
    /// Writes the file at `path` in pieces: `body` appends to it, and may write other files meanwhile.
    /// The file is complete when `body` returns.
    func write(_ path: String, pieces body: (any FileAppender) throws -> Void) throws
}

/// The open end of a file being written in pieces.
package protocol FileAppender: AnyObject {
    func append(_ text: String) throws(AtomicWriter.Failure)
}

extension FileSink {
    /// Writes `text` as UTF-8, without first copying it into a `Data`.
    package func write(_ path: String, _ text: String) throws(AtomicWriter.Failure) {
        do {
            try write(path) { file in try file.append(text) }
        } catch let failure as AtomicWriter.Failure {
            throw failure
        } catch {
            throw AtomicWriter.Failure("cannot write \(path): \(error)")
        }
    }
}

/// A sink that keeps every file in memory, by path.
package final class FileCollector: FileSink {
    package private(set) var files: [String: Data] = [:]

    package init() {}

    package func write(_ path: String, _ data: Data) throws(AtomicWriter.Failure) {
        files[path] = data
    }

    package func write(_ path: String, pieces body: (any FileAppender) throws -> Void) throws {
        let buffer = Buffer()
        try body(buffer)
        files[path] = buffer.data
    }

    private final class Buffer: FileAppender {
        var data = Data()
        func append(_ text: String) throws(AtomicWriter.Failure) { data.append(contentsOf: text.utf8) }
    }
}
