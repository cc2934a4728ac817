import Foundation
import Testing
@testable import AvtalCore

/// Hostile input: deep nesting, very long lines, and text that must survive assembly unchanged.
@Suite struct HardeningTests {
    /// The `valid` fixture with `line` as a paragraph of its own at line 18.
    func validWithLine(_ line: String) throws -> URL {
        let folder = try copyFixture("valid")
        let url = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + "\n" + line + "\n").write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    /// A megabyte of nesting on one line, as a fuzzer or a broken export writes it: one error where
    /// the limit is crossed (item n starts at column 2n - 1, quote n at column n), no crash.
    @Test(arguments: [("- ", 201), (">", 101)])
    func megabyteOfNestingIsOneError(marker: String, column: Int) throws {
        let folder = try validWithLine(String(repeating: marker, count: 1_000_000 / marker.utf8.count) + "x")
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.nestingTooDeep, "avtal.md", 18, column)])
        #expect(result.summary.errors == 1)
    }

    /// Deep nesting in a patient case is reported at its place too.
    @Test func deepNestingInATextWithoutClauses() throws {
        let folder = try copyFixture("AV921-unknown-theme")
        let url = folder.appendingPathComponent("patientfall/syrgas-1.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.components(separatedBy: "\n").count
        try (text + "\n" + String(repeating: ">", count: 200_000) + " x\n").write(to: url, atomically: true, encoding: .utf8)
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init).contains(.init(.nestingTooDeep, "patientfall/syrgas-1.md", lines + 1, 101)))
    }

    /// Many links on one line: every one is found, with its own column (the benchmark, not this test,
    /// shows that this takes linear time: bench/long-line.sh).
    @Test func everyLinkOnALongLineIsFoundAtItsColumn() throws {
        let link = "[](#saknas) å "
        let folder = try validWithLine(String(repeating: link, count: 20_000))
        let result = try check(folder)
        #expect(result.diagnostics.count == 20_000)
        let expected = (0..<20_000).map { Expected(.unknownClause, "avtal.md", 18, 1 + $0 * link.unicodeScalars.count) }
        #expect(result.diagnostics.map(Expected.init) == expected)
        #expect(result.summary.references == 20_001)
    }

    /// An escaped `\<` in a heading stays escaped in the assembled text and in the published snapshot:
    /// it is text, not raw HTML, in every version.
    @Test func escapedAngleBracketInAHeadingSurvivesAssemblyAndPublishing() throws {
        let folder = try copyFixture("versions-escaped-heading")
        #expect(try check(folder).diagnostics.map(Expected.init) == [])
        let ws = try Workspace.load(root: folder)
        let assembled = try #require(ws.texts["v1"]?.document("avtal")).markdown().text
        #expect(assembled.contains("## Kommunens ansvar \\<i hemmet> {#kommunens-ansvar}\n"))
        _ = try PublishAction.run(root: folder, version: "v1", date: nil)
        let snapshot = try String(contentsOf: folder.appendingPathComponent("versions/v1/avtal.md"), encoding: .utf8)
        #expect(snapshot.contains("## Kommunens ansvar \\<i hemmet> {#kommunens-ansvar}\n"))
        #expect(try check(folder).diagnostics.map(Expected.init) == [])
    }
}
