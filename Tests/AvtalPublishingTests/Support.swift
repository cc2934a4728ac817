import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
let fixturesFolder = testsFolder.appendingPathComponent("Fixtures")
/// The project's own templates, as the CLI uses them.
let templatesFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Templates")

/// Loads a fixture corpus and requires it to be free of problems, so that every version is built.
func loadFixture(_ name: String) throws -> Workspace {
    let workspace = try Workspace.load(root: fixturesFolder.appendingPathComponent(name))
    let problems = workspace.diagnostics.map { "\($0.code.rawValue) \($0.range.file):\($0.range.start.line): \($0.summary)" }
    #expect(problems.isEmpty, "fixture \(name) has problems:\n\(problems.joined(separator: "\n"))")
    return workspace
}

func text(_ id: String, in workspace: Workspace) throws -> VersionText {
    try #require(workspace.texts[id], "version \(id) was not built")
}

/// A copy of a corpus in a temporary folder, for a test that edits it.
func copyCorpus(_ corpus: URL) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-corpus-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: corpus, to: root)
    return root
}

/// Replaces each text in a file, expecting every one of them to be there.
func edit(_ url: URL, _ replacements: [(String, String)]) throws {
    var text = try String(contentsOf: url, encoding: .utf8)
    for (old, new) in replacements {
        #expect(text.contains(old), "\(url.lastPathComponent) has '\(old)'")
        text = text.replacingOccurrences(of: old, with: new)
    }
    try text.write(to: url, atomically: true, encoding: .utf8)
}
