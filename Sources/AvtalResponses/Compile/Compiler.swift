import AvtalCore
import AvtalPublishing
import Foundation

/// The steps of a compilation, one input at a time.
struct Compiler {
    let text: VersionText
    let consultees: Consultees?
    let workspace: Workspace
    var entries: [Compilation.Entry] = []
    /// Accepted so far, with the index of their entry.
    var accepted: [(response: Response, entry: Int)] = []
    let labels: ReferenceLabels
    let chapters: [String: Set<String>]
    /// The remiss's deadline and what to do with an answer saved after it; no settings, no deadline.
    let deadline: Date?
    let late: RemissSettings.LatePolicy
    let deadlineText: String

    init(text: VersionText, consultees: Consultees?, workspace: Workspace, remiss: RemissSettings? = nil) {
        deadline = remiss?.deadlineInstant
        late = remiss?.late ?? .accept
        deadlineText = remiss.map(SwedishText.deadline) ?? ""
        self.text = text
        self.consultees = consultees
        self.workspace = workspace
        labels = ReferenceLabels(text: text)
        chapters = Dictionary(uniqueKeysWithValues: text.documents.map { ($0.entry.id, Set($0.clauses.map(\.id))) })
    }

    mutating func add(_ result: Result<(Response, [ResponseProblem]), ResponseReader.Rejection>, file: String) {
        switch result {
        case let .failure(rejection):
            let place = rejection.place.map { " (\($0))" } ?? ""
            entries.append(.init(label: file + (rejection.place?.hasPrefix("rad ") == true ? " \(rejection.place!)" : ""),
                                 status: .rejected, organisation: nil,
                                 reasons: ["avvisat: \(rejection.message)\(rejection.place?.hasPrefix("rad ") == true ? "" : place)"]))
        case let .success((response, problems)):
            var reasons = problems.map { problem in "\(problem.place.map { "\($0): " } ?? "")\(problem.message)" }
            var normalized = normalize(response, reasons: &reasons)
            if let deadline, let saved = ResponseReader.time(response.exported), saved > deadline {
                normalized.late = true
                let when = "sparat \(response.exported), efter sista svarsdagen \(deadlineText)"
                if late == .reject {
                    entries.append(.init(label: response.label, status: .rejected, organisation: normalized.organisationName,
                                         reasons: ["kom in för sent: \(when); avvisat enligt inställningen late: reject"] + reasons,
                                         late: true))
                    return
                }
                reasons.insert("kom in för sent: \(when); räknas med och är märkt som sent", at: 0)
            }
            entries.append(.init(label: response.label, status: .accepted, organisation: normalized.organisationName,
                                 reasons: reasons, late: normalized.late))
            accepted.append((normalized, entries.count - 1))
        }
    }

    /// Matches the organisation to a consultee and maps every ID to the version compiled.
    func normalize(_ input: Response, reasons: inout [String]) -> Response {
        var response = input
        matchOrganisation(&response, reasons: &reasons)
        let otherVersion = response.version.isEmpty || response.version == text.id ? nil : response.version
        if let otherVersion {
            let known = workspace.versions.contains { $0.id == otherVersion } || otherVersion == VersionsFile.working
            reasons.append("svarar på versionen '\(otherVersion)'\(known ? "" : ", som inte finns i versions.yml"), inte '\(text.id)': punkterna har förts över till versionen där det går")
        }
        placeComments(&response, reasons: &reasons)
        mapGrades(&response, reasons: &reasons)
        return response
    }

    /// A known ID names the organisation as the consultee list spells it; without an ID, the name
    /// is matched. Neither drops the answer: an unknown organisation is kept and shown apart.
    func matchOrganisation(_ response: inout Response, reasons: inout [String]) {
        guard let consultees else { return }
        if let id = response.organisationID {
            if let (member, _) = consultees.member(id) {
                response.organisationName = member.name
            } else {
                reasons.append("okänt organisations-id '\(id)' ('\(response.organisationName)'): svaret räknas med men inte för någon remissinstans")
                response.organisationID = nil
            }
        } else if let match = consultees.groups.lazy.flatMap(\.members)
            .first(where: { $0.name.lowercased() == response.organisationName.lowercased() }) {
            response.organisationID = match.id
        } else {
            reasons.append("'\(response.organisationName)' är ingen remissinstans: svaret räknas med och redovisas under Andra organisationer")
        }
    }

    /// Comment keys through renames to the version's clauses; a key the version cannot place is
    /// kept under "?" and shown apart, never dropped.
    func placeComments(_ response: inout Response, reasons: inout [String]) {
        var comments: [String: String] = [:]
        for (key, comment) in response.comments.sorted(by: { $0.key < $1.key }) {
            guard let target = Target(key), let clause = target.clause else {
                reasons.append("comments.\(key): inte 'dokument#punkt'; kommentaren redovisas separat")
                comments["?" + key] = comment
                continue
            }
            let resolved = text.history.resolve(document: target.document, id: clause)
            if labels.index[target.document]?[resolved] != nil {
                if resolved != clause { reasons.append("comments.\(key): punkten heter nu '\(resolved)'; kommentaren placeras där") }
                comments["\(target.document)#\(resolved)"] = comment
            } else if let retirement = text.history.retired["\(target.document)#\(clause)"] {
                reasons.append("comments.\(key): punkten utgick genom \(retirement.by); kommentaren redovisas separat")
                comments["?" + key] = comment
            } else {
                reasons.append("comments.\(key): punkten finns inte i '\(text.id)'; kommentaren redovisas separat")
                comments["?" + key] = comment
            }
        }
        response.comments = comments
    }

    /// Chapter grades through renames; grades of unknown documents and chapters are reported here
    /// and left out of the tallies later.
    func mapGrades(_ response: inout Response, reasons: inout [String]) {
        for documentID in Set(response.documentGrades.keys).union(response.chapterGrades.keys).sorted()
        where text.document(documentID) == nil {
            reasons.append("grades.\(documentID): dokumentet finns inte i '\(text.id)'; betygen räknas inte och kommentarerna redovisas separat")
        }
        for (documentID, grades) in response.chapterGrades {
            for chapterID in grades.keys.sorted() where chapters[documentID] != nil {
                let resolved = text.history.resolve(document: documentID, id: chapterID)
                if resolved != chapterID, chapters[documentID]?.contains(resolved) == true {
                    let moved = response.chapterGrades[documentID]?.removeValue(forKey: chapterID)
                    response.chapterGrades[documentID]?[resolved] = moved
                    reasons.append("grades.\(documentID).chapters.\(chapterID): kapitlet heter nu '\(resolved)'; betyget räknas där")
                } else if chapters[documentID]?.contains(chapterID) != true {
                    reasons.append("grades.\(documentID).chapters.\(chapterID): inget kapitel i '\(documentID)'; betyget räknas inte och kommentaren redovisas separat")
                }
            }
        }
    }
}
