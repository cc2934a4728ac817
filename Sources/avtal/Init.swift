import ArgumentParser
import AvtalCore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new corpus: write a small agreement with an appendix, versions and registries.",
        discussion: """
            Writes agreement.yml (title, parties, documents), avtal.md and bilagor/bilaga-1.md (which refer to each \
            other), versions.yml with one draft, an empty begrepp.yml and forfattningar.yml, and a README.md. The \
            corpus checks clean with --strict and builds as it is; replace every value in [brackets]. Refuses a \
            folder that is not empty.
            """)

    @Argument(help: "The folder to create (new or empty).")
    var folder: String = "Agreement"

    func run() throws {
        let written = try InitAction.run(folder: URL(fileURLWithPath: folder))
        print("wrote \(written.count) files to \(folder)/: \(written.joined(separator: ", "))".inertForTerminal)
        let root = folder == "Agreement" ? "" : " --root \(folder)"
        print("replace what is in [brackets], then: avtal check\(root) && avtal build\(root)".inertForTerminal)
    }
}
