import Foundation

/// The whole `avtal check` run: load the sources, check them, and build and check every version.
public enum CheckAction {
    public static func run(root: URL) throws(CorpusUnreadable) -> CheckResult {
        let workspace = try Workspace.load(root: root)
        let diagnostics = Diagnostic.sortedForOutput(workspace.diagnostics)
        let corpus = workspace.working
        let summary = CheckSummary(
            documents: corpus?.documents.count ?? 0,
            clauses: corpus?.clauseCount ?? 0,
            references: corpus?.crossReferenceCount ?? 0,
            errors: diagnostics.filter { $0.severity == .error }.count,
            warnings: diagnostics.filter { $0.severity == .warning }.count)
        return CheckResult(diagnostics: diagnostics, summary: summary, sources: workspace.sources)
    }
}
