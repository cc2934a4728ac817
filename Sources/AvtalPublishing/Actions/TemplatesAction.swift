import AvtalCore
import Foundation

/// `avtal templates`: where each template comes from, and a copy of the defaults to customise.
package enum TemplatesAction {
    /// One file the renderer may use, and where it is taken from.
    package struct Entry: Sendable, Equatable {
        package var file: String
        package var origin: TemplateLibrary.Origin
        /// False for a file of the folder's own that no default has: used only where a template includes it.
        package var isDefault: Bool
    }

    package struct Listing: Sendable {
        package var folder: URL?
        package var source: TemplateSearch.Source?
        package var entries: [Entry]
    }

    /// Every built-in file with the place it is taken from, then the folder's own extra files.
    package static func list(_ search: TemplateSearch) throws(ActionFailure) -> Listing {
        let found = try search.overrides()
        let library = TemplateLibrary(folder: found?.folder)
        var entries = BuiltInTemplates.files.keys.sorted().map {
            Entry(file: $0, origin: library.origin(of: $0) ?? .builtIn, isDefault: true)
        }
        if let folder = found?.folder {
            let own = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { !$0.hasPrefix(".") && BuiltInTemplates.files[$0] == nil }.sorted()
            entries += own.map { Entry(file: $0, origin: .folder(folder.appendingPathComponent($0)), isDefault: false) }
        }
        return Listing(folder: found?.folder, source: found?.source, entries: entries)
    }

    /// Writes every built-in file into `folder`, which must be new or empty, and returns their names.
    package static func export(to folder: URL) throws(ActionFailure) -> [String] {
        do {
            try AtomicWriter.createFolder(folder, with: BuiltInTemplates.files)
        } catch {
            throw .cannotRun(error.description)
        }
        return BuiltInTemplates.files.keys.sorted()
    }
}
