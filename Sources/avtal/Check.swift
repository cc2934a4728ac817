import ArgumentParser
import AvtalCore
import Foundation

struct Check: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the corpus: manifest, front matter, clause IDs and every cross-reference.",
        discussion: "Exit status: 0 clean, 1 problems found (warnings too with --strict), 2 the tool could not run."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: """
        Output format: human, json, github (workflow commands for GitHub Actions) or sarif (SARIF 2.1.0 for code \
        scanning). github and sarif paths are relative to the repository root, or to the current folder outside one.
        """)
    var format: OutputFormat = .human

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Colour in human output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let result = try CheckAction.run(root: corpus.url)
        let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: result.sources)
        switch format {
        case .human:
            print(formatter.human(result.diagnostics, summary: result.summary, color: shouldColor(color)), terminator: "")
        case .json:
            print(formatter.json(result.diagnostics, summary: result.summary), terminator: "")
        case .github:
            print(ciFormatter(result.sources).github(result.diagnostics), terminator: "")
        case .sarif:
            print(ciFormatter(result.sources).sarif(result.diagnostics, toolVersion: Avtal.configuration.version), terminator: "")
        }
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
            throw Reporting.ProblemsReported()
        }
    }

    /// GitHub and code scanning match paths against the repository, whatever `--root` looked like.
    func ciFormatter(_ sources: [String: SourceFile]) -> DiagnosticFormatter {
        let currentFolder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return DiagnosticFormatter(pathPrefix: RepositoryRoot.prefix(corpus: corpus.url, currentFolder: currentFolder), sources: sources)
    }
}
