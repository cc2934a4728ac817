import AvtalCore
import AvtalPublishing
import Foundation

/// The compilation as files: the summary page, the same data as JSON, one CSV row per comment for
/// further work in a spreadsheet, and the account of every input with its reasons.
package struct CompilationRenderer {
    package let compilation: Compilation
    package let text: VersionText
    package let consultees: Consultees?
    package let templates: TemplateLibrary
    package let versionTitle: String
    /// Numbers and headings of the version's clauses, built once: a profile of 200 responses spent
    /// most of its time rebuilding them per comment.
    let labels: ReferenceLabels

    package init(compilation: Compilation, text: VersionText, consultees: Consultees?, templates: TemplateLibrary, versionTitle: String) {
        labels = ReferenceLabels(text: text)
        self.compilation = compilation
        self.text = text
        self.consultees = consultees
        self.templates = templates
        self.versionTitle = versionTitle
    }

    package static let page = "sammanstallning.html"
    package static let json = "sammanstallning.json"
    package static let csv = "kommentarer.csv"
    package static let account = "redovisning.txt"

    package func files() throws -> [String: Data] {
        [
            Self.page: Data(try html().utf8),
            Self.json: json(),
            Self.csv: Data(csv().utf8),
            Self.account: Data(account().utf8),
        ]
    }

    static let scaleLabels = ["1 instämmer inte alls", "2 instämmer delvis", "3 instämmer till stor del", "4 instämmer helt", "ingen synpunkt"]

    // MARK: Account

    package func account() -> String {
        var lines = ["Redovisning av remissvar till \(compilation.version)", ""]
        for entry in compilation.entries {
            let status: String
            switch entry.status {
            case .accepted: status = "godtaget"
            case .superseded: status = "ersatt"
            case .rejected: status = "avvisat"
            }
            lines.append("\(entry.label): \(status)\(entry.organisation.map { " (\($0))" } ?? "")")
            lines += entry.reasons.map { "  - \($0)" }
        }
        lines += ["", compilation.accountLine]
        // Labels, organisation names and reasons come from the responses: each line is made inert, so
        // that no response can add a line of its own (a forged account line) or act on a terminal.
        return lines.map(\.inertForTerminal).joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    package func csv() -> String {
        func cell(_ value: String) -> String {
            // Quoted always; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
            var value = value
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            return "\"" + (value.utf8.contains(0x22) ? value.replacing("\"", with: "\"\"") : value) + "\""
        }
        var rows = [["kommentar-id", "organisation-id", "organisation", "dokument", "punkt", "nummer", "rubrik", "betyg",
                     "kommentar", "stallningstagande", "motivering", "genomfors-i", "kalla"].map(cell).joined(separator: ",")]
        for comment in compilation.comments {
            let (document, clause, number, heading) = describe(comment.place)
            rows.append([comment.id, comment.organisationID ?? "", comment.organisationName, document, clause, number, heading,
                         comment.grade?.label ?? "", comment.text, comment.disposition?.kind.rawValue ?? "",
                         comment.disposition?.motivation ?? "", comment.disposition?.carriedBy ?? "", comment.source]
                .map(cell).joined(separator: ","))
        }
        return rows.joined(separator: "\r\n") + "\r\n"
    }

    /// Document ID, clause ID, number and heading of a place, as far as they exist.
    func describe(_ place: Compilation.Place) -> (String, String, String, String) {
        switch place {
        case let .clause(document, clause), let .chapter(document, clause):
            let info = labels.index[document]?[clause]
            return (document, clause, info?.number ?? "", info?.heading ?? "")
        case let .document(document):
            return (document, "", "", text.document(document)?.frontMatter.shortTitle ?? "")
        case let .unplaced(key):
            return ("", key, "", "")
        }
    }

    // MARK: Who answered

    func missingConsultees() -> [(title: String, members: [Consultees.Member])] {
        guard let consultees else { return [] }
        let answered = Set(compilation.responses.compactMap(\.organisationID))
        return consultees.groups.map { group in (group.title, group.members.filter { !answered.contains($0.id) }) }
    }
}
