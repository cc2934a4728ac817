import AvtalCore
import AvtalMarkdown
import Foundation

/// The compilation of a remiss's responses: every input accounted for, every grade counted, every
/// comment placed under its clause with a stable ID and the working group's disposition.
public struct Compilation: Sendable {
    public enum Status: String, Sendable {
        case accepted, superseded, rejected
    }

    /// One input (a JSON file, or a row of a CSV export) and what became of it.
    public struct Entry: Sendable {
        public var label: String
        public var status: Status
        public var organisation: String?
        public var reasons: [String]
    }

    /// Where a comment belongs: a clause, a chapter's grade, a document's grade — or nowhere the
    /// version knows, in which case it is kept and shown apart.
    public enum Place: Hashable, Sendable {
        case clause(document: String, clause: String)
        case chapter(document: String, chapter: String)
        case document(String)
        case unplaced(String)
    }

    public struct Comment: Sendable {
        public var id: String
        public var place: Place
        public var organisationID: String?
        public var organisationName: String
        public var text: String
        public var grade: Response.Grade?
        public var source: String
        public var disposition: Disposition?
    }

    public struct Tally: Sendable, Hashable {
        /// Index 0–3 for grades 1–4, index 4 for "ingen synpunkt".
        public var counts = [0, 0, 0, 0, 0]
        public var total: Int { counts.reduce(0, +) }
    }

    public var version: String
    public var entries: [Entry]
    public var responses: [Response]
    public var comments: [Comment]
    /// Document ID → tally of the document's grades; "doc/chapter" → tally of the chapter's.
    public var tallies: [String: Tally]
    /// Problems with the dispositions file; each makes the run fail.
    public var dispositionProblems: [Diagnostic]

    public var read: Int { entries.count }
    public func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

    /// The account line, which always adds up: read = accepted + superseded + rejected.
    public var accountLine: String {
        "files: \(read) read, \(count(.accepted)) accepted, \(count(.superseded)) superseded, \(count(.rejected)) rejected"
    }

    public var openComments: Int { comments.filter { $0.disposition == nil }.count }

