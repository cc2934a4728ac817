import AvtalCore
import AvtalPublishing
import Foundation


/// The compilation of a remiss's responses: every input accounted for, every grade counted, every
/// comment placed under its clause with a stable ID and the working group's disposition.
package struct Compilation: Sendable {
    package enum Status: String, Sendable {
        case accepted, superseded, rejected
    }

    /// One input (a JSON file, or a row of a CSV export) and what became of it.
    package struct Entry: Sendable {
        package var label: String
        package var status: Status
        package var organisation: String?
        package var reasons: [String]
        /// Saved after the deadline: marked in the account whether accepted or rejected.
        package var late = false
    }

    /// Where a comment belongs: a clause, a chapter's grade, a document's grade — or nowhere the
    /// version knows, in which case it is kept and shown apart.
    package enum Place: Hashable, Sendable {
        case clause(document: String, clause: String)
        case chapter(document: String, chapter: String)
        case document(String)
        case unplaced(String)
    }

    package struct Comment: Sendable {
        package var id: String
        package var place: Place
        package var organisationID: String?
        package var organisationName: String
        package var text: String
        package var grade: Response.Grade?
        package var source: String
        package var disposition: Disposition?
        /// What works well, as the respondent wrote it in the form's own field for that.
        package var positive = false
        /// From an answer saved after the deadline.
        package var late = false
    }

    package struct Tally: Sendable, Hashable {
        /// Index 0–3 for grades 1–4, index 4 for "ingen synpunkt".
        package var counts = [0, 0, 0, 0, 0]
        package var total: Int { counts.reduce(0, +) }
    }

    package var version: String
    package var entries: [Entry]
    package var responses: [Response]
    package var comments: [Comment]
    /// Document ID → tally of the document's grades; "doc/chapter" → tally of the chapter's.
    package var tallies: [String: Tally]
    /// Problems with the dispositions file; each makes the run fail.
    package var dispositionProblems: [Diagnostic]

    package var read: Int { entries.count }
    package func count(_ status: Status) -> Int { entries.filter { $0.status == status }.count }

    /// The account line, which always adds up: read = accepted + superseded + rejected.
    package var accountLine: String {
        "files: \(read) read, \(count(.accepted)) accepted, \(count(.superseded)) superseded, \(count(.rejected)) rejected"
    }

    package var lateCount: Int { entries.filter(\.late).count }

    package var openComments: Int { comments.filter { $0.disposition == nil }.count }

    /// Compiles the files of `folder` (sorted by name) against version `text`.
    package static func compile(
        folder: URL, text: VersionText, consultees: Consultees?, workspace: Workspace, dispositions: SourceFile?,
        remiss: RemissSettings? = nil
    ) throws -> Compilation {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path) else {
            throw RemissPackage.Failure.notReady("cannot read the folder \(folder.path)")
        }
        var inputs: [(String, URL)] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if fm.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue { inputs.append((name, url)) }
        }
        var compiler = Compiler(text: text, consultees: consultees, workspace: workspace, remiss: remiss)
        for (name, url) in inputs {
            for result in ResponseReader.read(url, name: name) { compiler.add(result, file: name) }
        }
        return compiler.finish(dispositions: dispositions)
    }
}
