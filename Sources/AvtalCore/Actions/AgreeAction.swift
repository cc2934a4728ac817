import Foundation

/// `avtal agree doc#clause… --by … --on …`: records the working text's wording of clauses as what a
/// meeting agreed, in `agreed.yml`, so that `check` sees any later change (AV650).
public enum AgreeAction {
    public struct Recorded: Sendable {
        public var entries: [AgreedClause]
        public var file: URL
    }

    /// Refuses, writing nothing, when a clause does not exist or the working text has errors: an
    /// agreement is recorded on text that checks clean.
    public static func run(root: URL, clauses targets: [String], by: String, on date: CalendarDate,
                           note: String?) throws(ActionFailure) -> Recorded {
        let lock: FolderLock
        do { lock = try FolderLock(root.appendingPathComponent(PublishAction.lockName)) } catch { throw .cannotRun(error.description) }
        defer { withExtendedLifetime(lock) {} }
        let workspace = try Workspace.withoutErrors(root: root)
        guard let text = workspace.workingText else { throw .cannotRun("the working text could not be read") }
        var entries: [AgreedClause] = []
        for target in targets {
            guard let parsed = Target(target), let clause = parsed.clause, let document = text.document(parsed.document) else {
                throw .cannotRun("'\(target)' names no document of the working text; write document#clause-id (documents: \(text.documents.map(\.entry.id).joined(separator: ", ")))")
            }
            let id = text.history.resolve(document: parsed.document, id: clause)
            guard let path = document.path(of: id) else {
                throw .cannotRun("document '\(parsed.document)' has no clause '\(clause)'")
            }
            let wording = AgreedWording.text(of: document[path])
            entries.append(AgreedClause(target: "\(parsed.document)#\(id)", by: by, on: date, note: note, text: wording,
                                        sha256: TextDigest.sha256(wording), range: .file(AgreedWording.fileName)))
        }
        let file = root.appendingPathComponent(AgreedWording.fileName)
        let existing = workspace.sources[AgreedWording.fileName]?.text
        let updated = AgreedWording.appending(entries, to: existing)
        // Appending keeps the file's comments and earlier entries byte for byte, but only works when
        // `agreements:` is the file's last key, as a block list; read the result back to be sure.
        var problems: [Diagnostic] = []
        let reread = AgreedWording.read(SourceFile(path: AgreedWording.fileName, text: updated), diagnostics: &problems)
        guard problems.isEmpty, reread.entries.count == (workspace.agreed?.entries.count ?? 0) + entries.count else {
            throw .cannotRun("\(AgreedWording.fileName) is not in the form avtal writes (a block list under 'agreements:', the file's last key), so nothing was added; move 'agreements:' to the end of the file and agree again")
        }
        do {
            try AtomicWriter.replaceFile(file, with: Data(updated.utf8), lock: false)
        } catch {
            throw .cannotRun("cannot write \(AgreedWording.fileName): \(error.description)")
        }
        return Recorded(entries: entries, file: file)
    }
}
