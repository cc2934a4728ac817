import AvtalCore
import Foundation

/// Where an action finds its HTML templates: the folder given, then AVTAL_TEMPLATES, then Templates/
/// beside the corpus folder (the project layout), then Templates/ in the current folder.
public struct TemplateSearch: Sendable {
    public var given: URL?
    public var corpus: URL
    public var environment: [String: String]
    public var currentFolder: URL

    public init(given: URL? = nil, corpus: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.given = given
        self.corpus = corpus
        self.environment = environment
        self.currentFolder = currentFolder
    }

    public var candidates: [URL] {
        [given, environment["AVTAL_TEMPLATES"].map { URL(fileURLWithPath: $0) }].compactMap { $0 }
            + [corpus.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates"),
               currentFolder.appendingPathComponent("Templates")]
    }

    /// The first candidate that holds a layout; a folder without one is not a templates folder.
    public func library() throws(ActionFailure) -> TemplateLibrary {
        let candidates = candidates
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) {
            return TemplateLibrary(folder: candidate)
        }
        throw .cannotRun("no templates found (looked in \(candidates.map(\.path).joined(separator: ", "))); use --templates DIR")
    }
}
