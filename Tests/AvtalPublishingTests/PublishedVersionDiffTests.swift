import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// A published version's "Ändringar" shows what its decisions changed, however far the working text
/// (its base) has moved on since it was published.
@Suite struct PublishedVersionDiffTests {
    let corpus = testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus")

    func summary(_ root: URL) throws -> VersionDiff.Summary {
        let workspace = try Workspace.load(root: root)
        return try #require(VersionDiff.ofVersion("remiss-2025", in: workspace)).summary
    }

    @Test func laterEditsOfTheWorkingTextAreNotShownAsTheVersionsChanges() throws {
        let before = try summary(corpus)
        #expect(before.changed == 3)
        let root = try actionFolder().appendingPathComponent("korpus")
        try FileManager.default.copyItem(at: corpus, to: root)
        let file = root.appendingPathComponent("hos-avtal.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "{#delregional-niva}\n\n", with: "{#delregional-niva}\n\nEn mening som skrevs efter remissen.\n\n")
        #expect(edited != text)
        try edited.write(to: file, atomically: true, encoding: .utf8)
        let after = try summary(root)
        #expect(after.changed == before.changed)
        #expect(after.documentsChanged == before.documentsChanged)
    }
}
