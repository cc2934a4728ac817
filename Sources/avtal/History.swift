import ArgumentParser
import AvtalPublishing

struct History: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a clause's history: its number in every version, the decisions that changed it (both wordings), its agreed wording and the commits that touched it.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("The clause, as document#clause-id (an old, renamed ID works too).", valueName: "document#clause"))
    var clause: String

    @Flag(help: "Leave out the git commits (git log -L).")
    var noGit = false

    func validate() throws {
        let parts = clause.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("'\(clause.inertForTerminal)' is not document#clause-id")
        }
    }

    func run() throws {
        print(try HistoryAction.run(root: corpus.url, target: clause, git: !noGit).text(), terminator: "")
    }
}
