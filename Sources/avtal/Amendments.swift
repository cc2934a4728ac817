import ArgumentParser
import AvtalCore
import AvtalPublishing

enum AmendmentFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html
}

struct Amendments: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a patch as the text of a Swedish ändringsbeslut, with the numbers of the version it produces.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The patch ID.") var patch: String

    @Option(help: "markdown or html.")
    var format: AmendmentFormat = .markdown

    func run() throws {
        let text = try AmendmentsAction.run(root: corpus.url, patch: patch, format: format == .html ? .html : .markdown,
                                            templates: corpus.templateSearch)
        // The text quotes the corpus: inert on the terminal, line by line so that its lines stay lines.
        print(text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).inertForTerminal }
                .joined(separator: "\n"), terminator: "")
    }
}
