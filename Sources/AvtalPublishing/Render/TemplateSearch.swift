import AvtalCore
import Foundation

/// Where an action finds its HTML templates: the folder given, then AVTAL_TEMPLATES, then Templates/
/// beside the corpus folder (the project layout), then Templates/ in the current folder.
package struct TemplateSearch: Sendable {
    package var given: URL?
    package var corpus: URL
    package var environment: [String: String]
    package var currentFolder: URL

    package init(given: URL? = nil, corpus: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.given = given
        self.corpus = corpus
        self.environment = environment
        self.currentFolder = currentFolder
    }

    package var candidates: [URL] {
        [given, environment["AVTAL_TEMPLATES"].map { URL(fileURLWithPath: $0) }].compactMap { $0 }
            + [corpus.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates"),
               currentFolder.appendingPathComponent("Templates")]
    }

    /// The first candidate that holds a layout; a folder without one is not a templates folder.
    package func library() throws(ActionFailure) -> TemplateLibrary {
        let candidates = candidates
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) {
            return TemplateLibrary(folder: candidate)
        }
        throw .cannotRun("no templates found (looked in \(candidates.map(\.path).joined(separator: ", "))); use --templates DIR")
    }
}
