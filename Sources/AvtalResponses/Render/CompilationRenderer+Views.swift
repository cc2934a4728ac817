import AvtalCore
import AvtalPublishing
import Foundation

/// What the summary page shows, in the shape the template `sammanstallning` reads.
extension CompilationRenderer {
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

    /// One comment's fields, each already escaped (see `view(_:)`).
    struct CommentView {
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

    /// Every field is escaped here, and `commentsHTML` writes them as they are: the template engine's
    /// escaper dominated the time of 20 000 comments.
    func view(_ comment: Compilation.Comment) -> CommentView {
        let e = HTML.escape
        return CommentView(id: e(comment.id), organisation: e(comment.organisationName), text: e(comment.text),
                           grade: e(comment.grade.map { "Betyg: \($0.label)" } ?? ""), hasGrade: comment.grade != nil,
                           disposition: e(comment.disposition?.kind.rawValue.capitalizedFirst ?? "Inte behandlad"),
                           motivation: e(comment.disposition?.motivation ?? ""), hasMotivation: comment.disposition != nil,
                           carriedBy: e(comment.disposition?.carriedBy ?? ""), hasCarriedBy: comment.disposition?.carriedBy != nil,
                           isOpen: comment.disposition == nil)
    }
}
