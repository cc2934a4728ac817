import Foundation
import Testing

/// Remiss settings written while their version is still a draft: checked, never a reason to refuse
/// a publish; only `avtal remiss` waits for the version to be published.
@Suite struct DraftRemissTests {
    /// The remiss corpus with a draft `remiss-2026` (no `patches` key) on top of `remiss-2025`, and
    /// settings for it.
    func corpusWithDraft() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let root = folder.appendingPathComponent("korpus")
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(remissCorpus), to: root)
        let versions = root.appendingPathComponent("versions.yml")
        try (try String(contentsOf: versions, encoding: .utf8)
            + "  - id: remiss-2026\n    title: Andra remissen\n    status: draft\n    published-on: 2026-03-02\n    base: remiss-2025\n")
            .write(to: versions, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: root.appendingPathComponent("remiss/remiss-2025.yml"),
                                         to: root.appendingPathComponent("remiss/remiss-2026.yml"))
        return root
    }

    @Test func aDraftWithSettingsChecksCleanPublishesAndThenGoesOut() throws {
        let root = try corpusWithDraft()
        let check = try avtal(["check", "--strict", "--root", root.path])
        #expect(check.status == 0, "\(check.stdout)")
        let output = root.deletingLastPathComponent().appendingPathComponent("ut")
        let early = try avtal(["remiss", "remiss-2026", "--root", root.path, "--templates", "Templates", "--output", output.path])
        #expect(early.status == 2)
        #expect(early.stderr.contains("version 'remiss-2026' is not published"), "\(early.stderr)")
        #expect(early.stderr.contains("avtal publish remiss-2026"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("remiss-remiss-2026.zip").path))
        let publish = try avtal(["publish", "remiss-2026", "--root", root.path])
        #expect(publish.status == 0, "\(publish.stdout)\(publish.stderr)")
        let sent = try avtal(["remiss", "remiss-2026", "--root", root.path, "--templates", "Templates", "--output", output.path])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("remiss-remiss-2026.zip").path))
    }

    @Test func settingsOfADraftAreCheckedAsUsual() throws {
        let root = try corpusWithDraft()
        let settings = root.appendingPathComponent("remiss/remiss-2026.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try (text + "oppnar: 2026-03-02\n").write(to: settings, atomically: true, encoding: .utf8)
        let check = try avtal(["check", "--root", root.path, "--format", "json"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"code\" : \"AV101\""), "\(check.stdout)")
        let publish = try avtal(["publish", "remiss-2026", "--root", root.path])
        #expect(publish.status == 1, "a draft whose settings have errors is not published")
    }
}
