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
        var comments: [JSONComment]
        var openComments: Int
    }

    struct JSONEntry: Encodable {
        var input: String
        var status: String
        var organisation: String?
        var reasons: [String]
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
    }

    package func json() -> Data {
        let summary = JSONSummary(
            version: compilation.version,
            account: ["read": compilation.read, "accepted": compilation.count(.accepted),
                      "superseded": compilation.count(.superseded), "rejected": compilation.count(.rejected)],
            entries: compilation.entries.map { .init(input: $0.label, status: $0.status.rawValue, organisation: $0.organisation, reasons: $0.reasons) },
            respondents: compilation.responses.map { .init(id: $0.organisationID, name: $0.organisationName, source: $0.label) },
            missing: missingConsultees().flatMap { $0.members.map(\.id) },
            grades: compilation.tallies.mapValues { tally in
                Dictionary(uniqueKeysWithValues: zip(["1", "2", "3", "4", "ingen-synpunkt"], tally.counts))
            },
            comments: compilation.comments.map { comment in
                let (document, clause, number, _) = describe(comment.place)
                return .init(id: comment.id, organisationID: comment.organisationID, organisation: comment.organisationName,
                             document: document, clause: clause, number: number, grade: comment.grade?.label, text: comment.text,
                             disposition: comment.disposition?.kind.rawValue, motivation: comment.disposition?.motivation,
                             carriedBy: comment.disposition?.carriedBy)
            },
            openComments: compilation.openComments)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(summary)) ?? Data()) + Data("\n".utf8)
    }

}
