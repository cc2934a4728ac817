import AvtalCore
import AvtalPublishing
import Foundation

/// The compilation as files: the summary page, the same data as JSON, one CSV row per comment for
/// further work in a spreadsheet, and the account of every input with its reasons.
package struct CompilationRenderer {
    /// How kommentarer.csv is written: Excel set to Swedish reads semicolons and needs the BOM to
    /// read å, ä and ö as UTF-8; other tools read RFC 4180 with commas.
    package enum CSVDialect: String, CaseIterable, Sendable {
        case semicolon, comma
        var delimiter: String { self == .semicolon ? ";" : "," }
        var bom: String { self == .semicolon ? "\u{FEFF}" : "" }
    }

    package let compilation: Compilation
    package let text: VersionText
    package let consultees: Consultees?
    package let templates: TemplateLibrary
    package let versionTitle: String
    package var csvDialect: CSVDialect = .semicolon
    /// The remiss's settings, for its deadline; a compilation without them has no deadline to show.
    package var remiss: RemissSettings?

    var deadlineText: String { remiss.map(SwedishText.deadline) ?? "" }
    /// Numbers and headings of the version's clauses, built once: a profile of 200 responses spent
    /// most of its time rebuilding them per comment.
    let labels: ReferenceLabels
    /// Consultee ID → the filter value of its parties ("kommuner kommuner-gr"), built once: looked up for
    /// every comment on the page.
    let partiesOf: [String: String]

    package init(compilation: Compilation, text: VersionText, consultees: Consultees?, templates: TemplateLibrary, versionTitle: String) {
        labels = ReferenceLabels(text: text)
        var parties: [String: String] = [:]
        for group in consultees?.groups ?? [] {
            for member in group.members {
                parties[member.id] = Overview.partyIDs(of: member.id, consultees: consultees).joined(separator: " ")
            }
        }
        partiesOf = parties
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

    /// The four files, and a receipt per counted response under `kvitton/`, in memory (for tests).
    package func files() throws -> [String: Data] {
        let collector = FileCollector()
        try write(to: collector)
        return collector.files
    }

    /// Every file into `sink`, one at a time and the large ones in pieces, so that a compilation of
    /// 2 000 responses never holds its output whole; with `printer`, each receipt also as PDF.
    package func write(to sink: any FileSink, printer: (any PDFPrinter)? = nil) throws {
        try writeReceipts(to: sink, printer: printer)
        try sink.write(Self.csv) { file in try csv { try file.append($0) } }
        try sink.write(Self.account, account())
        try sink.write(Self.json) { file in try writeJSON { try file.append($0) } }
        try sink.write(Self.page) { file in try writeHTML(file) }
    }

    static let scaleLabels = ["1 instämmer inte alls", "2 instämmer delvis", "3 instämmer till stor del", "4 instämmer helt", "ingen synpunkt"]

    // MARK: Account

    package func account() -> String {
        var lines = ["Redovisning av remissvar på \(versionTitle) (\(compilation.version))", "",
                     "Varje inläst fil, eller rad i en CSV-fil, med vad som blev av den och varför.", ""]
        for entry in compilation.entries {
            let status: String
            switch entry.status {
            case .accepted: status = "godtaget"
            case .superseded: status = "ersatt"
            case .rejected: status = "avvisat"
            }
            let late = entry.late ? ", för sent inkommet" : ""
            lines.append("\(entry.label): \(status)\(late)\(entry.organisation.map { " – \($0)" } ?? "")")
            lines += entry.reasons.map { "  - \($0)" }
        }
        lines += ["", swedishAccountLine]
        // Labels, organisation names and reasons come from the responses: each line is made inert, so
        // that no response can add a line of its own (a forged account line) or act on a terminal.
        return lines.map(\.inertForTerminal).joined(separator: "\n") + "\n"
    }

    /// The account line of redovisning.txt; it adds up as the terminal's does.
    var swedishAccountLine: String {
        let late = compilation.lateCount
        return "Inlästa: \(compilation.read), godtagna: \(compilation.count(.accepted)), ersatta: \(compilation.count(.superseded)), "
            + "avvisade: \(compilation.count(.rejected))" + (late > 0 ? " (för sent inkomna: \(late))" : "")
    }

    // MARK: CSV

    package func csv() -> String {
        var out = ""
        csv { out += $0 }
        return out
    }

    /// kommentarer.csv, a row at a time.
    func csv(_ write: (String) throws -> Void) rethrows {
        func cell(_ value: String) -> String {
            // Quoted always; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
            var value = value
            if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
            return "\"" + (value.utf8.contains(0x22) ? value.replacing("\"", with: "\"\"") : value) + "\""
        }
        let separator = csvDialect.delimiter
        try write(csvDialect.bom)
        try write(["kommentar-id", "organisation-id", "organisation", "dokument", "punkt", "nummer", "rubrik", "betyg",
                     "slag", "kommentar", "stallningstagande", "motivering", "genomfors-i", "kalla", "for-sent"]
            .map(cell).joined(separator: separator) + "\r\n")
        for comment in compilation.comments {
            let (document, clause, number, heading) = describe(comment.place)
            try write([comment.id, comment.organisationID ?? "", comment.organisationName, document, clause, number, heading,
                         comment.grade?.label ?? "", comment.positive ? "fungerar bra" : "synpunkt", comment.text,
                         comment.disposition?.kind.rawValue ?? "", comment.disposition?.motivation ?? "",
                         comment.disposition?.carriedBy ?? "", comment.source, comment.late ? "ja" : "nej"]
                .map(cell).joined(separator: separator) + "\r\n")
        }
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
