import Foundation


/// One consultee's answer, read from a file saved by the response form or from a row of a survey
/// tool's CSV export. Everything in it came from outside: it is validated here and escaped wherever
/// it is shown.
package struct Response: Sendable {
    package enum Grade: Hashable, Sendable {
        case scale(Int)
        case noOpinion

        package var label: String {
            switch self {
            case let .scale(n): String(n)
            case .noOpinion: "ingen synpunkt"
            }
        }
    }

    package struct Graded: Hashable, Sendable {
        package var grade: Grade?
        package var comment: String?
        /// What works well ("det här fungerar bra"): the positive the working group wants lifted.
        package var worksWell: String?
    }

    /// Where the response came from: a file, and for a CSV export the row.
    package var source: String
    package var row: Int?
    package var version: String
    package var organisationID: String?
    package var organisationName: String
    package var contactName: String
    package var contactEmail: String
    package var contactPhone: String?
    /// Document ID → its own grade and its chapters' grades (chapter ID → grade).
    package var documentGrades: [String: Graded]
    package var chapterGrades: [String: [String: Graded]]
    /// "document#clause" → comment.
    package var comments: [String: String]
    package var exported: String
    /// Saved after the remiss's deadline (set by the compiler, which knows the deadline).
    package var late = false

    /// The grades without the comments beside them: what is left once the comments are collected.
    mutating func dropTexts() {
        comments = [:]
        for key in documentGrades.keys {
            documentGrades[key]?.comment = nil
            documentGrades[key]?.worksWell = nil
        }
        for (document, grades) in chapterGrades {
            chapterGrades[document] = grades.mapValues { Graded(grade: $0.grade) }
        }
    }

    package var label: String { row.map { "\(source) rad \($0)" } ?? source }
}

/// A problem with one input, for the account of the compilation.
package struct ResponseProblem: Hashable, Sendable {
    package var source: String
    /// A line or row in the file, or a field path ("grades.hos-avtal.chapters.x").
    package var place: String?
    package var message: String
}
