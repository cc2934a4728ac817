import ArgumentParser
import AvtalCore
import AvtalPublishing
import Foundation

enum AmendmentFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html, docx
}

struct Amendments: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a patch as the text of a Swedish ändringsbeslut, with the numbers of the version it produces.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The patch ID.") var patch: String

    @Option(help: "markdown, html, or docx (a Word file written by pandoc; needs --output).")
    var format: AmendmentFormat = .markdown

    @Option(help: ArgumentHelp("With --format docx: the .docx file to write.", valueName: "file"))
    var output: String?

    func validate() throws {
        if format == .docx, output == nil { throw ValidationError("--format docx needs --output <file>.docx") }
        if format != .docx, output != nil { throw ValidationError("--output is only for --format docx; the text is printed") }
    }

    func run() throws {
        if format == .docx, let output {
            try AmendmentsAction.runDocx(root: corpus.url, patch: patch, output: URL(fileURLWithPath: output),
                                         templates: corpus.templateSearch)
            print("wrote \(output.inertForTerminal)")
            return
        }
        let text = try AmendmentsAction.run(root: corpus.url, patch: patch, format: format == .html ? .html : .markdown,
                                            templates: corpus.templateSearch)
        // The text quotes the corpus: inert on the terminal, line by line so that its lines stay lines.
        print(text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).inertForTerminal }
                .joined(separator: "\n"), terminator: "")
    }
}
