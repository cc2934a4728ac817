import AvtalCore
import AvtalMarkdown
import Foundation
import Mustache

/// The compilation as files: the summary page, the same data as JSON, one CSV row per comment for
/// further work in a spreadsheet, and the account of every input with its reasons.
public struct CompilationRenderer {
    public let compilation: Compilation
    public let text: VersionText
    public let consultees: Consultees?
    public let templates: TemplateLibrary
    public let versionTitle: String
    /// Numbers and headings of the version's clauses, built once: a profile of 200 responses spent
    /// most of its time rebuilding them per comment.
    let labels: ReferenceLabels

    public init(compilation: Compilation, text: VersionText, consultees: Consultees?, templates: TemplateLibrary, versionTitle: String) {
        labels = ReferenceLabels(text: text)
        self.compilation = compilation
        self.text = text
        self.consultees = consultees
        self.templates = templates
        self.versionTitle = versionTitle
    }

    public static let page = "sammanstallning.html"
    public static let json = "sammanstallning.json"
    public static let csv = "kommentarer.csv"
    public static let account = "redovisning.txt"

    public func files() throws -> [String: Data] {
        [
            Self.page: Data(try html().utf8),
            Self.json: json(),
            Self.csv: Data(csv().utf8),
            Self.account: Data(account().utf8),
        ]
    }

    static let scaleLabels = ["1 instämmer inte alls", "2 instämmer delvis", "3 instämmer till stor del", "4 instämmer helt", "ingen synpunkt"]

    // MARK: Account

