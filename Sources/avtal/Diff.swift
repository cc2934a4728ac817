import ArgumentParser
import AvtalPublishing
import Foundation

struct Diff: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions ('working' for the sources), aligned by clause ID.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The older version.") var from: String
    @Argument(help: "The newer version.") var to: String

    @Option(help: ArgumentHelp("Also write the redline to this file.", valueName: "file"))
    var output: String?

    @Option(help: "The redline's format: html, or docx (Word tracked changes, written by pandoc).")
    var format: RedlineFormat = .html

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func validate() throws {
        if format == .docx, output == nil { throw ValidationError("--format docx needs --output <file>.docx") }
    }

    func run() throws {
        if format == .docx, let output {
            let diff = try DiffAction.runDocx(root: corpus.url, from: from, to: to, output: URL(fileURLWithPath: output),
                                              templates: corpus.templateSearch)
            print(DiffTextRenderer(color: shouldColor(color)).render(diff), terminator: "")
            return
        }
        let diff = try DiffAction.run(root: corpus.url, from: from, to: to, redline: output.map { URL(fileURLWithPath: $0) },
                                      templates: corpus.templateSearch)
        print(DiffTextRenderer(color: shouldColor(color)).render(diff), terminator: "")
    }
}

enum RedlineFormat: String, ExpressibleByArgument, CaseIterable {
    case html, docx
}
