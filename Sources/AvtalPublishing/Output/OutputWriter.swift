import AvtalCore
import Foundation

/// The commands' name for AvtalCore's `AtomicWriter`: generated output goes through the one writer,
/// with its lock, its staging swap and its output-folder guard.
package enum OutputWriter {
    package typealias Failure = AtomicWriter.Failure

    /// Writes `files` (relative path → bytes) as the folder `target`, replacing it only if avtal made it.
    package static func replace(_ target: URL, with files: [String: Data], corpus: URL? = nil) throws(Failure) {
        try AtomicWriter.replaceFolder(target, with: files, mode: .output(corpus: corpus))
    }

    /// Writes the folder `target` from what `body` hands the sink, file by file as it is rendered;
    /// the folder is swapped in when `body` returns, and left as it was when it throws.
    package static func replace(_ target: URL, corpus: URL? = nil, writing body: (StagingWriter) throws -> Void) throws {
        try AtomicWriter.replaceFolder(target, mode: .output(corpus: corpus), writing: body)
    }

    /// Writes the folder and a file beside it (a remiss package and its zip) as one step: the file is
    /// staged before the folder is replaced, so a failure to write it leaves both as they were.
    package static func replace(_ target: URL, with files: [String: Data], alongWith file: URL, data: Data,
                               corpus: URL? = nil) throws(Failure) {
        try AtomicWriter.replaceFolder(target, with: files, mode: .output(corpus: corpus), companion: (file, data))
    }

    /// Writes one generated file (an HTML page) by writing a sibling and renaming it over the target,
    /// never inside the corpus and never over a file of another kind.
    package static func replaceFile(_ target: URL, with data: Data, corpus: URL?, extensions: Set<String> = ["html", "htm"]) throws(Failure) {
        try OutputFolderGuard.checkFile(target, corpus: corpus, extensions: extensions)
        try AtomicWriter.replaceFile(target, with: data)
    }
}
