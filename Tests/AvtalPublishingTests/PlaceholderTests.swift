import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// Values marked `{placeholder: …}` are shown as examples and keep a final package from being made.
@Suite struct PlaceholderTests {
    let environment = ["SOURCE_DATE_EPOCH": "1750000000"]

    /// The one-document corpus with its diarienummer, a contact's e-mail address and the manifest's
    /// contact marked as placeholders.
    func corpusWithPlaceholders() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-placeholders-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent("en-overenskommelse"), to: root)
        try edit(root.appendingPathComponent("remiss/v1.yml"), [
            ("number: RS/123/2026", "number: {placeholder: RS 20XX-XXXXX}"),
            ("    email: karin.holm@example.org", "    email:\n      placeholder: karin.holm@example.org"),
        ])
        try edit(root.appendingPathComponent("agreement.yml"), [("  name: samverkanskansliet", "  name: {placeholder: samverkanskansliet}")])
        return root
    }

    func templates(_ corpus: URL) -> TemplateSearch { TemplateSearch(given: templatesFolder, corpus: corpus, environment: [:]) }

    @Test func aFinalPackageIsRefusedWithEachPlaceholderWhereItIsWritten() throws {
        let corpus = try corpusWithPlaceholders()
        let output = try actionFolder()
        let failure = try #require(throws: ActionFailure.self) {
            try RemissAction.run(root: corpus, templates: templates(corpus), version: "v1", output: output, environment: environment)
        }
        guard case let .problems(diagnostics, _) = failure else { Issue.record("not refused as problems: \(failure)"); return }
        #expect(diagnostics.map(\.code) == [.remissPlaceholder, .remissPlaceholder, .remissPlaceholder])
        #expect(diagnostics.map { "\($0.range.file):\($0.range.start.line):\($0.range.start.column)" }
            == ["remiss/v1.yml:4:27", "remiss/v1.yml:12:20", "agreement.yml:8:23"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "nothing is written")
    }

    @Test func aDraftPackageShowsEachPlaceholderAsAnExample() throws {
        let corpus = try corpusWithPlaceholders()
        let packaged = try RemissAction.run(root: corpus, templates: templates(corpus), version: "v1", output: try actionFolder(),
                                            draft: true, environment: environment)
        func read(_ path: String) throws -> String {
            try String(contentsOf: packaged.folder.appendingPathComponent(path), encoding: .utf8)
        }
        let letter = try read(RemissPackage.letter)
        #expect(letter.contains("<dd><span class=\"placeholder\">RS 20XX-XXXXX (exempel)</span></dd>"))
        #expect(letter.contains("<a href=\"mailto:karin.holm@example.org\"><span class=\"placeholder\">karin.holm@example.org (exempel)</span></a>"))
        #expect(!letter.contains("RS/123/2026"))
        let form = try read(RemissPackage.form)
        #expect(form.contains("Region Jämtland Härjedalen <span class=\"placeholder\">RS 20XX-XXXXX (exempel)</span>"))
        #expect(form.contains(".placeholder {"), "the form's stylesheet marks placeholders")
        let readme = try read(RemissPackage.readme)
        #expect(readme.contains("Diarienummer: Region Jämtland Härjedalen RS 20XX-XXXXX (exempel)"))
        #expect(readme.contains("Karin Holm, utvecklingsledare, karin.holm@example.org (exempel)"))
        let statement = try read("webbplats/tillganglighet.html")
        #expect(statement.contains("kontakta <span class=\"placeholder\">samverkanskansliet (exempel)</span> på"))
    }

    @Test func aPatchReferenceCanBeAPlaceholderOnItsDecisionPage() throws {
        let corpus = try corpusWithPlaceholders()
        try edit(corpus.appendingPathComponent("patches/rattelse-uppfoljning.yml"),
                 [("reference: Samverkansnämndens protokoll den 15 januari 2026, § 3",
                   "reference: {placeholder: \"Samverkansnämndens protokoll den 15 januari 2026, § 3\"}")])
        let workspace = try Workspace.load(root: corpus)
        let package = try RemissPackage(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder), version: "v1")
        #expect(package.placeholders.map(\.key) == ["number", "email", "name", "reference"])
        let files = try package.files()
        let decision = String(decoding: try #require(files["beslut/rattelse-uppfoljning.md"]), as: UTF8.self)
        #expect(decision.contains("- Referens: Samverkansnämndens protokoll den 15 januari 2026, § 3 (exempel)"))
    }

    @Test func aPlaceholderWhereNoneIsAllowedIsAWrongType() throws {
        let corpus = try corpusWithPlaceholders()
        try edit(corpus.appendingPathComponent("remiss/v1.yml"), [("title: Remiss av", "title:\n  placeholder: Remiss av")])
        let workspace = try Workspace.load(root: corpus)
        let wrong = try #require(workspace.diagnostics.first { $0.code == .wrongType })
        #expect(wrong.range.file == "remiss/v1.yml" && wrong.range.start.line == 2)
        #expect(wrong.notes.contains { $0.message.contains("can be placeholders") })
    }
}
