import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// `avtal responses compile` as a library action, on the core target's remiss-base fixture (one
/// published version with remiss settings).
@Suite struct CompileResponsesActionTests {
    let corpus = testsFolder.deletingLastPathComponent().appendingPathComponent("AvtalCoreTests/Fixtures/remiss-base")

    var templates: TemplateSearch { TemplateSearch(given: templatesFolder, corpus: corpus, environment: [:]) }

    func actionFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-action-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func message(of failure: ActionFailure) -> String? {
        if case let .cannotRun(message) = failure { return message }
        return nil
    }

    @Test func compilingResponsesWritesTheSummaryAndCountsRejections() throws {
        let responses = try actionFolder()
        try Data("inte ett svar".utf8).write(to: responses.appendingPathComponent("brev.txt"))
        let output = try actionFolder().appendingPathComponent("remissvar")
        let compiled = try CompileResponsesAction.run(root: corpus, templates: templates, folder: responses, version: "v1", output: output)
        #expect(compiled.compilation.read == 1)
        #expect(compiled.compilation.count(.rejected) == 1)
        #expect(compiled.hasProblems, "a rejected file is a problem found")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        // The marker is the writer's: it lets the next run replace the folder. The accessibility
        // statement is the one the summary links to in its footer.
        #expect(written == [CompilationRenderer.page, CompilationRenderer.json, CompilationRenderer.csv, CompilationRenderer.account,
                            SiteBuilder.statement, ".avtal-output"])
        let summary = try String(contentsOf: output.appendingPathComponent(CompilationRenderer.page), encoding: .utf8)
        #expect(summary.contains(##"<p><a href="tillganglighet.html">Tillgänglighetsredogörelse</a></p>"##))
        #expect(!summary.contains("<p></p>"))
    }

    @Test func compilingAnEmptyFolderFindsNoProblems() throws {
        let compiled = try CompileResponsesAction.run(root: corpus, templates: templates, folder: try actionFolder(), version: "v1",
                                                      output: try actionFolder().appendingPathComponent("remissvar"))
        #expect(compiled.compilation.read == 0)
        #expect(!compiled.hasProblems)
    }

    @Test func compilingAgainstAnUnknownVersionCannotRun() throws {
        let failure = try #require(throws: ActionFailure.self) {
            try CompileResponsesAction.run(root: corpus, templates: templates, folder: try actionFolder(), version: "v9",
                                           output: try actionFolder().appendingPathComponent("remissvar"))
        }
        #expect(message(of: failure)?.contains("no version 'v9' to compile against") == true, "\(failure)")
    }
}
