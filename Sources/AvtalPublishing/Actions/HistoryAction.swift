import AvtalCore
import Foundation

/// `avtal history document#clause`: a clause's versions, decisions, agreed wording and commits.
package enum HistoryAction {
    package static func run(root: URL, target: String, git: Bool = true) throws(ActionFailure) -> ClauseHistory {
        let workspace = try Workspace.forAction(root: root)
        guard let parsed = Target(target), let id = parsed.clause else { throw .cannotRun("'\(target)' is not document#clause-id") }
        let document = parsed.document
        guard workspace.working?.document(document) != nil || workspace.texts.values.contains(where: { $0.document(document) != nil }) else {
            let known = workspace.working?.documents.map(\.id).joined(separator: ", ") ?? ""
            throw .cannotRun("no document '\(document)' (documents: \(known))")
        }
        let commits = git ? self.commits(document: document, id: id, in: workspace) : nil
        guard let history = ClauseHistory.build(document: document, clause: id, in: workspace, commits: commits) else {
            throw .cannotRun("document '\(document)' has no clause '\(id)' in the working text or any version, and no decision or retirement names it")
        }
        return history
    }

    /// `git log -L` over the clause's lines in the working text: the commits that touched them, newest
    /// first. Nil outside a repository.
    static func commits(document: String, id: String, in workspace: Workspace) -> [ClauseHistory.Commit]? {
        guard let corpus = workspace.working, let doc = corpus.document(document),
              GitRevision.git(["rev-parse", "--is-inside-work-tree"], in: workspace.root) != nil
        else { return nil }
        let resolved = corpus.manifest.history.resolve(document: document, id: id)
        guard let index = doc.clauseIndex[resolved] else { return [] }
        let clause = doc.clauses[index]
        let first = clause.headingRange.start.line
        let last = max(first, clause.bodyLines.upperBound - 1)
        // A file with uncommitted lines beyond the committed ones makes git refuse -L; the clause then
        // has no committed history to show.
        let format = "%h%x1f%as%x1f%an%x1f%s"
        guard let log = GitRevision.git(["log", "--no-patch", "--format=\(format)", "-L", "\(first),\(last):\(doc.source.path)"],
                                        in: workspace.root) else { return [] }
        return log.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            return ClauseHistory.Commit(id: fields[0], date: fields[1], author: fields[2], subject: fields[3])
        }
    }
}