    /// Compiles the files of `folder` (sorted by name) against version `text`.
    public static func compile(
        folder: URL, text: VersionText, consultees: Consultees?, workspace: Workspace, dispositions: SourceFile?
    ) throws -> Compilation {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else {
            throw RemissPackage.Failure.notReady("cannot read the folder \(folder.path)")
        }
        var inputs: [(String, URL)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { inputs.append((name, url)) }
        }
        var compiler = Compiler(text: text, consultees: consultees, workspace: workspace)
        for (name, url) in inputs {
            for result in ResponseReader.read(url, name: name) { compiler.add(result, file: name) }
        }
        return compiler.finish(dispositions: dispositions)
    }
}

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
        if let consultees {
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
        let otherVersion = response.version.isEmpty || response.version == text.id ? nil : response.version
        if let otherVersion {
            let known = workspace.versions.contains { $0.id == otherVersion } || otherVersion == VersionsFile.working
            reasons.append("answers version '\(otherVersion)'\(known ? "" : ", which is not in versions.yml"), not '\(text.id)': IDs mapped through renames where they can be")
        }
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
        return response
    }

    mutating func finish(dispositions: SourceFile?) -> Compilation {
        // The same organisation twice: the later save wins; the earlier is superseded, not lost.
        var latest: [String: Int] = [:]
        for (index, item) in accepted.enumerated() {
            let key = item.response.organisationID ?? "name:" + item.response.organisationName.lowercased()
            if let previous = latest[key] {
                let older = Self.isLater(item.response, than: accepted[previous].response) ? previous : index
                let newer = older == previous ? index : previous
                entries[accepted[older].entry].status = .superseded
                entries[accepted[older].entry].reasons.append("superseded by \(accepted[newer].response.label), saved later by the same organisation")
                latest[key] = newer
            } else {
                latest[key] = index
            }
        }
        let kept = latest.values.sorted().map { accepted[$0].response }

        var tallies: [String: Compilation.Tally] = [:]
        var comments: [Compilation.Comment] = []
        func slot(_ grade: Response.Grade) -> Int {
            switch grade {
            case let .scale(n): n - 1
            case .noOpinion: 4
            }
        }
        for response in kept {
            func add(_ place: Compilation.Place, _ text: String, grade: Response.Grade? = nil) {
                comments.append(.init(id: Self.commentID(response, place: place, text: text), place: place,
                                      organisationID: response.organisationID, organisationName: response.organisationName,
                                      text: text, grade: grade, source: response.label, disposition: nil))
            }
            for (documentID, graded) in response.documentGrades.sorted(by: { $0.key < $1.key }) {
                let known = text.document(documentID) != nil
                if known, let grade = graded.grade { tallies[documentID, default: .init()].counts[slot(grade)] += 1 }
                if let comment = graded.comment { add(known ? .document(documentID) : .unplaced(documentID), comment, grade: graded.grade) }
            }
            for (documentID, grades) in response.chapterGrades.sorted(by: { $0.key < $1.key }) {
                for (chapterID, graded) in grades.sorted(by: { $0.key < $1.key }) {
                    let known = chapters[documentID]?.contains(chapterID) == true
                    if known, let grade = graded.grade { tallies["\(documentID)/\(chapterID)", default: .init()].counts[slot(grade)] += 1 }
                    if let comment = graded.comment {
                        add(known ? .chapter(document: documentID, chapter: chapterID) : .unplaced("\(documentID)/\(chapterID)"),
                            comment, grade: graded.grade)
                    }
                }
            }
            for (key, comment) in response.comments.sorted(by: { $0.key < $1.key }) {
                if key.hasPrefix("?") {
                    add(.unplaced(String(key.dropFirst())), comment)
                } else if let target = Target(key), let clause = target.clause {
                    add(.clause(document: target.document, clause: clause), comment)
                }
            }
        }
        comments = sortedInDocumentOrder(comments)

        var problems: [Diagnostic] = []
        if let dispositions {
            let (list, diagnostics) = DispositionsFile.read(dispositions)
            problems += diagnostics
            var byID: [String: Disposition] = [:]
            for disposition in list { byID[disposition.commentID] = disposition }
            let ids = Set(comments.map(\.id))
            for disposition in list where !ids.contains(disposition.commentID) {
                let near = Suggestions.nearest(to: disposition.commentID, in: ids)
                problems.append(Diagnostic(.unknownComment, "Disposition for unknown comment '\(disposition.commentID)'",
                                           at: disposition.range, stage: .check,
                                           notes: near.first.map { [DiagnosticNote("did you mean '\($0)'?")] }
                                               ?? [DiagnosticNote("comment IDs are listed in kommentarer.csv of the compilation")]))
            }
            for index in comments.indices { comments[index].disposition = byID[comments[index].id] }
        }
        return Compilation(version: text.id, entries: entries, responses: kept, comments: comments, tallies: tallies,
                           dispositionProblems: problems)
    }

    static func isLater(_ a: Response, than b: Response) -> Bool {
        switch (ResponseReader.time(a.exported), ResponseReader.time(b.exported)) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return false // Same time or none: the one read first (by file name) stays, the later input wins.
        }
    }

    /// A stable ID from the organisation, the place and the text: the same comment gets the same ID
    /// in every compilation, so dispositions recorded against it keep holding.
    static func commentID(_ response: Response, place: Compilation.Place, text: String) -> String {
        let organisation = response.organisationID ?? Suggestions.clauseID(fromHeading: response.organisationName)
        // The kind of place is hashed too: a chapter's grade comment and a comment on the same
        // chapter's own clause are two comments, even with the same text.
        let where_: String
        let kind: String
        switch place {
        case let .clause(document, clause): (where_, kind) = ("\(document)--\(clause)", "clause")
        case let .chapter(document, chapter): (where_, kind) = ("\(document)--\(chapter)", "chapter")
        case let .document(document): (where_, kind) = (document, "document")
        case let .unplaced(key): (where_, kind) = (Suggestions.clauseID(fromHeading: key), "unplaced")
        }
        let hash = TextDigest.sha256("\(organisation)\n\(kind):\(where_)\n\(text)").prefix(8)
        return "\(organisation)--\(where_)--\(hash)"
    }

    /// Comments in the order of the text: documents as listed, clauses in document order, then by
    /// organisation; those the version cannot place come last.
    func sortedInDocumentOrder(_ comments: [Compilation.Comment]) -> [Compilation.Comment] {
        var order: [String: Int] = [:]
        var position = 0
        for document in text.documents {
            order[document.entry.id] = position
            position += 1
            document.walk { clause, _ in
                order["\(document.entry.id)#\(clause.id)"] = position
                position += 1
            }
        }
        func key(_ comment: Compilation.Comment) -> (Int, Int, String, String) {
            switch comment.place {
            case let .document(document): (order[document] ?? Int.max, 0, comment.organisationName, comment.id)
            case let .chapter(document, chapter): (order["\(document)#\(chapter)"] ?? Int.max, 0, comment.organisationName, comment.id)
            case let .clause(document, clause): (order["\(document)#\(clause)"] ?? Int.max, 1, comment.organisationName, comment.id)
            case .unplaced: (Int.max, 2, comment.organisationName, comment.id)
            }
        }
        // Each key once, not on every comparison.
        return comments.map { (key($0), $0) }.sorted { $0.0 < $1.0 }.map(\.1)
    }
}
