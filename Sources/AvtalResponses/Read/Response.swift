import Foundation


/// One consultee's answer, read from a file saved by the response form or from a row of a survey
/// tool's CSV export. Everything in it came from outside: it is validated here and escaped wherever
/// it is shown.
public struct Response: Sendable {
    public enum Grade: Hashable, Sendable {
        case scale(Int)
        case noOpinion

        public var label: String {
            switch self {
            case let .scale(n): String(n)
            case .noOpinion: "ingen synpunkt"
            }
        }
    }

    public struct Graded: Hashable, Sendable {
        public var grade: Grade?
        public var comment: String?
    }

    /// Where the response came from: a file, and for a CSV export the row.
    public var source: String
    public var row: Int?
    public var version: String
    public var organisationID: String?
    public var organisationName: String
    public var contactName: String
    public var contactEmail: String
    public var contactPhone: String?
    /// Document ID → its own grade and its chapters' grades (chapter ID → grade).
    public var documentGrades: [String: Graded]
    public var chapterGrades: [String: [String: Graded]]
    /// "document#clause" → comment.
    public var comments: [String: String]
    public var exported: String

    public var label: String { row.map { "\(source) row \($0)" } ?? source }
}

/// A problem with one input, for the account of the compilation.
public struct ResponseProblem: Hashable, Sendable {
    public var source: String
    /// A line or row in the file, or a field path ("grades.hos-avtal.chapters.x").
    public var place: String?
    public var message: String
}
