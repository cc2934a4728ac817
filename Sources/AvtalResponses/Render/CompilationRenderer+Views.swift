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
        var id: String
        var title: String
        var rows: [RespondentRow]
        var count: String
        var missing: String
        var hasMissing: Bool
    }

    /// One row of a data table beside a figure: the counts of grades 1–4, ingen synpunkt and in all.
    struct TableRow {
        var label: String
        var isHeading: Bool
        var counts: [Int]
        var total: Int
    }

    struct LinkView {
        var anchor: String
        var label: String
    }

    struct OptionView {
        var value: String
        var label: String
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
        var places: [PlaceView]
        var hasPlaces: Bool
    }

    struct Page {
        var title: String
        var accepted: Int
        var superseded: Int
        var rejected: Int
        var read: Int
        var late: Int
        var hasLate: Bool
        var deadline: String
        var overviewSVG: String
        var overviewRows: [TableRow]
        var partySVG: String
        var partyRows: [TableRow]
        var hasParties: Bool
        var contents: [LinkView]
        var answeredCount: String
        var groups: [GroupView]
        var others: [RespondentRow]
        var hasOthers: Bool
        var organisations: [OptionView]
        var parties: [OptionView]
        var documents: [DocumentView]
        var unplacedHTML: String
        var hasUnplaced: Bool
        var openComments: Int
        var totalComments: Int
        var positiveComments: Int
    }

    static func tableRow(_ label: String, isHeading: Bool, _ tally: Compilation.Tally) -> TableRow {
        TableRow(label: label, isHeading: isHeading, counts: tally.counts, total: tally.total)
    }

    /// The filter value of a disposition: its kind as an ID, or "inte-behandlad".
    static func dispositionKey(_ disposition: Disposition?) -> String {
        disposition.map { $0.kind.rawValue.replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "ö", with: "o") }
            ?? "inte-behandlad"
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
