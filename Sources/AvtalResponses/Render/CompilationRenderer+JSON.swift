import AvtalCore
import AvtalPublishing
import Foundation

/// The compilation as JSON, for further processing by other tools.
extension CompilationRenderer {
    struct JSONSummary: Encodable {
        var version: String
        var account: [String: Int]
        var entries: [JSONEntry]
        var respondents: [JSONRespondent]
        var missing: [String]
        var grades: [String: [String: Int]]
        var openComments: Int
    }

    struct JSONEntry: Encodable {
        var input: String
        var status: String
        var organisation: String?
        var reasons: [String]
        var late: Bool
    }

    struct JSONRespondent: Encodable {
        var id: String?
        var name: String
        var source: String
    }

    struct JSONComment: Encodable {
        var id: String
        var organisationID: String?
        var organisation: String
        var document: String
        var clause: String
        var number: String
        var grade: String?
        var text: String
        var disposition: String?
        var motivation: String?
        var carriedBy: String?
        var positive: Bool
        var late: Bool
    }

    package func json() -> Data {
        var out = ""
        writeJSON { out += $0 }
        return Data(out.utf8)
    }

    /// sammanstallning.json with its comments written one at a time: the summary's fields first, then
    /// `comments`, each comment encoded on its own.
    func writeJSON(_ write: (String) throws -> Void) rethrows {
        let summary = JSONSummary(
            version: compilation.version,
            account: ["read": compilation.read, "accepted": compilation.count(.accepted),
                      "superseded": compilation.count(.superseded), "rejected": compilation.count(.rejected)],
            entries: compilation.entries.map {
                .init(input: $0.label, status: $0.status.rawValue, organisation: $0.organisation, reasons: $0.reasons, late: $0.late)
            },
            respondents: compilation.responses.map { .init(id: $0.organisationID, name: $0.organisationName, source: $0.label) },
            missing: missingConsultees().flatMap { $0.members.map(\.id) },
            grades: compilation.tallies.mapValues { tally in
                Dictionary(uniqueKeysWithValues: zip(["1", "2", "3", "4", "ingen-synpunkt"], tally.counts))
            },
            openComments: compilation.openComments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var head = String(decoding: (try? encoder.encode(summary)) ?? Data("{}".utf8), as: UTF8.self)
        while let last = head.last, last == "}" || last.isWhitespace { head.removeLast() }
        try write(head + ",\n  \"comments\" : [")
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for (index, comment) in compilation.comments.enumerated() {
            let (document, clause, number, _) = describe(comment.place)
            let item = JSONComment(
                id: comment.id, organisationID: comment.organisationID, organisation: comment.organisationName,
                document: document, clause: clause, number: number, grade: comment.grade?.label, text: comment.text,
                disposition: comment.disposition?.kind.rawValue, motivation: comment.disposition?.motivation,
                carriedBy: comment.disposition?.carriedBy, positive: comment.positive, late: comment.late)
            let data = (try? encoder.encode(item)) ?? Data("{}".utf8)
            try write((index == 0 ? "\n    " : ",\n    ") + String(decoding: data, as: UTF8.self))
        }
        try write("\n  ]\n}\n")
    }

}
