import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The actions behind the CLI's commands, on fixture corpora: what they write, and how they refuse.
@Suite struct ActionTests {
    let andringar = fixturesFolder.appendingPathComponent("andringar")
    let remissBase = coreFixtures.appendingPathComponent("remiss-base")
    let broken = coreFixtures.appendingPathComponent("AV401-unknown-clause")

    func templates(for corpus: URL) -> TemplateSearch {
        TemplateSearch(given: templatesFolder, corpus: corpus, environment: [:])
    }

    @Test func buildWritesEveryVersionsSite() throws {
        let output = try actionFolder().appendingPathComponent("site")
        let built = try BuildAction.run(root: andringar, templates: templates(for: andringar), version: nil, output: output)
        #expect(built.pages > 0)
        for page in ["index.html", "style.css", "working/avtal.html", "v2/avtal.html", "v3/avtal.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
        }
    }

    @Test func buildOfOneVersionLeavesTheOthersOut() throws {
        let output = try actionFolder().appendingPathComponent("site")
        _ = try BuildAction.run(root: andringar, templates: templates(for: andringar), version: "v2", output: output)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("v2/avtal.html").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("working").path))
    }

    @Test func buildOfAnUnknownVersionCannotRunAndWritesNothing() throws {
        let output = try actionFolder().appendingPathComponent("site")
        let failure = try #require(throws: ActionFailure.self) {
            try BuildAction.run(root: andringar, templates: templates(for: andringar), version: "v9", output: output)
        }
        #expect(message(of: failure)?.contains("no version 'v9' (versions: working, v2, v3)") == true, "\(failure)")
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func buildRefusesACorpusWithErrors() throws {
        let output = try actionFolder().appendingPathComponent("site")
        let failure = try #require(throws: ActionFailure.self) {
            try BuildAction.run(root: broken, templates: templates(for: broken), version: nil, output: output)
        }
        guard case let .problems(diagnostics, _) = failure else { Issue.record("expected problems, got \(failure)"); return }
        #expect(diagnostics.map(\.code) == [.unknownClause])
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    /// An empty templates folder, or none at all, leaves every page to the built-in templates.
    @Test func withoutTemplateFilesTheBuiltInOnesAreUsed() throws {
        let nowhere = try actionFolder()
        let empty = TemplateSearch(given: nowhere, corpus: nowhere.appendingPathComponent("corpus"), environment: [:])
        let none = TemplateSearch(given: nil, corpus: nowhere.appendingPathComponent("corpus"), environment: [:])
        for (index, search) in [empty, none].enumerated() {
            let site = nowhere.appendingPathComponent("site-\(index)")
            let built = try BuildAction.run(root: andringar, templates: search, version: nil, output: site)
            #expect(built.pages > 0)
            #expect(try Data(contentsOf: site.appendingPathComponent("style.css")) == BuiltInTemplates.files["style.css"])
        }
    }

    @Test func diffWritesTheRedlineAndReturnsTheChanges() throws {
        let redline = try actionFolder().appendingPathComponent("redline.html")
        let diff = try DiffAction.run(root: andringar, from: "working", to: "v2", redline: redline, templates: templates(for: andringar))
        #expect(diff.summary.changed > 0)
        let html = try String(contentsOf: redline, encoding: .utf8)
        #expect(html.contains("<ins>"))
    }

    @Test func diffOfAnUnknownVersionCannotRun() throws {
        let failure = try #require(throws: ActionFailure.self) {
            try DiffAction.run(root: andringar, from: "working", to: "v9", redline: nil, templates: templates(for: andringar))
        }
        #expect(message(of: failure)?.contains("Unknown version 'v9'") == true, "\(failure)")
    }

    @Test func amendmentsRenderAPatchAndRefuseAnUnknownOne() throws {
        let text = try AmendmentsAction.run(root: andringar, patch: "p-rattelse", format: .markdown, templates: templates(for: andringar))
        #expect(text.hasPrefix("# "))
        #expect(text.contains("varandra"))
        let failure = try #require(throws: ActionFailure.self) {
            try AmendmentsAction.run(root: andringar, patch: "p-ingen", format: .markdown, templates: templates(for: andringar))
        }
        #expect(message(of: failure)?.contains("Unknown patch 'p-ingen'") == true, "\(failure)")
    }
}

/// The core target's fixture corpora, one per diagnostic and a few whole ones.
let coreFixtures = testsFolder.deletingLastPathComponent().appendingPathComponent("AvtalCoreTests/Fixtures")

func actionFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-action-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func message(of failure: ActionFailure) -> String? {
    if case let .cannotRun(message) = failure { return message }
    return nil
}
