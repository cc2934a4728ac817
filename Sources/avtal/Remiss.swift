import ArgumentParser
import AvtalPublishing
import Foundation

struct Remiss: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Package a published version for remiss: letter, texts, redline, amendments, response form, manifest, zip.",
        discussion: """
            Writes <output>/remiss/<version>/ and <output>/remiss-<version>.zip. The same inputs give the same bytes: \
            file times come from the version's published-on date or SOURCE_DATE_EPOCH.
            """)

    /// Besides errors in the corpus, a package is refused for its placeholders, which check accepts.
    static var refusal: String {
        "nothing was written: fix the errors above first (avtal check), replace the placeholders, or make a draft with --draft"
    }

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("The published version to send out.", valueName: "version"))
    var version: String

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String = "Output"

    @Flag(help: "Package a draft: values marked {placeholder: …} in the settings go out, shown as examples, instead of being refused.")
    var draft = false

    @Flag(help: "Also print each document to PDF with headless Chromium (needs chromium on PATH, or CHROMIUM).")
    var pdf = false

    func run() throws {
        let printer = pdf ? try ChromiumPrinter.locate() : nil
        let packaged = try RemissAction.run(root: corpus.url, templates: corpus.templateSearch, version: version,
                                            output: URL(fileURLWithPath: output), draft: draft, printer: printer,
                                            revision: GitRevision.of(corpus.url))
        print("wrote \(output)/remiss/\(version)/ (\(packaged.fileCount) files) and \(output)/remiss-\(version).zip (\(packaged.zipSize) bytes)")
    }
}
