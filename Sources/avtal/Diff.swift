import ArgumentParser
import AvtalPublishing
import Foundation

struct Diff: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions ('working' for the sources), aligned by clause ID.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The older version.") var from: String
    @Argument(help: "The newer version.") var to: String

    @Option(help: ArgumentHelp("Also write an HTML redline to this file.", valueName: "file"))
    var output: String?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let diff = try DiffAction.run(root: corpus.url, from: from, to: to, redline: output.map { URL(fileURLWithPath: $0) },
                                      templates: corpus.templateSearch)
        print(DiffTextRenderer(color: shouldColor(color)).render(diff), terminator: "")
    }
}
