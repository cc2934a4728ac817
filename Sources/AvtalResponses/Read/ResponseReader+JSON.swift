import AvtalCore
import Foundation

/// A file saved by the response form.
extension ResponseReader {
    package static func readJSON(_ json: String, source: String) -> Result<(Response, [ResponseProblem]), Rejection> {
        let root: [String: Any]
        switch formObject(json) {
        case let .failure(rejection): return .failure(rejection)
        case let .success(object): root = object
        }
        var fields = JSONFields(source: source)
        guard let version = root["version"] as? String, !version.isEmpty else {
            return .failure(Rejection(message: "'version' saknas: svaret säger inte vilken text det gäller", place: "version"))
        }
        guard let organisation = root["organisation"] as? [String: Any],
              let name = fields.text(organisation["name"], "organisation.name", required: true)
        else {
            return .failure(Rejection(message: "'organisation' med 'name' saknas: det går inte att se vem som har svarat", place: "organisation"))
        }
        let organisationID = fields.text(organisation["id"], "organisation.id")
        let contact = root["contact"] as? [String: Any] ?? [:]
        if root["contact"] == nil { fields.problem("contact", "saknas") }
        let (documentGrades, chapterGrades) = fields.grades(root["grades"])
        let comments: [String: String]
        switch fields.comments(root["comments"]) {
        case let .failure(rejection): return .failure(rejection)
        case let .success(read): comments = read
        }
        let exported = fields.text(root["exported"], "exported") ?? ""
        if !exported.isEmpty, isoTime(exported) == nil {
            fields.problem("exported", "'\(exported)' är ingen tid enligt ISO 8601; filernas ordning avgör mellan två svar")
        }
        let contactName = fields.text(contact["name"], "contact.name", required: true) ?? ""
        let contactEmail = fields.text(contact["email"], "contact.email", required: true) ?? ""
        let contactPhone = fields.text(contact["phone"], "contact.phone")
        let response = Response(
            source: source, row: nil, version: version, organisationID: organisationID, organisationName: name,
            contactName: contactName, contactEmail: contactEmail, contactPhone: contactPhone,
            documentGrades: documentGrades, chapterGrades: chapterGrades, comments: comments, exported: exported)
        return .success((response, fields.problems))
    }

    /// The top-level object, or why the file is not a save of this form at all.
    static func formObject(_ json: String) -> Result<[String: Any], Rejection> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8))
        } catch {
            return .failure(Rejection(message: "ingen giltig JSON: \((error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)"))
        }
        guard let root = object as? [String: Any] else { return .failure(Rejection(message: "inget remissvar: JSON-texten är inget objekt")) }
        guard root["format"] as? String == format else {
            return .failure(Rejection(message: "inget svar sparat med formuläret: 'format' är inte \(format)", place: "format"))
        }
        return .success(root)
    }
}

/// Reads the fields of one form save and collects what was wrong with them, in reading order: the
/// account lists the problems in that order.
struct JSONFields {
    typealias Rejection = ResponseReader.Rejection

    let source: String
    private(set) var problems: [ResponseProblem] = []

    init(source: String) {
        self.source = source
    }

    mutating func problem(_ place: String, _ message: String) {
        problems.append(.init(source: source, place: place, message: message))
    }

    /// Trimmed text, or nil when absent or blank. Text over the limit is cut, not dropped, so that
    /// an answer is never lost for being long.
    mutating func text(_ value: Any?, _ place: String, required: Bool = false) -> String? {
        guard let value, !(value is NSNull) else {
            if required { problem(place, "saknas") }
            return nil
        }
        guard let string = value as? String else {
            problem(place, "ingen text")
            return nil
        }
        guard string.count <= ResponseReader.maxTextLength else {
            problem(place, "längre än \(ResponseReader.maxTextLength) tecken; texten har kortats till den längden")
            return String(string.prefix(ResponseReader.maxTextLength))
        }
        let trimmed = string.trimmed
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `grades`: per document its own grade and its chapters' grades.
    mutating func grades(_ value: Any?) -> ([String: Response.Graded], [String: [String: Response.Graded]]) {
        var documentGrades: [String: Response.Graded] = [:]
        var chapterGrades: [String: [String: Response.Graded]] = [:]
        guard let grades = value as? [String: Any] else {
            if value != nil { problem("grades", "inget objekt") }
            return (documentGrades, chapterGrades)
        }
        for (documentID, value) in grades.sorted(by: { $0.key < $1.key }) {
            guard let entry = value as? [String: Any] else {
                problem("grades.\(documentID)", "inget objekt")
                continue
            }
            if let document = entry["document"] {
                documentGrades[documentID] = graded(document, place: "grades.\(documentID).document")
            }
            if let chapters = entry["chapters"] as? [String: Any] {
                for (chapterID, value) in chapters.sorted(by: { $0.key < $1.key }) {
                    chapterGrades[documentID, default: [:]][chapterID] = graded(value, place: "grades.\(documentID).chapters.\(chapterID)")
                }
            }
        }
        return (documentGrades, chapterGrades)
    }

    mutating func graded(_ value: Any, place: String) -> Response.Graded {
        guard let entry = value as? [String: Any] else {
            problem(place, "inget objekt")
            return Response.Graded()
        }
        let grade = ResponseReader.grade(entry["grade"], place: "\(place).grade") { problem($0, $1) }
        return Response.Graded(grade: grade, comment: text(entry["comment"], "\(place).comment"),
                               worksWell: text(entry["works-well"], "\(place).works-well"))
    }

    /// `comments`: "document#clause" → text. Too many rejects the file rather than reading part of it.
    mutating func comments(_ value: Any?) -> Result<[String: String], Rejection> {
        var comments: [String: String] = [:]
        guard let list = value as? [String: Any] else {
            if value != nil { problem("comments", "inget objekt") }
            return .success(comments)
        }
        guard list.count <= ResponseReader.maxComments else {
            return .failure(Rejection(message: "\(list.count) kommentarer, fler än de \(ResponseReader.maxComments) ett svar får ha", place: "comments"))
        }
        for (key, value) in list.sorted(by: { $0.key < $1.key }) {
            if let comment = text(value, "comments.\(key)") { comments[key] = comment }
        }
        return .success(comments)
    }
}
