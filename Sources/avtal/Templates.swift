import ArgumentParser
import AvtalPublishing
import Foundation

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show where each HTML template comes from, or export the built-in ones to customise.",
        discussion: """
            The templates, stylesheets and form script are built into avtal. A templates folder (--templates, \
            AVTAL_TEMPLATES, or Templates/ beside the corpus folder) overrides them file by file: every file it \
            lacks is the built-in one.
            """,
        subcommands: [List.self, Export.self])

    struct List: CorpusCommand {
        static let configuration = CommandConfiguration(abstract: "List every template file and where it is taken from.")

        @OptionGroup var corpus: CorpusOptions

        func run() throws {
            let listing = try TemplatesAction.list(corpus.templateSearch)
            if let folder = listing.folder, let source = listing.source {
                print("templates folder: \(folder.path) (\(source.rawValue)); a file it lacks is built in".inertForTerminal)
            } else {
                print("no templates folder (none given, no \(corpus.templateSearch.besideCorpus.path)): every file is built in".inertForTerminal)
            }
            let width = listing.entries.map(\.file.count).max() ?? 0
            for entry in listing.entries {
                var place = "built-in"
                if case let .folder(url) = entry.origin { place = url.path }
                let note = entry.isDefault ? "" : "  (not a default: used where a template includes it)"
                print("\(entry.file.padding(toLength: width, withPad: " ", startingAt: 0))  \(place)\(note)".inertForTerminal)
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the built-in templates into a new or empty folder, to change them.",
            discussion: """
                Keep only the files you change: each file the folder lacks is taken from the built-in ones. Put the \
                folder beside the corpus as Templates/, or name it with --templates.
                """)

        @Argument(help: "The folder to write (new or empty).")
        var folder: String

        func run() throws {
            let written = try TemplatesAction.export(to: URL(fileURLWithPath: folder))
            print("wrote \(written.count) files to \(folder)/")
        }
    }
}
