import AvtalCore
import AvtalPublishing
import Foundation

/// The figures that open the summary, as data: one row per document and graded chapter, and the
/// documents' grades split by party. Plain values, so that another writer (an export) can draw them
/// its own way.
package struct Overview: Sendable {
    package struct Row: Sendable {
        /// "hos-avtal" for a document, "hos-avtal/avtalstid" for one of its chapters.
        package var key: String
        package var label: String
        package var isDocument: Bool
        package var tally: Compilation.Tally
    }

    /// A party whose answers are counted apart: all municipalities, the municipalities of one
    /// kommunalförbund, a consultee group of its own (the kommunalförbund, the region's boards), or
    /// organisations that are not consultees.
    package struct Party: Sendable {
        package var id: String
        package var label: String
        /// A part of the party above it (the municipalities of one kommunalförbund).
        package var isPart: Bool
        /// Document ID → the tally of this party's answers.
        package var tallies: [String: Compilation.Tally]
    }

    package var rows: [Row]
    package var parties: [Party]
    /// Document ID and short title, in the order of the version.
    package var documents: [(id: String, title: String)]

    /// The ID of the party that groups every municipality.
    package static let allMunicipalities = "kommuner"
    package static let others = "andra-organisationer"

    init(compilation: Compilation, text: VersionText, consultees: Consultees?, labels: ReferenceLabels) {
        documents = text.documents.map { ($0.entry.id, $0.frontMatter.shortTitle) }
        rows = []
        for document in text.documents {
            let id = document.entry.id
            rows.append(Row(key: id, label: document.frontMatter.shortTitle, isDocument: true,
                            tally: compilation.tallies[id] ?? .init()))
            for clause in document.clauses {
                guard let tally = compilation.tallies["\(id)/\(clause.id)"] else { continue }
                let info = labels.index[id]?[clause.id]
                rows.append(Row(key: "\(id)/\(clause.id)", label: "\(info?.number ?? "") \(info?.heading ?? clause.heading)",
                                isDocument: false, tally: tally))
            }
        }
        parties = Self.parties(compilation: compilation, text: text, consultees: consultees)
    }

    /// The parties a respondent belongs to, most general first: a municipality of GR is in
    /// "kommuner" and in "kommuner-gr".
    package static func partyIDs(of organisationID: String?, consultees: Consultees?) -> [String] {
        guard let organisationID, let (_, group) = consultees?.member(organisationID) else { return [others] }
        return group.kommunalforbund == nil ? [group.id] : [allMunicipalities, group.id]
    }

    private static func parties(compilation: Compilation, text: VersionText, consultees: Consultees?) -> [Party] {
        let groups = consultees?.groups ?? []
        var list: [Party] = []
        if groups.contains(where: { $0.kommunalforbund != nil }) {
            list.append(Party(id: allMunicipalities, label: "Alla kommuner", isPart: false, tallies: [:]))
        }
        list += groups.filter { $0.kommunalforbund != nil }.map { Party(id: $0.id, label: $0.title, isPart: true, tallies: [:]) }
        list += groups.filter { $0.kommunalforbund == nil }.map { Party(id: $0.id, label: $0.title, isPart: false, tallies: [:]) }
        list.append(Party(id: others, label: "Andra organisationer", isPart: false, tallies: [:]))
        var index: [String: Int] = [:]
        for (position, party) in list.enumerated() { index[party.id] = position }
        for response in compilation.responses {
            for partyID in partyIDs(of: response.organisationID, consultees: consultees) {
                guard let position = index[partyID] else { continue }
                for (documentID, graded) in response.documentGrades where text.document(documentID) != nil {
                    guard let grade = graded.grade else { continue }
                    list[position].tallies[documentID, default: .init()].counts[Compiler.slot(grade)] += 1
                }
            }
        }
        return list.filter { !$0.tallies.isEmpty }
    }
}
