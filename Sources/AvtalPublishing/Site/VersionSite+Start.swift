import AvtalCore
import AvtalMarkdown
import Foundation

extension VersionSite {
    // MARK: Start page

    struct DocumentEntry {
        var href: String
        var title: String
        var kindLabel: String
        var validity: String
    }

    struct DecisionEntry {
        var href: String
        var title: String
        var kind: String
        var decided: String
        /// "Träder i kraft den 1 januari 2027"; empty when the patch does not say.
        var inForce: String
        var hasInForce: Bool
    }

    struct StartPage {
        var title: String
        var status: String
        var base: String
        var hasBase: Bool
        var documents: [DocumentEntry]
        var decisions: [DecisionEntry]
        var hasDecisions: Bool
        var changes: String
        var hasChanges: Bool
    }

    func renderStart(_ diff: VersionDiff?) throws -> String {
        let changes = diff.map(RedlineRenderer.summary) ?? ""
        let hasRedline = diff != nil
        let documents = text.documents.map {
            DocumentEntry(href: "\($0.entry.id).html", title: $0.frontMatter.title,
                          kindLabel: $0.entry.label ?? Self.kindLabel($0.entry.kind, lang: $0.entry.lang), validity: validity($0.frontMatter))
        }
        let decisions: [DecisionEntry] = (version?.patches ?? []).compactMap { patchID in
            guard let patch = builder.workspace.patches[patchID] else { return nil }
            return DecisionEntry(href: "beslut-\(patch.id).html", title: patch.title,
                                 kind: patch.kind == .correction ? "Rättelse" : "Justering",
                                 decided: "Beslutad av \(patch.decidedBy) \(SwedishDate.format(patch.decidedOn))",
                                 inForce: patch.inForceFrom.map { "Träder i kraft \(SwedishDate.format($0))" } ?? "",
                                 hasInForce: patch.inForceFrom != nil)
        }
        return try builder.page("version", StartPage(
            title: builder.versionTitle(id), status: Swedish.capitalizingFirst(builder.versionStatus(id)),
            base: version.map { builder.versionTitle($0.base) } ?? "", hasBase: version != nil,
            documents: documents, decisions: decisions, hasDecisions: !decisions.isEmpty,
            changes: changes, hasChanges: hasRedline),
            frame: frame(title: "Översikt", current: "index.html"))
    }
}
