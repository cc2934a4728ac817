import AvtalCore
import AvtalPublishing
import Foundation

/// The summary page: who answered, the grades as charts, the comments under their clauses.
extension CompilationRenderer {
    package func html() throws -> String {
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
                let number = document.number(at: path)
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
        return try templates.render(page, with: "sammanstallning", frame: .standalone(
            title: page.title, siteTitle: page.title, statementHref: SiteBuilder.statement))
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
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
