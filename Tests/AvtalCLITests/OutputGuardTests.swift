import Foundation
import Testing

/// Output never lands on sources: the commands refuse, exit 2, and leave the files as they were.
@Suite struct OutputGuardTests {
    func corpus() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-guard-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("versions-all-operations"), to: url)
        return url
    }

    @Test func diffRefusesToWriteItsRedlineOverASource() throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("avtal.md")
        let before = try Data(contentsOf: source)
        let run = try avtal(["diff", "working", "v1", "--root", root.path, "--templates", "Templates", "--output", source.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("refusing to write output to \(source.path)"))
        #expect(try Data(contentsOf: source) == before)
    }

    @Test(arguments: [".", "corpus"])
    func buildRefusesTheCurrentFolderAndTheCorpus(_ target: String) throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let before = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        let output = target == "." ? "." : root.path
        let run = try avtal(["build", "--root", root.path, "--templates", packageRoot.appendingPathComponent("Templates").path,
                             "--output", output], cwd: root)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("refusing to write output"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == before)
    }
}
