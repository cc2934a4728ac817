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

    init(text: VersionText, consultees: Consultees?, workspace: Workspace) {
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
            entries.append(.init(label: file + (rejection.place?.hasPrefix("row") == true ? " \(rejection.place!)" : ""),
                                 status: .rejected, organisation: nil,
                                 reasons: ["rejected: \(rejection.message)\(rejection.place?.hasPrefix("row") == true ? "" : place)"]))
        case let .success((response, problems)):
            var reasons = problems.map { problem in "\(problem.place.map { "\($0): " } ?? "")\(problem.message)" }
            let normalized = normalize(response, reasons: &reasons)
            entries.append(.init(label: response.label, status: .accepted, organisation: normalized.organisationName, reasons: reasons))
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
            reasons.append("answers version '\(otherVersion)'\(known ? "" : ", which is not in versions.yml"), not '\(text.id)': IDs mapped through renames where they can be")
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
                reasons.append("unknown organisation ID '\(id)' ('\(response.organisationName)'): kept, and not counted for any consultee")
                response.organisationID = nil
            }
        } else if let match = consultees.groups.lazy.flatMap(\.members)
            .first(where: { $0.name.lowercased() == response.organisationName.lowercased() }) {
            response.organisationID = match.id
        } else {
            reasons.append("organisation '\(response.organisationName)' is not a consultee: kept, and listed with the other organisations")
        }
    }

    /// Comment keys through renames to the version's clauses; a key the version cannot place is
    /// kept under "?" and shown apart, never dropped.
    func placeComments(_ response: inout Response, reasons: inout [String]) {
        var comments: [String: String] = [:]
        for (key, comment) in response.comments.sorted(by: { $0.key < $1.key }) {
            guard let target = Target(key), let clause = target.clause else {
                reasons.append("comments.\(key): not 'document#clause'; kept apart")
                comments["?" + key] = comment
                continue
            }
            let resolved = text.history.resolve(document: target.document, id: clause)
            if labels.index[target.document]?[resolved] != nil {
                if resolved != clause { reasons.append("comments.\(key): clause renamed to '\(resolved)'; placed there") }
                comments["\(target.document)#\(resolved)"] = comment
            } else if let retirement = text.history.retired["\(target.document)#\(clause)"] {
                reasons.append("comments.\(key): the clause was retired by \(retirement.by); kept apart")
                comments["?" + key] = comment
            } else {
                reasons.append("comments.\(key): unknown clause in '\(text.id)'; kept apart")
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
            reasons.append("grades.\(documentID): unknown document in '\(text.id)'; its grades are not counted and its comments kept apart")
        }
        for (documentID, grades) in response.chapterGrades {
            for chapterID in grades.keys.sorted() where chapters[documentID] != nil {
                let resolved = text.history.resolve(document: documentID, id: chapterID)
                if resolved != chapterID, chapters[documentID]?.contains(resolved) == true {
                    let moved = response.chapterGrades[documentID]?.removeValue(forKey: chapterID)
                    response.chapterGrades[documentID]?[resolved] = moved
                    reasons.append("grades.\(documentID).chapters.\(chapterID): renamed to '\(resolved)'; counted there")
                } else if chapters[documentID]?.contains(chapterID) != true {
                    reasons.append("grades.\(documentID).chapters.\(chapterID): not a chapter of '\(documentID)'; not counted, comment kept apart")
                }
            }
        }
    }
}
