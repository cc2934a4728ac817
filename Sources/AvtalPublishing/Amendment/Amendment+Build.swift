import AvtalCore
import Foundation

extension Amendment {
    /// The amendment text of a patch of a loaded workspace, numbered as in the version that lists it:
    /// read from that version's assembly record, the text just before the patch and the text it produces.
    /// - Parameter version: the version to number against; by default the first that lists the patch.
    package static func build(patchID: String, in workspace: Workspace, version: String? = nil) throws(PublishingError) -> Amendment {
        guard let patch = workspace.patches[patchID] else {
            throw .unknownPatch(patchID, known: workspace.patches.keys.sorted())
        }
        let chosen = try chooseVersion(listing: patchID, in: workspace, version: version)
        guard let record = workspace.assemblies[chosen.id] else {
            throw workspace.versions.contains(where: { $0.id == chosen.base }) || chosen.base == VersionsFile.working
                ? .versionNotBuilt(chosen.base) : .unknownVersion(chosen.base, known: workspace.versions.map(\.id))
        }
        for earlier in chosen.patches.prefix(while: { $0 != patchID }) where workspace.patches[earlier] == nil {
            throw .patchDoesNotApply(patchID, version: chosen.id, problems: ["earlier patch '\(earlier)' is missing"])
        }
        guard let step = record.step(patchID) else { throw .patchInNoVersion(patchID) }
        let problems = step.earlier.flatMap(\.problems) + step.record.problems
        guard problems.isEmpty else {
            throw .patchDoesNotApply(patchID, version: chosen.id, problems: problems.map(\.summary))
        }
        return build(patch: patch, record: step.record, before: step.before, version: chosen.id, versionTitle: chosen.title)
    }

    private static func chooseVersion(listing patchID: String, in workspace: Workspace,
                                      version: String?) throws(PublishingError) -> Version {
        guard let version else {
            guard let first = workspace.versions.first(where: { $0.patches.contains(patchID) }) else {
                throw .patchInNoVersion(patchID)
            }
            return first
        }
        guard let found = workspace.versions.first(where: { $0.id == version }) else {
            throw .unknownVersion(version, known: workspace.versions.map(\.id))
        }
        guard found.patches.contains(patchID) else { throw .patchInNoVersion(patchID) }
        return found
    }

    /// The amendment text of `patch`, given the text just before it and the record of what it changed.
    /// - Parameter versionTitle: how the text names the version; its ID when not given.
    package static func build(patch: Patch, record: PatchRecord, before: VersionText, version: String,
                              versionTitle: String? = nil) -> Amendment {
        let after = record.text
        let changes = DocumentChanges.of(record)
        var sections: [Section] = []
        let labels = ReferenceLabels(text: after)
        var order = after.documents.map(\.entry.id)
        for document in before.documents where !order.contains(document.entry.id) { order.append(document.entry.id) }
        for documentID in order {
            guard let documentChanges = changes[documentID],
                  let old = before.document(documentID), let new = after.document(documentID) ?? before.document(documentID)
            else { continue }
            let section = section(old: old, new: new, fates: documentChanges.fates, fields: documentChanges.fields,
                                  labels: labels, decidedBy: patch.decidedBy)
            if !section.blocks.isEmpty { sections.append(section) }
        }
        return Amendment(patchID: patch.id, title: patch.title, kind: patch.kind, decidedBy: patch.decidedBy,
                         decidedOn: patch.decidedOn, reference: patch.reference,
                         rationale: patch.rationale.trimmingCharacters(in: .whitespacesAndNewlines),
                         version: version, versionTitle: versionTitle ?? version, inForceFrom: patch.inForceFrom,
                         sections: sections)
    }

    /// What the patch does to one clause, followed through renames.
    struct ClauseFate {
        /// Its ID before the patch; nil for an inserted clause.
        var originalID: String?
        var currentID: String
        var inserted = false
        var deleted = false
        var textChanged = false
        var headingChanged = false
        var moved = false
    }

    /// What the patch does to one document: its clauses' fates keyed by the ID they had before the patch
    /// (or at insertion), in the order the patch first touches them, and the front matter fields it sets.
    struct DocumentChanges {
        var fates: [ClauseFate] = []
        var byCurrentID: [String: Int] = [:]
        var fields: [FrontMatterField] = []

        static func of(_ record: PatchRecord) -> [String: DocumentChanges] {
            var changes: [String: DocumentChanges] = [:]
            for change in record.changes {
                changes[change.document, default: DocumentChanges()].add(change)
            }
            return changes
        }

        private mutating func fate(_ id: String) -> Int {
            if let index = byCurrentID[id] { return index }
            fates.append(ClauseFate(originalID: id, currentID: id))
            byCurrentID[id] = fates.count - 1
            return fates.count - 1
        }

        private mutating func add(_ change: ChangeRecord) {
            if case let .setMetadata(field, _, _) = change.operation {
                if !fields.contains(field) { fields.append(field) }
                return
            }
            guard let id = change.clause else { return }
            switch change.operation {
            case .insert:
                fates.append(ClauseFate(originalID: nil, currentID: id, inserted: true))
                byCurrentID[id] = fates.count - 1
            case .replace, .setText: fates[fate(id)].textChanged = true
            case .setHeading: fates[fate(id)].headingChanged = true
            case .delete: fates[fate(id)].deleted = true
            case .move: fates[fate(id)].moved = true
            case let .renameID(newID):
                let index = fate(id)
                byCurrentID[id] = nil
                fates[index].currentID = newID
                byCurrentID[newID] = index
            case .setMetadata: break
            }
        }
    }
}
