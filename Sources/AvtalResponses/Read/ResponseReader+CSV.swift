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
            return [.failure(Rejection(message: "ingen CSV-fil med en rubrikrad: \(error)"))]
        }
        guard let header = reader.headerRow else { return [.failure(Rejection(message: "CSV-filen saknar rubrikrad"))] }
        let columns = header.map { $0.trimmed }
        guard columns.contains("organisation") else {
            return [.failure(Rejection(message: "CSV-filens rubrikrad saknar kolumnen 'organisation' (se docs/responses.md)", place: "rad 1"))]
        }
        var unknownColumns: [String] = []
        for column in columns where !fixedColumns.contains(column) && !column.hasPrefix("grade:") && !column.hasPrefix("comment:")
            && !column.hasPrefix("works-well:") {
            unknownColumns.append(column)
        }
        var results: [Result<(Response, [ResponseProblem]), Rejection>] = []
        var rowNumber = 1
        while let fields = reader.next() {
            rowNumber += 1
            if fields.allSatisfy({ $0.trimmed.isEmpty }) { continue }
            if rowNumber > maxComments {
                results.append(.failure(Rejection(message: "fler än \(maxComments) rader; resten av filen läses inte", place: "rad \(rowNumber)")))
                break
            }
            results.append(readRow(fields, columns: columns, unknownColumns: unknownColumns, source: source, row: rowNumber))
        }
        if results.isEmpty { return [.failure(Rejection(message: "CSV-filen har en rubrikrad men inga svar"))] }
        return results
    }

    private static func readRow(
        _ fields: [String], columns: [String], unknownColumns: [String], source: String, row: Int
    ) -> Result<(Response, [ResponseProblem]), Rejection> {
        var problems: [ResponseProblem] = []
        let place = "rad \(row)"
        func problem(_ message: String) { problems.append(.init(source: source, place: place, message: message)) }
        var values: [String: String] = [:]
        for (index, column) in columns.enumerated() where index < fields.count {
            var value = fields[index].trimmed
            if value.count > maxTextLength {
                problem("'\(column)' är längre än \(maxTextLength) tecken; texten har kortats till den längden")
                value = String(value.prefix(maxTextLength))
            }
            if !value.isEmpty { values[column] = value }
        }
        if fields.count > columns.count { problem("\(fields.count - columns.count) celler utanför rubrikradens kolumner läses inte") }
        for column in unknownColumns where values[column] != nil { problem("kolumnen '\(column)' ingår inte i formatet; läses inte") }
        guard let name = values["organisation"] else {
            return .failure(Rejection(message: "ingen organisation i kolumnen 'organisation'", place: place))
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
            } else if column.hasPrefix("works-well:") {
                let target = String(column.dropFirst(11))
                if let slash = target.firstIndex(of: "/") {
                    chapterGrades[String(target[..<slash]), default: [:]][String(target[target.index(after: slash)...]), default: .init()].worksWell = value
                } else {
                    documentGrades[target, default: .init()].worksWell = value
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
        if values["contact-email"] == nil { problem("ingen e-postadress till kontaktpersonen") }
        let response = Response(
            source: source, row: row, version: values["version"] ?? "", organisationID: values["organisation-id"],
            organisationName: name, contactName: values["contact-name"] ?? "", contactEmail: values["contact-email"] ?? "",
            contactPhone: values["contact-phone"], documentGrades: documentGrades, chapterGrades: chapterGrades,
            comments: comments, exported: values["exported"] ?? "")
        return .success((response, problems))
    }
}
