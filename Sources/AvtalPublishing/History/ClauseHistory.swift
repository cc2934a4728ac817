import AvtalCore
import Foundation

/// Which wording of a clause applied when, and who decided it: every version that has the clause
/// (with its number there), every decision that changed it, its agreed wording, and the commits that
/// touched its lines in the working text. Disputes under the eskaleringstrappa turn on exactly this.
package struct ClauseHistory: Sendable {
    package struct Appearance: Sendable {
        package var version: String
        package var title: String
        package var status: VersionStatus?
        package var publishedOn: CalendarDate?
        /// The clause's ID in that version (it may have been renamed since).
        package var id: String
        package var number: String
        package var heading: String
    }

    package struct Decision: Sendable {
        package var version: String
        package var patch: String
        package var title: String
        package var kind: PatchKind?
        package var decidedBy: String
        package var decidedOn: CalendarDate?
        package var reference: String
        package var operation: String
        /// The clause's heading and text before and after the change; nil where there was none.
        package var before: String?
        package var after: String?
        /// The clause's ID before and after, where the change renamed it.
        package var renamed: (from: String, to: String)?
    }

    package struct Commit: Sendable, Hashable {
        package var id: String
        package var date: String
        package var author: String
        package var subject: String
    }

    package var document: String
    /// The ID asked for, and the ID it has in the working text now (after renames).
    package var asked: String
    package var current: String?
    package var appearances: [Appearance]
    package var decisions: [Decision]
    /// Earlier IDs that now lead to this clause, and whether it was retired (and by what).
    package var formerIDs: [String]
    package var retiredBy: String?
    package var agreed: [AgreedClause]
    /// Nil when the corpus is not in a git repository (or git is not there).
    package var commits: [Commit]?

    /// The clause's IDs across time: the one asked for, what it resolves to now, and every ID whose
    /// alias leads to it.
    static func identities(document: String, id: String, history: IDHistory) -> Set<String> {
        let now = history.resolve(document: document, id: id)
        var ids: Set<String> = [id, now]
        for key in history.aliases.keys where key.hasPrefix(document + "#") {
            let old = String(key.dropFirst(document.count + 1))
            if history.resolve(document: document, id: old) == now { ids.insert(old) }
        }
        return ids
    }

    package static func build(document: String, clause id: String, in workspace: Workspace, commits: [Commit]?) -> ClauseHistory? {
        let history = workspace.workingText?.history ?? workspace.working?.manifest.history ?? IDHistory()
        var ids = identities(document: document, id: id, history: history)
        for version in workspace.versions {
            if let text = workspace.texts[version.id] { ids.formUnion(identities(document: document, id: id, history: text.history)) }
        }
        var appearances: [Appearance] = []
        let order = [VersionsFile.working] + workspace.versions.map(\.id)
        for versionID in order {
            guard let text = workspace.texts[versionID], let doc = text.document(document),
                  let (found, path) = ids.lazy.compactMap({ id in doc.path(of: id).map { (id, $0) } }).first
            else { continue }
            let version = workspace.versions.first { $0.id == versionID }
            appearances.append(Appearance(version: versionID, title: version?.title ?? "arbetstexten", status: version?.status,
                                          publishedOn: version?.publishedOn, id: found, number: doc.number(at: path),
                                          heading: doc[path].heading))
        }
        let decisions = decisionsTouching(document: document, ids: ids, in: workspace)
        let agreed = workspace.agreed?.entries.filter { $0.document == document && ids.contains($0.clause) } ?? []
        let retired = ids.lazy.compactMap { history.retired["\(document)#\($0)"]?.by }.first
        guard !appearances.isEmpty || !decisions.isEmpty || retired != nil else { return nil }
        let current = workspace.workingText?.document(document).flatMap { doc in ids.first { doc.path(of: $0) != nil } }
        return ClauseHistory(document: document, asked: id, current: current, appearances: appearances, decisions: decisions,
                             formerIDs: ids.subtracting([current ?? id]).sorted(), retiredBy: retired, agreed: agreed,
                             commits: commits)
    }

    private static func decisionsTouching(document: String, ids: Set<String>, in workspace: Workspace) -> [Decision] {
        var decisions: [Decision] = []
        for version in workspace.versions {
            guard let record = workspace.assemblies[version.id] else { continue }
            for change in record.changes where change.document == document {
                let touched = [change.clause, change.before?.clause?.id, change.after?.clause?.id].compactMap { $0 }
                guard touched.contains(where: ids.contains) else { continue }
                let patch = workspace.patches[change.patch]
                func text(_ value: RecordedValue?) -> String? {
                    value?.clause.map { TextDigest.normalize($0.heading + "\n\n" + $0.body) }
                }
                decisions.append(Decision(version: version.id, patch: change.patch, title: patch?.title ?? change.patch,
                                          kind: patch?.kind, decidedBy: patch?.decidedBy ?? "", decidedOn: patch?.decidedOn,
                                          reference: patch?.reference.text ?? "", operation: change.operation.name,
                                          before: text(change.before), after: text(change.after),
                                          renamed: renaming(change)))
            }
        }
        return decisions
    }

    private static func renaming(_ change: ChangeRecord) -> (from: String, to: String)? {
        guard let old = change.before?.clause?.id, let new = change.after?.clause?.id, old != new else { return nil }
        return (old, new)
    }
}
