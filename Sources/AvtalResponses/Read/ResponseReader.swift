import AvtalCore
import Foundation

/// Reads response files. Limits keep an oversized or absurd file from exhausting memory: such a
/// file is rejected with a message, never read half-way.
package enum ResponseReader {
    package static let maxFileSize = 5_000_000
    package static let maxTextLength = 20_000
    package static let maxComments = 5_000
    package static let format = "avtal-remissvar/1"

    package struct Rejection: Error, Sendable {
        package var message: String
        package var place: String?
    }

    /// A file's responses (one for JSON, one per row for CSV), each with the problems found in it, or
    /// the reason the whole file is rejected.
    package static func read(_ url: URL, name: String) -> [Result<(Response, [ResponseProblem]), Rejection>] {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maxFileSize {
            return [.failure(Rejection(message: "filen är \(size) byte, mer än de \(maxFileSize) ett svar får vara"))]
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return [.failure(Rejection(message: "filen går inte att läsa"))]
        }
        let text: String
        switch TextFile.decode(data) {
        case let .success(decoded): text = decoded
        case let .failure(bad):
            return [.failure(Rejection(message: "filen är inte text i UTF-8: \(bad.description)",
                                       place: "på rad \(bad.location.line), kolumn \(bad.location.column)"))]
        }
        switch url.pathExtension.lowercased() {
        case "json": return [readJSON(text, source: name)]
        case "csv": return readCSV(text, source: name)
        default: return [.failure(Rejection(message: "inget remissvar: bara .json (formuläret) och .csv (en export från ett enkätverktyg) läses in"))]
        }
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
                problem(place, "\(number.boolValue) är inget betyg; räknas inte")
                return nil
            }
            let double = number.doubleValue
            if double == double.rounded(), (1...4).contains(double) { return .scale(Int(double)) }
            problem(place, "\(number) finns inte på skalan 1–4; räknas inte")
            return nil
        case let string as String:
            let normalized = string.trimmed.lowercased()
            if let n = Int(normalized), (1...4).contains(n) { return .scale(n) }
            if normalized.isEmpty { return nil }
            if ["ingen-synpunkt", "ingen synpunkt"].contains(normalized) { return .noOpinion }
            problem(place, "'\(string.prefix(40))' finns inte på skalan 1–4 eller ingen synpunkt; räknas inte")
            return nil
        default:
            problem(place, "inget betyg; räknas inte")
            return nil
        }
    }

    /// An ISO 8601 time as the form writes it, with or without fractional seconds.
    static func isoTime(_ text: String) -> Date? {
        if let date = plainISO.date(from: text) { return date }
        return fractionalISO.date(from: text)
    }

    // Made once: a formatter per call was a twentieth of the time of 200 responses. The compiler reads
    // on one thread.
    nonisolated(unsafe) private static let plainISO = ISO8601DateFormatter()
    nonisolated(unsafe) private static let fractionalISO: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()

    /// A time as a form or a survey tool writes it: ISO 8601, or "2025-06-11 10:00" and the like
    /// (read as UTC). Only used to order two answers from the same organisation.
    package static func time(_ text: String) -> Date? {
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
}
