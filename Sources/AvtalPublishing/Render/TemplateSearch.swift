import AvtalCore
import Foundation

/// Which folder's templates take the place of the built-in ones: the folder given with --templates,
/// else AVTAL_TEMPLATES, else `Templates/` beside the corpus folder (the project layout, where
/// `Templates/` sits next to `Agreement/`), else none, and the built-in templates are used alone.
///
/// A folder named explicitly (--templates or AVTAL_TEMPLATES) is used or refused, never passed over:
/// a mistyped path must not quietly give the default look. A folder need not be complete: each file it
/// lacks comes from the built-in defaults, so a corpus keeps only the files it changes
/// (`avtal templates list` shows where each file comes from).
package struct TemplateSearch: Sendable {
    package var given: URL?
    package var corpus: URL
    package var environment: [String: String]

    /// How the folder of overrides was found, as messages and `avtal templates list` name it.
    package enum Source: String, Sendable {
        case option = "--templates"
        case environment = "AVTAL_TEMPLATES"
        case besideCorpus = "Templates/ beside the corpus"
    }

    package init(given: URL? = nil, corpus: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.given = given
        self.corpus = corpus
        self.environment = environment
    }

    /// The folder named explicitly, and how: it is used whatever it holds, or refused if it is missing.
    var explicit: (folder: URL, source: Source)? {
        if let given { return (given, .option) }
        guard let named = environment["AVTAL_TEMPLATES"], !named.isEmpty else { return nil }
        return (URL(fileURLWithPath: named), .environment)
    }

    /// `Templates/` in the folder that holds the corpus folder.
    package var besideCorpus: URL {
        corpus.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates")
    }

    /// The folder whose files override the built-in ones, and how it was found; nil when there is none.
    package func overrides() throws(ActionFailure) -> (folder: URL, source: Source)? {
        if let (named, source) = explicit {
            guard Self.isFolder(named) else {
                throw .cannotRun("no templates folder at '\(named.path)' (given with \(source.rawValue))")
            }
            return (named, source)
        }
        return Self.isFolder(besideCorpus) ? (besideCorpus, .besideCorpus) : nil
    }

    /// The templates to render with: the overrides, if any, over the built-in defaults.
    package func library() throws(ActionFailure) -> TemplateLibrary {
        TemplateLibrary(folder: try overrides()?.folder)
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
