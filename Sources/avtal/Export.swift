import ArgumentParser
import AvtalPublishing
import Foundation

extension ExportAction.Format: ExpressibleByArgument {}

struct Export: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one version's texts as Word or PDF files (one per document and alla) or as Akoma Ntoso XML.",
        discussion: """
            Word files are written by pandoc (apt-get install pandoc), styled by reference.docx from the templates; \
            PDF files are printed by Chromium (apt-get install chromium); Akoma Ntoso needs no other tool. \
            The folder replaces the old one only when every file was written; without the tool nothing is written.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("The version to export, or 'working' for the sources.", valueName: "id"))
    var version: String

    @Option(help: "The format: docx (Word), pdf (printed by Chromium) or akn (Akoma Ntoso 3.0 XML).")
    var format: ExportAction.Format

    @Option(help: ArgumentHelp("The folder to write (default: Output/export/<version>-<format>).", valueName: "dir"))
    var output: String?

    func validate() throws {
        guard !version.isEmpty, !version.contains("/") else {
            throw ValidationError("give a version ID from versions.yml or 'working', not '\(version)'")
        }
        if let output, output.isEmpty { throw ValidationError("--output needs a folder") }
    }

    func run() throws {
        let folder = output ?? "Output/export/\(version)-\(format.rawValue)"
        let exported = try ExportAction.run(root: corpus.url, templates: corpus.templateSearch, format: format,
                                            version: version, output: URL(fileURLWithPath: folder))
        print("exported \(exported.files.count) files to \(folder)/")
    }
}
