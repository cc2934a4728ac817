import AvtalCore
import CSV
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

/// Reads response files. Limits keep an oversized or absurd file from exhausting memory: such a
/// file is rejected with a message, never read half-way.
public enum ResponseReader {
    public static let maxFileSize = 5_000_000
    public static let maxTextLength = 20_000
    public static let maxComments = 5_000
    public static let format = "avtal-remissvar/1"

    public struct Rejection: Error, Sendable {
        public var message: String
        public var place: String?
    }

    /// A file's responses (one for JSON, one per row for CSV), each with the problems found in it, or
    /// the reason the whole file is rejected.
    public static func read(_ url: URL, name: String) -> [Result<(Response, [ResponseProblem]), Rejection>] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maxFileSize {
            return [.failure(Rejection(message: "the file is \(size) bytes, more than the \(maxFileSize) a response may have"))]
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return [.failure(Rejection(message: "the file cannot be read"))]
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return [.failure(Rejection(message: "the file is not UTF-8 text"))]
        }
        switch url.pathExtension.lowercased() {
        case "json": return [readJSON(text, source: name)]
        case "csv": return readCSV(text, source: name)
        default: return [.failure(Rejection(message: "not a response: only .json (the form) and .csv (a survey export) are read"))]
        }
    }

    // MARK: JSON from the form

    static func readJSON(_ json: String, source: String) -> Result<(Response, [ResponseProblem]), Rejection> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            return .failure(Rejection(message: "not valid JSON: \((error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)"))
        }
        guard let root = object as? [String: Any] else { return .failure(Rejection(message: "not a response: the JSON is not an object")) }
        guard root["format"] as? String == format else {
            return .failure(Rejection(message: "not a response saved by the form: 'format' is not \(format)", place: "format"))
        }
        var problems: [ResponseProblem] = []
        func problem(_ place: String, _ message: String) { problems.append(.init(source: source, place: place, message: message)) }
        func text(_ value: Any?, _ place: String, required: Bool = false) -> String? {
            guard let value, !(value is NSNull) else {
                if required { problem(place, "missing") }
                return nil
            }
            guard let string = value as? String else { problem(place, "not text"); return nil }
            guard string.count <= maxTextLength else {
                problem(place, "longer than \(maxTextLength) characters; cut to that length")
                return String(string.prefix(maxTextLength))
            }
            let trimmed = string.trimmed
            return trimmed.isEmpty ? nil : trimmed
        }
        guard let version = root["version"] as? String, !version.isEmpty else {
            return .failure(Rejection(message: "'version' is missing: the response does not say which text it answers", place: "version"))
        }
        guard let organisation = root["organisation"] as? [String: Any],
              let name = text(organisation["name"], "organisation.name", required: true)
        else {
            return .failure(Rejection(message: "'organisation' with a 'name' is missing: nobody can be credited with the answer", place: "organisation"))
        }
        let organisationID = text(organisation["id"], "organisation.id")
        let contact = root["contact"] as? [String: Any] ?? [:]
        if root["contact"] == nil { problem("contact", "missing") }
        var documentGrades: [String: Response.Graded] = [:]
        var chapterGrades: [String: [String: Response.Graded]] = [:]
        if let grades = root["grades"] as? [String: Any] {
            for (documentID, value) in grades.sorted(by: { $0.key < $1.key }) {
                guard let entry = value as? [String: Any] else { problem("grades.\(documentID)", "not an object"); continue }
                if let document = entry["document"] {
                    documentGrades[documentID] = graded(document, place: "grades.\(documentID).document", problem: problem, text: text)
                }
                if let chapters = entry["chapters"] as? [String: Any] {
                    for (chapterID, value) in chapters.sorted(by: { $0.key < $1.key }) {
                        chapterGrades[documentID, default: [:]][chapterID] =
                            graded(value, place: "grades.\(documentID).chapters.\(chapterID)", problem: problem, text: text)
                    }
                }
            }
        } else if root["grades"] != nil {
            problem("grades", "not an object")
        }
        var comments: [String: String] = [:]
        if let list = root["comments"] as? [String: Any] {
            guard list.count <= maxComments else {
                return .failure(Rejection(message: "\(list.count) comments, more than the \(maxComments) a response may have", place: "comments"))
            }
            for (key, value) in list.sorted(by: { $0.key < $1.key }) {
                if let comment = text(value, "comments.\(key)") { comments[key] = comment }
            }
        } else if root["comments"] != nil {
            problem("comments", "not an object")
        }
        let exported = text(root["exported"], "exported") ?? ""
        if !exported.isEmpty, isoTime(exported) == nil {
            problem("exported", "'\(exported)' is not an ISO 8601 time; the file's order decides between two answers")
        }
        let response = Response(
            source: source, row: nil, version: version, organisationID: organisationID, organisationName: name,
            contactName: text(contact["name"], "contact.name", required: true) ?? "",
            contactEmail: text(contact["email"], "contact.email", required: true) ?? "",
            contactPhone: text(contact["phone"], "contact.phone"),
            documentGrades: documentGrades, chapterGrades: chapterGrades, comments: comments, exported: exported)
        return .success((response, problems))
    }

    private static func graded(
        _ value: Any, place: String, problem: (String, String) -> Void, text: (Any?, String, Bool) -> String?
    ) -> Response.Graded {
        guard let entry = value as? [String: Any] else {
            problem(place, "not an object")
            return Response.Graded()
        }
        return Response.Graded(grade: grade(entry["grade"], place: "\(place).grade", problem: problem),
                               comment: text(entry["comment"], "\(place).comment", false))
    }

    /// 1–4 or "ingen synpunkt"; anything else is reported and not counted.
    static func grade(_ value: Any?, place: String, problem: (String, String) -> Void) -> Response.Grade? {
        switch value {
        case nil, is NSNull:
            return nil
        case let number as NSNumber:
            // true and false arrive as numbers too; they are not grades.
            let type = String(cString: number.objCType)
            guard type != "c", type != "B" else {
                problem(place, "\(number.boolValue) is not a grade; not counted")
                return nil
            }
            let double = number.doubleValue
            if double == double.rounded(), (1...4).contains(double) { return .scale(Int(double)) }
            problem(place, "\(number) is not on the scale 1–4; not counted")
            return nil
        case let string as String:
            let normalized = string.trimmed.lowercased()
            if let n = Int(normalized), (1...4).contains(n) { return .scale(n) }
            if normalized.isEmpty { return nil }
            if ["ingen-synpunkt", "ingen synpunkt"].contains(normalized) { return .noOpinion }
            problem(place, "'\(string.prefix(40))' is not on the scale 1–4 or 'ingen synpunkt'; not counted")
            return nil
        default:
            problem(place, "not a grade; not counted")
            return nil
        }
    }

    /// An ISO 8601 time as the form writes it, with or without fractional seconds.
    static func isoTime(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// A time as a form or a survey tool writes it: ISO 8601, or "2025-06-11 10:00" and the like
    /// (read as UTC). Only used to order two answers from the same organisation.
    public static func time(_ text: String) -> Date? {
        if let date = isoTime(text) { return date }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.trimmed) { return date }
        }
        return nil
    }

    // MARK: CSV from a survey tool

    /// The layout docs/responses.md documents: a header row, then one row per organisation.
    static let fixedColumns = ["version", "organisation-id", "organisation", "contact-name", "contact-email", "contact-phone", "exported"]

    static func readCSV(_ text: String, source: String) -> [Result<(Response, [ResponseProblem]), Rejection>] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        // Spreadsheets set to Swedish export with semicolons.
        let delimiter: UnicodeScalar = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true, delimiter: delimiter)
        } catch {
            return [.failure(Rejection(message: "not a CSV file with a header row: \(error)"))]
        }
        guard let header = reader.headerRow else { return [.failure(Rejection(message: "the CSV file has no header row"))] }
        let columns = header.map { $0.trimmed }
        guard columns.contains("organisation") else {
            return [.failure(Rejection(message: "the CSV header has no 'organisation' column (see docs/responses.md)", place: "row 1"))]
        }
        var unknownColumns: [String] = []
        for column in columns where !fixedColumns.contains(column) && !column.hasPrefix("grade:") && !column.hasPrefix("comment:") {
            unknownColumns.append(column)
        }
        var results: [Result<(Response, [ResponseProblem]), Rejection>] = []
        var rowNumber = 1
        while let fields = reader.next() {
            rowNumber += 1
            if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            if rowNumber > maxComments {
                results.append(.failure(Rejection(message: "more than \(maxComments) rows; the rest of the file is not read", place: "row \(rowNumber)")))
                break
            }
            results.append(readRow(fields, columns: columns, unknownColumns: unknownColumns, source: source, row: rowNumber))
        }
        if results.isEmpty { return [.failure(Rejection(message: "the CSV file has a header but no answers"))] }
        return results
    }

    private static func readRow(
        _ fields: [String], columns: [String], unknownColumns: [String], source: String, row: Int
    ) -> Result<(Response, [ResponseProblem]), Rejection> {
        var problems: [ResponseProblem] = []
        let place = "row \(row)"
        func problem(_ message: String) { problems.append(.init(source: source, place: place, message: message)) }
        var values: [String: String] = [:]
        for (index, column) in columns.enumerated() where index < fields.count {
            var value = fields[index].trimmed
            if value.count > maxTextLength {
                problem("'\(column)' is longer than \(maxTextLength) characters; cut to that length")
                value = String(value.prefix(maxTextLength))
            }
            if !value.isEmpty { values[column] = value }
        }
        if fields.count > columns.count { problem("\(fields.count - columns.count) cells beyond the header's columns are not read") }
        for column in unknownColumns where values[column] != nil { problem("column '\(column)' is not part of the layout; not read") }
        guard let name = values["organisation"] else {
            return .failure(Rejection(message: "no organisation in the 'organisation' column", place: place))
        }
        var documentGrades: [String: Response.Graded] = [:]
        var chapterGrades: [String: [String: Response.Graded]] = [:]
        var comments: [String: String] = [:]
        for (column, value) in values.sorted(by: { $0.key < $1.key }) {
            if column.hasPrefix("grade:") {
                let target = String(column.dropFirst(6))
                let grade = grade(value, place: "\(place), \(column)") { _, message in problem("\(column): \(message)") }
                guard let grade else { continue }
                if let slash = target.firstIndex(of: "/") {
                    chapterGrades[String(target[..<slash]), default: [:]][String(target[target.index(after: slash)...]), default: .init()].grade = grade
                } else {
                    documentGrades[target, default: .init()].grade = grade
                }
            } else if column.hasPrefix("comment:") {
                let target = String(column.dropFirst(8))
                if target.contains("#") {
                    comments[target] = value
                } else if let slash = target.firstIndex(of: "/") {
                    chapterGrades[String(target[..<slash]), default: [:]][String(target[target.index(after: slash)...]), default: .init()].comment = value
                } else {
                    documentGrades[target, default: .init()].comment = value
                }
            }
        }
        if values["contact-email"] == nil { problem("no contact e-mail") }
        let response = Response(
            source: source, row: row, version: values["version"] ?? "", organisationID: values["organisation-id"],
            organisationName: name, contactName: values["contact-name"] ?? "", contactEmail: values["contact-email"] ?? "",
            contactPhone: values["contact-phone"], documentGrades: documentGrades, chapterGrades: chapterGrades,
            comments: comments, exported: values["exported"] ?? "")
        return .success((response, problems))
    }
}
