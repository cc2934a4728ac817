import AvtalCore
import AvtalPublishing
import Foundation

/// The comments clause by clause, each with what the filters read: organisation, party, grade,
/// disposition and kind (what works well, or a point of view).
extension CompilationRenderer {
    /// Each place's comments stand in the page as a marker (`commentsMarker`), filled in as the page is
    /// written: the page of 2 000 responses would otherwise be one string of a hundred megabytes.
    func documentViews(_ groups: inout [[Compilation.Comment]]) -> [DocumentView] {
        var byPlace: [Compilation.Place: [Compilation.Comment]] = [:]
        for comment in compilation.comments { byPlace[comment.place, default: []].append(comment) }
        return text.documents.map { document in
            let id = document.entry.id
            var places: [PlaceView] = []
            if let comments = byPlace[.document(id)] {
                places.append(PlaceView(heading: "Dokumentet som helhet", commentsHTML: Self.marker(comments, in: &groups)))
            }
            document.walk { clause, path in
                let number = document.number(at: path)
                let heading = labels.index[id]?[clause.id]?.heading ?? clause.heading
                let comments = (byPlace[.chapter(document: id, chapter: clause.id)] ?? []) + (byPlace[.clause(document: id, clause: clause.id)] ?? [])
                if !comments.isEmpty { places.append(PlaceView(heading: "\(number) \(heading)", commentsHTML: Self.marker(comments, in: &groups))) }
            }
            return DocumentView(id: id, title: document.frontMatter.title, places: places, hasPlaces: !places.isEmpty)
        }
    }

    /// A comment in the page: a respondent's text is escaped, so no data can write the `<!--` it starts with.
    static let commentsMarker = "<!--avtal-kommentarer:"

    static func marker(_ comments: [Compilation.Comment], in groups: inout [[Compilation.Comment]]) -> String {
        groups.append(comments)
        return "\(commentsMarker)\(groups.count - 1)-->"
    }

    /// The page with each marker replaced by its comments, handed on in pieces.
    func expand(_ page: String, _ groups: [[Compilation.Comment]], into write: (String) throws -> Void) rethrows {
        var rest = Substring(page)
        while let start = rest.range(of: Self.commentsMarker), let end = rest[start.upperBound...].range(of: "-->"),
              let index = Int(rest[start.upperBound..<end.lowerBound]), groups.indices.contains(index) {
            try write(String(rest[..<start.lowerBound]))
            try write(commentsHTML(groups[index]))
            rest = rest[end.upperBound...]
        }
        try write(String(rest))
    }

    /// The comments of one place as HTML; every value is escaped here.
    func commentsHTML(_ comments: [Compilation.Comment]) -> String {
        let e = HTML.escape
        var out = ""
        for comment in comments {
            let parties = comment.organisationID.flatMap { partiesOf[$0] } ?? Overview.others
            let grade = comment.grade.map { $0 == .noOpinion ? "ingen-synpunkt" : $0.label } ?? ""
            let id = e(comment.id)
            out += "<article class=\"comment\(comment.disposition == nil ? " open" : "")\(comment.positive ? " positive" : "")\" id=\"\(id)\""
            out += " data-organisation=\"\(e(Self.organisationKey(comment)))\" data-party=\"\(e(parties))\" data-grade=\"\(grade)\""
            out += " data-disposition=\"\(Self.dispositionKey(comment.disposition))\" data-kind=\"\(comment.positive ? "fungerar-bra" : "synpunkt")\">\n"
            out += "<p class=\"comment-meta\"><strong>\(e(comment.organisationName))</strong>"
            if comment.positive { out += " · <span class=\"tag positive\">Fungerar bra</span>" }
            if let label = comment.grade?.label { out += " · Betyg: \(e(label))" }
            if comment.late { out += " · <span class=\"tag late\">Kom in för sent</span>" }
            out += " · <code>\(id)</code></p>\n<p class=\"comment-text\">\(e(comment.text))</p>\n"
            out += "<p class=\"disposition\"><strong>Ställningstagande:</strong> "
            out += e(comment.disposition?.kind.rawValue.capitalizedFirst ?? "Inte behandlad")
            if let motivation = comment.disposition?.motivation { out += ". \(e(motivation))" }
            if let carriedBy = comment.disposition?.carriedBy { out += " (genomförs i \(e(carriedBy)))" }
            out += "</p>\n</article>\n"
        }
        return out
    }
}
