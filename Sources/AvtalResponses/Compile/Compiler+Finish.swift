import AvtalCore
import AvtalPublishing
import Foundation

/// The last steps, once every input is read: one answer per organisation, grades counted, comments
/// placed in the order of the text, dispositions applied.
extension Compiler {
    mutating func finish(dispositions: SourceFile?) -> Compilation {
        var kept = supersedeEarlierSaves()
        var tallies: [String: Compilation.Tally] = [:]
        var comments: [Compilation.Comment] = []
        for index in kept.indices {
            collect(kept[index], comments: &comments, tallies: &tallies)
            // The texts live on in `comments`; a second copy in the response would double the memory
            // of 2 000 responses.
            kept[index].dropTexts()
        }
        comments = sortedInDocumentOrder(comments)
        let problems = dispositions.map { apply($0, to: &comments) } ?? []
        return Compilation(version: text.id, entries: entries, responses: kept, comments: comments, tallies: tallies,
                           dispositionProblems: problems)
    }

    /// The same organisation twice: the later save wins; the earlier is superseded, not lost.
    mutating func supersedeEarlierSaves() -> [Response] {
        var latest: [String: Int] = [:]
        for (index, item) in accepted.enumerated() {
            let key = item.response.organisationID ?? "name:" + item.response.organisationName.lowercased()
            if let previous = latest[key] {
                let older = Self.isLater(item.response, than: accepted[previous].response) ? previous : index
                let newer = older == previous ? index : previous
                entries[accepted[older].entry].status = .superseded
                entries[accepted[older].entry].reasons.append("ersatt av \(accepted[newer].response.label), som samma organisation sparade senare")
                latest[key] = newer
            } else {
                latest[key] = index
            }
        }
        return latest.values.sorted().map { accepted[$0].response }
    }

    /// One response's grades into the tallies and its comments into the list; grades of documents
    /// and chapters the version does not have are not counted, their comments kept apart.
    func collect(_ response: Response, comments: inout [Compilation.Comment], tallies: inout [String: Compilation.Tally]) {
        // Once per response: the name made into an ID was a twelfth of the time when done per comment.
        let organisation = response.organisationID ?? Suggestions.clauseID(fromHeading: response.organisationName)
        func add(_ place: Compilation.Place, _ text: String, grade: Response.Grade? = nil, positive: Bool = false) {
            comments.append(.init(id: Self.commentID(organisation: organisation, place: place, text: text, positive: positive), place: place,
                                  organisationID: response.organisationID, organisationName: response.organisationName,
                                  text: text, grade: positive ? nil : grade, source: response.label, disposition: nil,
                                  positive: positive, late: response.late))
        }
        for (documentID, graded) in response.documentGrades.sorted(by: { $0.key < $1.key }) {
            let known = text.document(documentID) != nil
            if known, let grade = graded.grade { tallies[documentID, default: .init()].counts[Self.slot(grade)] += 1 }
            if let comment = graded.comment { add(known ? .document(documentID) : .unplaced(documentID), comment, grade: graded.grade) }
            if let good = graded.worksWell { add(known ? .document(documentID) : .unplaced(documentID), good, positive: true) }
        }
        for (documentID, grades) in response.chapterGrades.sorted(by: { $0.key < $1.key }) {
            for (chapterID, graded) in grades.sorted(by: { $0.key < $1.key }) {
                let known = chapters[documentID]?.contains(chapterID) == true
                if known, let grade = graded.grade { tallies["\(documentID)/\(chapterID)", default: .init()].counts[Self.slot(grade)] += 1 }
                let place: Compilation.Place = known ? .chapter(document: documentID, chapter: chapterID) : .unplaced("\(documentID)/\(chapterID)")
                if let comment = graded.comment { add(place, comment, grade: graded.grade) }
                if let good = graded.worksWell { add(place, good, positive: true) }
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

    /// The index of a grade in `Tally.counts`.
    static func slot(_ grade: Response.Grade) -> Int {
        switch grade {
        case let .scale(n): n - 1
        case .noOpinion: 4
        }
    }

    /// Sets each comment's disposition from the working group's file and reports dispositions whose
    /// comment does not exist (a mistyped ID would otherwise hide an answered comment as open).
    func apply(_ file: SourceFile, to comments: inout [Compilation.Comment]) -> [Diagnostic] {
        let (list, diagnostics) = DispositionsFile.read(file)
        var problems = diagnostics
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
        return problems
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
    static func commentID(organisation: String, place: Compilation.Place, text: String, positive: Bool = false) -> String {
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
        // A positive comment's kind is its own, so that the same words as praise and as critique differ.
        let hash = TextDigest.sha256("\(organisation)\n\(positive ? "works-well-" : "")\(kind):\(where_)\n\(text)", digits: 8)
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