    public func account() -> String {
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
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: CSV

    public func csv() -> String {
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

    // MARK: JSON

    struct JSONSummary: Encodable {
        var version: String
        var account: [String: Int]
        var entries: [JSONEntry]
        var respondents: [JSONRespondent]
        var missing: [String]
        var grades: [String: [String: Int]]
        var comments: [JSONComment]
        var openComments: Int
    }

    struct JSONEntry: Encodable {
        var input: String
        var status: String
        var organisation: String?
        var reasons: [String]
    }

    struct JSONRespondent: Encodable {
        var id: String?
        var name: String
        var source: String
    }

    struct JSONComment: Encodable {
        var id: String
        var organisationID: String?
        var organisation: String
        var document: String
        var clause: String
        var number: String
        var grade: String?
        var text: String
        var disposition: String?
        var motivation: String?
        var carriedBy: String?
    }

    public func json() -> Data {
        let summary = JSONSummary(
            version: compilation.version,
            account: ["read": compilation.read, "accepted": compilation.count(.accepted),
                      "superseded": compilation.count(.superseded), "rejected": compilation.count(.rejected)],
            entries: compilation.entries.map { .init(input: $0.label, status: $0.status.rawValue, organisation: $0.organisation, reasons: $0.reasons) },
            respondents: compilation.responses.map { .init(id: $0.organisationID, name: $0.organisationName, source: $0.label) },
            missing: missingConsultees().flatMap { $0.members.map(\.id) },
            grades: compilation.tallies.mapValues { tally in
                Dictionary(uniqueKeysWithValues: zip(["1", "2", "3", "4", "ingen-synpunkt"], tally.counts))
            },
            comments: compilation.comments.map { comment in
                let (document, clause, number, _) = describe(comment.place)
                return .init(id: comment.id, organisationID: comment.organisationID, organisation: comment.organisationName,
                             document: document, clause: clause, number: number, grade: comment.grade?.label, text: comment.text,
                             disposition: comment.disposition?.kind.rawValue, motivation: comment.disposition?.motivation,
                             carriedBy: comment.disposition?.carriedBy)
            },
            openComments: compilation.openComments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(summary)) ?? Data()) + Data("\n".utf8)
    }

    // MARK: Who answered

    func missingConsultees() -> [(title: String, members: [Consultees.Member])] {
        guard let consultees else { return [] }
        let answered = Set(compilation.responses.compactMap(\.organisationID))
        return consultees.groups.map { group in (group.title, group.members.filter { !answered.contains($0.id) }) }
    }

    // MARK: HTML

    struct RespondentRow {
        var name: String
        var answered: String
        var source: String
    }

    struct GroupView {
        var title: String
        var rows: [RespondentRow]
        var count: String
    }

    struct ChartView {
        var id: String
        var title: String
        var svg: String
        var rows: [CountRow]
        var total: Int
    }

    struct CountRow {
        var label: String
        var count: Int
    }

    struct CommentView: MustacheParent {
        func child(named name: String) -> Any? {
            switch name {
            case "id": id
            case "organisation": organisation
            case "text": text
            case "grade": grade
            case "hasGrade": hasGrade
            case "disposition": disposition
            case "motivation": motivation
            case "hasMotivation": hasMotivation
            case "carriedBy": carriedBy
            case "hasCarriedBy": hasCarriedBy
            case "isOpen": isOpen
            default: nil
            }
        }

        var id: String
        var organisation: String
        var text: String
        var grade: String
        var hasGrade: Bool
        var disposition: String
        var motivation: String
        var hasMotivation: Bool
        var carriedBy: String
        var hasCarriedBy: Bool
        var isOpen: Bool
    }

    struct PlaceView {
        var heading: String
        /// The comments' markup, written by `commentsHTML`: a partial rendered 20 000 times was most of
        /// the time of a large compilation.
        var commentsHTML: String
    }

    /// The comments of one place as HTML; every value is escaped here.
    func commentsHTML(_ comments: [Compilation.Comment]) -> String {
        var out = ""
        for comment in comments {
            let view = view(comment)
            out += "<article class=\"comment\(view.isOpen ? " open" : "")\" id=\"\(view.id)\">\n"
            out += "<p class=\"comment-meta\"><strong>\(view.organisation)</strong>"
            if view.hasGrade { out += " · \(view.grade)" }
            out += " · <code>\(view.id)</code></p>\n<p class=\"comment-text\">\(view.text)</p>\n"
            out += "<p class=\"disposition\"><strong>Ställningstagande:</strong> \(view.disposition)"
            if view.hasMotivation { out += ". \(view.motivation)" }
            if view.hasCarriedBy { out += " (genomförs i \(view.carriedBy))" }
            out += "</p>\n</article>\n"
        }
        return out
    }

    struct DocumentView {
        var id: String
        var title: String
        var chart: ChartView?
        var hasChart: Bool
        var chapters: [ChartView]
        var places: [PlaceView]
        var hasPlaces: Bool
    }

    struct Page {
        var title: String
        var account: String
        var accepted: Int
        var superseded: Int
        var rejected: Int
        var read: Int
        var groups: [GroupView]
        var others: [RespondentRow]
        var hasOthers: Bool
        var documents: [DocumentView]
        var unplacedHTML: String
        var hasUnplaced: Bool
        var openComments: Int
        var totalComments: Int
    }

    /// Every field is escaped here, where it is written into the page: the comment partial writes them
    /// with triple braces, because the template engine's escaper dominated the time of 20 000 comments.
    func view(_ comment: Compilation.Comment) -> CommentView {
        let e = HTML.escape
        return CommentView(id: e(comment.id), organisation: e(comment.organisationName), text: e(comment.text),
                           grade: e(comment.grade.map { "Betyg: \($0.label)" } ?? ""), hasGrade: comment.grade != nil,
                           disposition: e(comment.disposition?.kind.rawValue.capitalizedFirst ?? "Inte behandlad"),
                           motivation: e(comment.disposition?.motivation ?? ""), hasMotivation: comment.disposition != nil,
                           carriedBy: e(comment.disposition?.carriedBy ?? ""), hasCarriedBy: comment.disposition?.carriedBy != nil,
                           isOpen: comment.disposition == nil)
    }

    func chart(_ key: String, title: String) -> ChartView? {
        guard let tally = compilation.tallies[key] else { return nil }
        let id = "betyg-" + key.replacingOccurrences(of: "/", with: "--")
        return ChartView(id: id, title: title, svg: Self.svg(tally, title: title),
                         rows: zip(Self.scaleLabels, tally.counts).map { CountRow(label: $0, count: $1) }, total: tally.total)
    }

    /// Horizontal bars with the count written beside each, so the chart reads without colour.
    static func svg(_ tally: Compilation.Tally, title: String) -> String {
        let maximum = max(tally.counts.max() ?? 0, 1)
        let labelWidth = 190, barWidth = 220, rowHeight = 26
        var parts = ["<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(labelWidth + barWidth + 50) \(rowHeight * 5 + 4)\" aria-label=\""
            + HTML.escape("Fördelning av betyg, \(title): " + zip(scaleLabels, tally.counts).map { "\($0) \($1)" }.joined(separator: ", "))
            + "\">"]
        for (index, count) in tally.counts.enumerated() {
            let y = index * rowHeight + 2
            let width = count * barWidth / maximum
            parts.append("<text x=\"0\" y=\"\(y + 17)\">\(HTML.escape(scaleLabels[index]))</text>")
            parts.append("<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(rowHeight - 8)\"></rect>")
            parts.append("<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 17)\">\(count)</text>")
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    public func html() throws -> String {
        let answered = Dictionary(compilation.responses.compactMap { response in response.organisationID.map { ($0, response) } },
                                  uniquingKeysWith: { first, _ in first })
        let groups = (consultees?.groups ?? []).map { group in
            let rows = group.members.map { member in
                RespondentRow(name: member.name, answered: answered[member.id] == nil ? "Nej" : "Ja",
                              source: answered[member.id]?.label ?? "")
            }
            return GroupView(title: group.title, rows: rows,
                             count: "\(rows.filter { $0.answered == "Ja" }.count) av \(rows.count) har svarat")
        }
        let others = compilation.responses.filter { $0.organisationID == nil }
            .map { RespondentRow(name: $0.organisationName, answered: "Ja", source: $0.label) }

        var byPlace: [Compilation.Place: [Compilation.Comment]] = [:]
        for comment in compilation.comments { byPlace[comment.place, default: []].append(comment) }
        let documents = text.documents.map { document in
            let id = document.entry.id
            var chapters: [ChartView] = []
            var places: [PlaceView] = []
            if let comments = byPlace[.document(id)] {
                places.append(PlaceView(heading: "Dokumentet som helhet", commentsHTML: commentsHTML(comments)))
            }
            document.walk { clause, path in
                let number = EditableDocument.number(path)
                let heading = labels.index[id]?[clause.id]?.heading ?? clause.heading
                if path.count == 1, let chart = chart("\(id)/\(clause.id)", title: "\(number) \(heading)") { chapters.append(chart) }
                let comments = (byPlace[.chapter(document: id, chapter: clause.id)] ?? []) + (byPlace[.clause(document: id, clause: clause.id)] ?? [])
                if !comments.isEmpty { places.append(PlaceView(heading: "\(number) \(heading)", commentsHTML: commentsHTML(comments))) }
            }
            let documentChart = chart(id, title: document.frontMatter.shortTitle)
            return DocumentView(id: id, title: document.frontMatter.title, chart: documentChart, hasChart: documentChart != nil,
                                chapters: chapters, places: places, hasPlaces: !places.isEmpty)
        }
        let unplaced = compilation.comments.filter { if case .unplaced = $0.place { true } else { false } }
        let page = Page(
            title: "Sammanställning av remissvar – \(versionTitle)", account: compilation.accountLine,
            accepted: compilation.count(.accepted), superseded: compilation.count(.superseded),
            rejected: compilation.count(.rejected), read: compilation.read,
            groups: groups, others: others, hasOthers: !others.isEmpty, documents: documents,
            unplacedHTML: commentsHTML(unplaced), hasUnplaced: !unplaced.isEmpty,
            openComments: compilation.openComments, totalComments: compilation.comments.count)
        return try templates.render(page, with: "sammanstallning", frame: .standalone(title: page.title, siteTitle: page.title))
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
