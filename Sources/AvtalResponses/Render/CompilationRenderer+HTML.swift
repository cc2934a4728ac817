import AvtalCore
import AvtalPublishing
import Foundation

/// The summary page: the overview figure first, the party split, contents, who answered and who did
/// not, then the comments clause by clause.
extension CompilationRenderer {
    package func html() throws -> String {
        let (page, groups) = try pageWithMarkers()
        var html = ""
        expand(page, groups) { html += $0 }
        return html
    }

    /// The page, written piece by piece into `file`.
    func writeHTML(_ file: any FileAppender) throws {
        let (page, groups) = try pageWithMarkers()
        try expand(page, groups) { try file.append($0) }
    }

    func pageWithMarkers() throws -> (String, [[Compilation.Comment]]) {
        var commentGroups: [[Compilation.Comment]] = []
        let overview = Overview(compilation: compilation, text: text, consultees: consultees, labels: labels)
        let (groups, others) = respondents()
        let documents = documentViews(&commentGroups)
        let unplaced = compilation.comments.filter { if case .unplaced = $0.place { true } else { false } }
        var contents = [LinkView(anchor: "svarande", label: "Vilka har svarat och vilka har inte svarat"),
                        LinkView(anchor: "kommentarer", label: "Kommentarer punkt för punkt")]
        contents += documents.filter(\.hasPlaces).map { LinkView(anchor: "kommentarer--\($0.id)", label: "– \($0.title)") }
        if !unplaced.isEmpty { contents.append(LinkView(anchor: "ej-placerade", label: "Kommentarer som inte kunde placeras")) }
        let partyChart = partyFigure(overview)
        let answered = groups.reduce(0) { sum, group in sum + group.rows.filter { $0.answered == "Ja" }.count }
        let asked = groups.reduce(0) { $0 + $1.rows.count }
        let page = Page(
            title: "Sammanställning av remissvar – \(versionTitle)",
            accepted: compilation.count(.accepted), superseded: compilation.count(.superseded),
            rejected: compilation.count(.rejected), read: compilation.read, late: compilation.lateCount,
            hasLate: compilation.lateCount > 0, deadline: deadlineText,
            overviewSVG: overviewFigure(overview).svg,
            overviewRows: overview.rows.map { Self.tableRow($0.label, isHeading: $0.isDocument, $0.tally) },
            partySVG: partyChart.svg, partyRows: partyTable(overview), hasParties: !overview.parties.isEmpty,
            contents: contents, answeredCount: "\(answered) av \(asked) remissinstanser har svarat",
            groups: groups, others: others, hasOthers: !others.isEmpty,
            organisations: organisationOptions(), parties: overview.parties.map { OptionView(value: $0.id, label: $0.label) },
            documents: documents, unplacedHTML: Self.marker(unplaced, in: &commentGroups), hasUnplaced: !unplaced.isEmpty,
            openComments: compilation.openComments, totalComments: compilation.comments.count,
            positiveComments: compilation.comments.filter(\.positive).count)
        let html = try templates.render(page, with: "sammanstallning", frame: .standalone(
            title: page.title, siteTitle: page.title, statementHref: SiteBuilder.statement))
        return (try templates.fillScript(html, asset: "sammanstallning.js"), commentGroups)
    }

    func overviewFigure(_ overview: Overview) -> DivergingChart {
        DivergingChart(rows: overview.rows.map { .init(label: $0.label, isHeading: $0.isDocument, isIndented: !$0.isDocument, tally: $0.tally) },
                       scale: .counts,
                       label: "Betyg per dokument och kapitel, i antal svar på en gemensam skala: 1 och 2 till vänster om mittlinjen, "
                           + "3 och 4 till höger. Siffrorna finns i tabellen under diagrammet.")
    }

    /// Each document's own grade, party by party, as shares of the answers that gave a grade.
    func partyFigure(_ overview: Overview) -> DivergingChart {
        var rows: [DivergingChart.Row] = []
        for document in overview.documents {
            rows.append(.init(label: document.title, isHeading: true, isIndented: false, tally: .init()))
            for party in overview.parties {
                guard let tally = party.tallies[document.id] else { continue }
                rows.append(.init(label: party.isPart ? Self.shortParty(party.label) : party.label, isHeading: false,
                                  isIndented: true, tally: tally))
            }
        }
        return DivergingChart(rows: rows, scale: .shares,
                              label: "Betyg för varje dokument som helhet, part för part, som andel av dem som gav ett betyg. "
                                  + "Siffrorna finns i tabellen under diagrammet.")
    }

    func partyTable(_ overview: Overview) -> [TableRow] {
        overview.documents.flatMap { document in
            overview.parties.compactMap { party in
                party.tallies[document.id].map { Self.tableRow("\(document.title): \(party.label)", isHeading: false, $0) }
            }
        }
    }

    /// "Kommuner i Fyrbodals kommunalförbund" in a bar's label, where room is short: "– Fyrbodals kommunalförbund".
    static func shortParty(_ label: String) -> String {
        label.hasPrefix("Kommuner i ") ? "– " + label.dropFirst("Kommuner i ".count) : label
    }

    func respondents() -> ([GroupView], [RespondentRow]) {
        let answered = Dictionary(compilation.responses.compactMap { response in response.organisationID.map { ($0, response) } },
                                  uniquingKeysWith: { first, _ in first })
        let groups = (consultees?.groups ?? []).map { group in
            let rows = group.members.map { member in
                RespondentRow(name: member.name, answered: answered[member.id] == nil ? "Nej" : "Ja",
                              source: answered[member.id].map { $0.label + ($0.late ? " (för sent)" : "") } ?? "")
            }
            let missing = group.members.filter { answered[$0.id] == nil }.map(\.name)
            return GroupView(id: group.id, title: group.title, rows: rows,
                             count: "\(rows.count - missing.count) av \(rows.count) har svarat",
                             missing: missing.joined(separator: ", "), hasMissing: !missing.isEmpty)
        }
        let others = compilation.responses.filter { $0.organisationID == nil }
            .map { RespondentRow(name: $0.organisationName, answered: "Ja", source: $0.label) }
        return (groups, others)
    }

    func organisationOptions() -> [OptionView] {
        var seen = Set<String>()
        return compilation.comments.compactMap { comment in
            let key = Self.organisationKey(comment)
            return seen.insert(key).inserted ? OptionView(value: key, label: comment.organisationName) : nil
        }.sorted { $0.label.localizedCompare($1.label) == .orderedAscending }
    }

    /// The organisation as the comment's ID begins with it: its consultee ID, or its name made into an ID.
    static func organisationKey(_ comment: Compilation.Comment) -> String {
        comment.organisationID ?? comment.id.components(separatedBy: "--").first ?? comment.id
    }
}
