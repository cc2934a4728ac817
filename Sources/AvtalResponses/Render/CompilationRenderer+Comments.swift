import AvtalCore
import AvtalPublishing
import Foundation

/// The comments clause by clause, each with what the filters read: organisation, party, grade,
/// disposition and kind (what works well, or a point of view).
extension CompilationRenderer {
    func documentViews() -> [DocumentView] {
        var byPlace: [Compilation.Place: [Compilation.Comment]] = [:]
        for comment in compilation.comments { byPlace[comment.place, default: []].append(comment) }
        return text.documents.map { document in
            let id = document.entry.id
            var places: [PlaceView] = []
            if let comments = byPlace[.document(id)] {
                places.append(PlaceView(heading: "Dokumentet som helhet", commentsHTML: commentsHTML(comments)))
            }
            document.walk { clause, path in
                let number = document.number(at: path)
                let heading = labels.index[id]?[clause.id]?.heading ?? clause.heading
                let comments = (byPlace[.chapter(document: id, chapter: clause.id)] ?? []) + (byPlace[.clause(document: id, clause: clause.id)] ?? [])
                if !comments.isEmpty { places.append(PlaceView(heading: "\(number) \(heading)", commentsHTML: commentsHTML(comments))) }
            }
            return DocumentView(id: id, title: document.frontMatter.title, places: places, hasPlaces: !places.isEmpty)
        }
    }

    /// The comments of one place as HTML; every value is escaped here.
    func commentsHTML(_ comments: [Compilation.Comment]) -> String {
        let e = HTML.escape
        var out = ""
        for comment in comments {
            let parties = Overview.partyIDs(of: comment.organisationID, consultees: consultees).joined(separator: " ")
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
