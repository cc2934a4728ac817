import ArgumentParser
import AvtalCore

struct Check: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the corpus: manifest, front matter, clause IDs and every cross-reference.",
        discussion: "Exit status: 0 clean, 1 problems found (warnings too with --strict), 2 the tool could not run."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: human, json or github (workflow commands for GitHub Actions).")
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
            print(formatter.github(result.diagnostics), terminator: "")
        }
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
            throw Reporting.ProblemsReported()
        }
    }
}
