import ArgumentParser
import Foundation
import AvtalCore

struct Agree: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record the working text's wording of clauses as agreed at a meeting (agreed.yml).",
        discussion: """
            `avtal check` then warns (AV650) whenever the working text of such a clause differs from the \
            agreed wording, with a redline, until the change is agreed again or carried by a decision (a patch).
            """)

    static var refusal: String { "nothing was recorded: fix the errors above first" }

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: ArgumentHelp("The clauses, as document#clause-id.", valueName: "document#clause"))
    var clauses: [String]

    @Option(help: ArgumentHelp("Who agreed: the working group or meeting (\"arbetsgruppen\").", valueName: "who"))
    var by: String

    @Option(help: ArgumentHelp("The date of the meeting (YYYY-MM-DD).", valueName: "date"))
    var on: String

    @Option(help: ArgumentHelp("What was agreed, or the meeting's minutes.", valueName: "text"))
    var note: String?

    func validate() throws {
        guard !clauses.isEmpty else { throw ValidationError("name at least one clause, as document#clause-id") }
        if let bad = clauses.first(where: { !$0.contains("#") || $0.hasPrefix("#") || $0.hasSuffix("#") }) {
            throw ValidationError("'\(bad.inertForTerminal)' is not document#clause-id")
        }
        guard !by.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--by is empty") }
        guard CalendarDate(iso: on)?.isValid ?? false else { throw ValidationError("--on '\(on.inertForTerminal)' is not a date (YYYY-MM-DD)") }
    }

    func run() throws {
        let recorded = try AgreeAction.run(root: corpus.url, clauses: clauses, by: by.trimmingCharacters(in: .whitespaces),
                                           on: CalendarDate(iso: on)!, note: note.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 })
        for entry in recorded.entries {
            print("agreed \(entry.target.inertForTerminal): \(entry.by.inertForTerminal), \(entry.on) (sha256 \(entry.sha256.prefix(12)))")
        }
        print("recorded \(recorded.entries.count) clause\(recorded.entries.count == 1 ? "" : "s") in \(corpus.root)/\(AgreedWording.fileName)")
    }
}
