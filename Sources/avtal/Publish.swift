import ArgumentParser
import AvtalCore

struct Publish: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "Freeze a draft version: write its text and lock to versions/<id>/ and mark it published.",
        discussion: "Refuses when the corpus has errors. The date comes from the version's published-on, or --date.")

    static var refusal: String { "nothing was published: fix the errors above first" }

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The version to publish.")
    var version: String

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) when versions.yml gives none.", valueName: "date"))
    var date: String?

    /// The parsed `--date`; `validate()` has made sure it is a date.
    var day: CalendarDate? { date.flatMap { CalendarDate(iso: $0) } }

    func validate() throws {
        if let date, !(CalendarDate(iso: date)?.isValid ?? false) {
            throw ValidationError("--date '\(date)' is not a date (YYYY-MM-DD)")
        }
    }

    func run() throws {
        let published = try PublishAction.run(root: corpus.url, version: version, date: day)
        let clauses = published.lock.documents.reduce(0) { $0 + $1.clauses.count }
        switch published.recovery {
        case .completed: print("completed an interrupted publish of \(version): its snapshot was whole")
        case .rolledBack: print("removed the snapshot an interrupted publish of \(version) left, and published anew")
        case nil: break
        }
        print("published \(version): \(published.lock.documents.count) documents, \(clauses) clauses locked in \(corpus.root)/versions/\(version)/")
    }
}
