import ArgumentParser
import AvtalCore
import AvtalPublishing
import AvtalResponses
import Foundation

struct Responses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the responses to a remiss.",
        subcommands: [Compile.self])

    struct Compile: CorpusCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every response in a folder (form saves as JSON, survey exports as CSV) into a summary.",
            discussion: """
                Writes sammanstallning.html, sammanstallning.json, kommentarer.csv and redovisning.txt. Prints, last, \
                'files: N read, A accepted, S superseded, R rejected'; exits 1 when anything was rejected or a \
                disposition names an unknown comment.
                """)

        @OptionGroup var corpus: CorpusOptions

        @Argument(help: "The folder that holds the responses.")
        var folder: String

        @Option(name: .customLong("for"), help: ArgumentHelp("The version that was on remiss.", valueName: "id"))
        var version: String

        @Option(help: ArgumentHelp("The output folder (default: Output/remissvar/<version>).", valueName: "dir"))
        var output: String?

        @Option(name: .customLong("csv-dialect"),
                help: ArgumentHelp("kommentarer.csv for Excel in Swedish (semicolon, UTF-8 with BOM) or for other tools (comma, no BOM).",
                                   valueName: "semicolon|comma"))
        var csvDialect: CompilationRenderer.CSVDialect = .semicolon

        @Flag(help: "Also print each receipt (kvitton/*.html) to PDF with headless Chromium (needs chromium on PATH, or CHROMIUM).")
        var pdf = false

        @Flag(help: "Also write the summary as a Word file (sammanstallning.docx), with pandoc (needs pandoc on PATH, or PANDOC).")
        var docx = false

        func validate() throws {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("no folder of responses at '\(folder)'")
            }
        }

        func run() throws {
            let target = output ?? "Output/remissvar/\(version)"
            let printer = pdf ? try ChromiumPrinter.locate() : nil
            let pandoc = docx ? try Pandoc.locate() : nil
            let compiled = try CompileResponsesAction.run(
                root: corpus.url, templates: corpus.templateSearch, folder: URL(fileURLWithPath: folder),
                version: version, output: URL(fileURLWithPath: target), csvDialect: csvDialect, printer: printer, pandoc: pandoc)
            let compilation = compiled.compilation
            for entry in compilation.entries where entry.status != .accepted || !entry.reasons.isEmpty {
                // Labels and reasons quote the responses: inert, so that no response acts on the terminal.
                print("\(entry.label): \(entry.status.rawValue)".inertForTerminal)
                for reason in entry.reasons { print("  - \(reason)".inertForTerminal) }
            }
            if !compilation.dispositionProblems.isEmpty {
                let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: compiled.sources)
                print(formatter.human(compilation.dispositionProblems, summary: nil, color: false), terminator: "")
            }
            print("comments: \(compilation.comments.count), of which \(compilation.openComments) without a disposition; summary in \(target)/\(CompilationRenderer.page)")
            if compilation.lateCount > 0 {
                print("late: \(compilation.lateCount) saved after the deadline, marked in the summary, the CSV and the account")
            }
            print(compilation.accountLine)
            if compiled.hasProblems { throw Reporting.ProblemsReported() }
        }
    }
}

extension CompilationRenderer.CSVDialect: ExpressibleByArgument {}
