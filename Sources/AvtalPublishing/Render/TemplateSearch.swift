import AvtalCore
import Foundation

/// Where an action finds its HTML templates: the folder given with --templates, else AVTAL_TEMPLATES,
/// else Templates/ beside the corpus folder (the project layout), else Templates/ in the current folder.
///
/// A folder named explicitly (--templates or AVTAL_TEMPLATES) is used or refused, never passed over:
/// a mistyped path must not quietly fall back to other templates. Whichever folder is used must be
/// complete; templates are not mixed from two folders, so a file missing from a copy is an error that
/// names it rather than a page silently rendered with the default.
package struct TemplateSearch: Sendable {
    package var given: URL?
    package var corpus: URL
    package var environment: [String: String]
    package var currentFolder: URL

    /// Every file a templates folder must hold: the page templates and the assets copied or inlined.
    package static let requiredFiles = [
        "alla.mustache", "amendments.mustache", "begrepp.mustache", "document.mustache", "index.mustache",
        "layout.mustache", "navitem.mustache", "patientfall.mustache", "redline.mustache", "remissbrev.mustache",
        "sammanstallning.mustache", "svar.mustache", "tillganglighet.mustache", "version.mustache",
        "style.css", "svar.css", "svar.js", "svar.schema.json",
    ]

    package init(given: URL? = nil, corpus: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
                currentFolder: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.given = given
        self.corpus = corpus
        self.environment = environment
        self.currentFolder = currentFolder
    }

    /// The folder named explicitly, and how: it is used whatever it holds.
    var explicit: (folder: URL, source: String)? {
        if let given { return (given, "--templates") }
        return environment["AVTAL_TEMPLATES"].map { (URL(fileURLWithPath: $0), "AVTAL_TEMPLATES") }
    }

    package var candidates: [URL] {
        [given, environment["AVTAL_TEMPLATES"].map { URL(fileURLWithPath: $0) }].compactMap { $0 }
            + [corpus.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates"),
               currentFolder.appendingPathComponent("Templates")]
    }

    /// The folder named explicitly, else the first default that holds a layout; in either case complete.
    package func library() throws(ActionFailure) -> TemplateLibrary {
        let folder: URL
        if let (named, source) = explicit {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: named.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .cannotRun("no templates folder at '\(named.path)' (given with \(source))")
            }
            folder = named
        } else {
            let defaults = candidates
            guard let found = defaults.first(where: {
                FileManager.default.fileExists(atPath: $0.appendingPathComponent("layout.mustache").path)
            }) else {
                throw .cannotRun("no templates found (looked in \(defaults.map(\.path).joined(separator: ", "))); use --templates DIR")
            }
            folder = found
        }
        let missing = Self.requiredFiles.filter { !FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        guard missing.isEmpty else {
            throw .cannotRun("the templates folder '\(folder.path)' lacks \(missing.joined(separator: ", ")): "
                + "a templates folder must be complete (copy Templates/ and change what you need)")
        }
        return TemplateLibrary(folder: folder)
    }
}
