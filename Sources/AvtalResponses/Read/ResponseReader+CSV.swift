import AvtalCore
import CSV
import Foundation

/// A survey tool's export: one response per row.
extension ResponseReader {
    /// The layout docs/responses.md documents: a header row, then one row per organisation.
    static let fixedColumns = ["version", "organisation-id", "organisation", "contact-name", "contact-email", "contact-phone", "exported"]

    package static func readCSV(_ text: String, source: String) -> [Result<(Response, [ResponseProblem]), Rejection>] {
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
