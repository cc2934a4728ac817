import ArgumentParser
import AvtalCore

struct Versions: CorpusCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the versions with their base, patches and status.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let workspace = try Workspace.forAction(root: corpus.url)
        if workspace.versions.isEmpty {
            print("no versions (\(VersionsFile.name) lists none)")
            return
        }
        for version in workspace.versions {
            let date = version.publishedOn.map { version.status == .published ? " on \($0)" : " (to be published \($0))" } ?? ""
            let built = workspace.texts[version.id] == nil ? "  (cannot be built: run avtal check)" : ""
            print("\(version.id)  \(version.status.rawValue)\(date)  base \(version.base)\(built)")
            print("  \(version.title)".inertForTerminal)
            for patchID in version.patches {
                let patch = workspace.patches[patchID]
                let detail = patch.map { patch in
                    let inForce = patch.inForceFrom.map { ", in force from \($0)" } ?? ""
                    return "\(patch.kind.rawValue), \(patch.decidedBy) \(patch.decidedOn)\(inForce): \(patch.title)"
                } ?? "missing"
                print("  - \(patchID)  \(detail)".inertForTerminal)
            }
        }
    }
}
