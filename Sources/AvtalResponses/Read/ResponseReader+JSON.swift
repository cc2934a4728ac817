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
            return .failure(Rejection(message: "'version' is missing: the response does not say which text it answers", place: "version"))
        }
        guard let organisation = root["organisation"] as? [String: Any],
              let name = fields.text(organisation["name"], "organisation.name", required: true)
        else {
            return .failure(Rejection(message: "'organisation' with a 'name' is missing: nobody can be credited with the answer", place: "organisation"))
        }
        let organisationID = fields.text(organisation["id"], "organisation.id")
        let contact = root["contact"] as? [String: Any] ?? [:]
        if root["contact"] == nil { fields.problem("contact", "missing") }
        let (documentGrades, chapterGrades) = fields.grades(root["grades"])
        let comments: [String: String]
        switch fields.comments(root["comments"]) {
        case let .failure(rejection): return .failure(rejection)
        case let .success(read): comments = read
        }
        let exported = fields.text(root["exported"], "exported") ?? ""
        if !exported.isEmpty, isoTime(exported) == nil {
            fields.problem("exported", "'\(exported)' is not an ISO 8601 time; the file's order decides between two answers")
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
            return .failure(Rejection(message: "not valid JSON: \((error as NSError).userInfo["NSDebugDescription"] ?? error.localizedDescription)"))
        }
        guard let root = object as? [String: Any] else { return .failure(Rejection(message: "not a response: the JSON is not an object")) }
        guard root["format"] as? String == format else {
            return .failure(Rejection(message: "not a response saved by the form: 'format' is not \(format)", place: "format"))
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
            if required { problem(place, "missing") }
            return nil
        }
        guard let string = value as? String else {
            problem(place, "not text")
            return nil
        }
        guard string.count <= ResponseReader.maxTextLength else {
            problem(place, "longer than \(ResponseReader.maxTextLength) characters; cut to that length")
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
            if value != nil { problem("grades", "not an object") }
            return (documentGrades, chapterGrades)
        }
        for (documentID, value) in grades.sorted(by: { $0.key < $1.key }) {
            guard let entry = value as? [String: Any] else {
                problem("grades.\(documentID)", "not an object")
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
            problem(place, "not an object")
            return Response.Graded()
        }
        let grade = ResponseReader.grade(entry["grade"], place: "\(place).grade") { problem($0, $1) }
        return Response.Graded(grade: grade, comment: text(entry["comment"], "\(place).comment"))
    }

    /// `comments`: "document#clause" → text. Too many rejects the file rather than reading part of it.
    mutating func comments(_ value: Any?) -> Result<[String: String], Rejection> {
        var comments: [String: String] = [:]
        guard let list = value as? [String: Any] else {
            if value != nil { problem("comments", "not an object") }
            return .success(comments)
        }
        guard list.count <= ResponseReader.maxComments else {
            return .failure(Rejection(message: "\(list.count) comments, more than the \(ResponseReader.maxComments) a response may have", place: "comments"))
        }
        for (key, value) in list.sorted(by: { $0.key < $1.key }) {
            if let comment = text(value, "comments.\(key)") { comments[key] = comment }
        }
        return .success(comments)
    }
}
