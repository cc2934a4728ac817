import Foundation
import Testing

/// End-to-end: the built `avtal` binary, its output in each format, and its exit status.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = packageRoot.appendingPathComponent("Tests/AvtalCoreTests/Fixtures")
/// The corpus shared by the tool's tests: five documents, a published version with two patches, a remiss.
let remissCorpus = "Tests/Fixtures/remiss-korpus"

/// The binary sits beside the test bundle in the build folder (AVTAL_BIN overrides).
func avtalBinary() throws -> URL {
    if let path = ProcessInfo.processInfo.environment["AVTAL_BIN"] { return URL(fileURLWithPath: path) }
    var folder = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = folder.appendingPathComponent("avtal")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "avtal beside \(Bundle.main.bundleURL.path)"])
}

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

func avtal(_ arguments: [String], cwd: URL = packageRoot, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = try avtalBinary()
    process.arguments = arguments
    process.currentDirectoryURL = cwd
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let (stdout, stderr) = try runCapturing(process)
    return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
}

/// Runs a process with its output in temporary files rather than pipes: tests run in parallel, and
/// Foundation's pipe reading traps on a read interrupted by a signal (EINTR) from another child.
func runCapturing(_ process: Process) throws -> (String, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
    FileManager.default.createFile(atPath: out.path, contents: nil)
    FileManager.default.createFile(atPath: err.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
    process.standardOutput = outHandle
    process.standardError = errHandle
    try process.run()
    process.waitUntilExit()
    try outHandle.close()
    try errHandle.close()
    return (String(decoding: try Data(contentsOf: out), as: UTF8.self), String(decoding: try Data(contentsOf: err), as: UTF8.self))
}

@Suite struct CheckCommandTests {
    let failing = "Tests/AvtalCoreTests/Fixtures/AV401-unknown-clause"
    let warningsOnly = "Tests/AvtalCoreTests/Fixtures/AV305-empty-clause"

    @Test func cleanCorpusExitsZero() throws {
        let run = try avtal(["check", "--root", "Tests/AvtalCoreTests/Fixtures/valid"])
        #expect(run.status == 0)
        #expect(run.stdout == "0 errors, 0 warnings in 1 document (2 clauses, 1 reference)\n")
    }

    @Test func defaultRootIsAgreementInTheCurrentFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-default-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(remissCorpus),
                                         to: folder.appendingPathComponent("Agreement"))
        let run = try avtal(["check", "--strict"], cwd: folder)
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout == "0 errors, 0 warnings in 5 documents (40 clauses, 28 references)\n")
    }

    @Test func humanFormatPointsAtTheProblem() throws {
        let run = try avtal(["check", "--root", failing])
        #expect(run.status == 1)
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "\(failing)/avtal.md:17:9: error[AV401]: Reference to unknown clause 'avtalstd'")
        #expect(lines[2] == "17 | Se även [](#avtalstd).")
        #expect(lines[3] == "   |         ^^^^^^^^^^^^^")
        #expect(!run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
        #expect(run.stdout.hasSuffix("1 error, 0 warnings in 1 document (2 clauses, 2 references)\n"))
    }

    @Test func colourCanBeForced() throws {
        let run = try avtal(["check", "--root", failing, "--color", "always"])
        #expect(run.stdout.contains("\u{1B}[1;31merror[AV401]"))
    }

    @Test func jsonFormat() throws {
        let run = try avtal(["check", "--root", failing, "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0]["file"] as? String == "\(failing)/avtal.md")
        #expect(diagnostics[0]["line"] as? Int == 17)
        #expect(diagnostics[0]["column"] as? Int == 9)
        #expect(diagnostics[0]["code"] as? String == "AV401")
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary == ["documents": 1, "clauses": 2, "references": 2, "errors": 1, "warnings": 0])
    }

    @Test func githubFormat() throws {
        let run = try avtal(["check", "--root", failing, "--format", "github"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix(
            "::error file=\(failing)/avtal.md,line=17,col=9,endLine=17,endColumn=22,title=AV401 unknown-clause::Reference to unknown clause 'avtalstd'%0Anote: did you mean 'avtalstid'?"))
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let lenient = try avtal(["check", "--root", warningsOnly])
        #expect(lenient.status == 0)
        #expect(lenient.stdout.contains("warning[AV305]"))
        let strict = try avtal(["check", "--root", warningsOnly, "--strict"])
        #expect(strict.status == 1)
        let github = try avtal(["check", "--root", warningsOnly, "--format", "github"])
        #expect(github.stdout.hasPrefix("::warning file="))
    }

    @Test func missingCorpusExitsTwo() throws {
        let run = try avtal(["check", "--root", "no/such/folder"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no corpus folder"))
        #expect(run.stdout.isEmpty)
    }

    @Test func badArgumentsExitTwo() throws {
        #expect(try avtal(["check", "--format", "xml"]).status == 2)
        #expect(try avtal(["check", "--no-such-flag"]).status == 2)
        #expect(try avtal(["frobnicate"]).status == 2)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try avtal(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--strict"))
        #expect(try avtal(["--version"]).status == 0)
    }

    @Test func rootIsResolvedFromTheCurrentFolder() throws {
        let run = try avtal(["check", "--root", "AV401-unknown-clause", "--format", "github"], cwd: fixtures)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=AV401-unknown-clause/avtal.md,line=17,col=9"))
    }
}

/// Hostile input through the binary: it reports and exits 1, it never crashes.
@Suite struct HostileTextCommandTests {
    /// A copy of the `valid` fixture with `line` as a paragraph at line 18.
    func corpus(withLine line: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-cli-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("valid"), to: folder)
        let url = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try (text + "\n" + line + "\n").write(to: url, atomically: true, encoding: .utf8)
        return folder
    }

    @Test(arguments: [("- ", 201), (">", 101)])
    func megabyteOfNestingIsAnErrorNotACrash(marker: String, column: Int) throws {
        let folder = try corpus(withLine: String(repeating: marker, count: 1_000_000 / marker.utf8.count) + "x")
        let run = try avtal(["check", "--root", folder.path, "--color", "never"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("avtal.md:18:\(column): error[AV502]: Markdown nests deeper than 100 levels here"))
        // The line is shown as a window around the column, not as a megabyte.
        #expect(run.stdout.utf8.count < 2000)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-cli-\(UUID().uuidString)")
        let build = try avtal(["build", "--root", folder.path, "--output", site.path])
        #expect(build.status == 1, "\(build.stderr)")
    }
}
