import ArgumentParser
import AvtalPublishing
import Foundation

struct Build: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the HTML site of the working text and every version into Output/site/.",
        discussion: "The site replaces the old one only when everything rendered; with errors nothing is written.")

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("Render only this version (or 'working').", valueName: "id"))
    var only: String?

    @Option(help: ArgumentHelp("The site folder.", valueName: "dir"))
    var output: String = "Output/site"

    func run() throws {
        let built = try BuildAction.run(root: corpus.url, templates: corpus.templateSearch, version: only,
                                        output: URL(fileURLWithPath: output))
        print("built \(built.pages) pages in \(output)/")
    }
}
