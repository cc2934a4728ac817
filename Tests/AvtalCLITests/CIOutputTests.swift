import Foundation
import Testing

/// What CI reads: GitHub workflow commands and SARIF, with paths GitHub can attach to a pull request.
@Suite struct CIOutputTests {
    let failing = "Tests/AvtalCoreTests/Fixtures/AV401-unknown-clause"

    func sarif(_ arguments: [String], cwd: URL = packageRoot) throws -> [String: Any] {
        let run = try avtal(["check", "--format", "sarif"] + arguments, cwd: cwd)
        #expect(run.status == 1, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    /// The first result's location and the run's rules.
    func firstResult(_ log: [String: Any]) throws -> (uri: String, base: String?, result: [String: Any], rules: [[String: Any]]) {
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let result = try #require((run["results"] as? [[String: Any]])?.first)
        let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(location["artifactLocation"] as? [String: Any])
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        return (try #require(artifact["uri"] as? String), artifact["uriBaseId"] as? String, result,
                try #require(driver["rules"] as? [[String: Any]]))
    }

    @Test func anAbsoluteRootGivesPathsFromTheRepositoryRoot() throws {
        let absolute = packageRoot.appendingPathComponent(failing).path
        let github = try avtal(["check", "--root", absolute, "--format", "github"], cwd: FileManager.default.temporaryDirectory)
        #expect(github.stdout.hasPrefix("::error file=\(failing)/avtal.md,line=17,col=9"), "\(github.stdout)")
        let (uri, base, _, _) = try firstResult(try sarif(["--root", absolute], cwd: FileManager.default.temporaryDirectory))
        #expect(uri == "\(failing)/avtal.md")
        #expect(base == "%SRCROOT%")
    }

    @Test func outsideARepositoryPathsAreFromTheCurrentFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-ci-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(failing), to: folder.appendingPathComponent("korpus"))
        let absolute = folder.appendingPathComponent("korpus").path
        let github = try avtal(["check", "--root", absolute, "--format", "github"], cwd: folder)
        #expect(github.stdout.hasPrefix("::error file=korpus/avtal.md,line=17"), "\(github.stdout)")
        let (uri, _, _, _) = try firstResult(try sarif(["--root", absolute], cwd: folder))
        #expect(uri == "korpus/avtal.md")
    }

    @Test func sarifHasARuleForEveryCodeAndTheFix() throws {
        let (_, _, result, rules) = try firstResult(try sarif(["--root", failing]))
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        #expect(rules.count == page.components(separatedBy: "\n### AV").count - 1)
        let index = try #require(result["ruleIndex"] as? Int)
        #expect(rules[index]["id"] as? String == "AV401")
        #expect(result["ruleId"] as? String == "AV401")
        #expect(result["level"] as? String == "error")
        let help = try #require((rules[index]["help"] as? [String: Any])?["markdown"] as? String)
        #expect(help.hasPrefix("A reference names a clause"), "\(help)")
        let fix = try #require((result["fixes"] as? [[String: Any]])?.first)
        let change = try #require((fix["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try #require((change["replacements"] as? [[String: Any]])?.first)
        #expect((replacement["insertedContent"] as? [String: Any])?["text"] as? String == "[](#avtalstid)")
        let region = try #require(replacement["deletedRegion"] as? [String: Any])
        #expect(region["startLine"] as? Int == 17 && region["startColumn"] as? Int == 9)
        #expect(region["endLine"] as? Int == 17 && region["endColumn"] as? Int == 22)
    }

    @Test func aCleanCorpusIsAnEmptyRun() throws {
        let run = try avtal(["check", "--root", "Tests/AvtalCoreTests/Fixtures/valid", "--format", "sarif"])
        #expect(run.status == 0)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.isEmpty == true)
    }
}

/// `--version` means one thing on every help page: show the version.
@Suite struct VersionOptionTests {
    @Test(arguments: ["check", "build", "remiss", "responses compile", "versions", "diff", "amendments", "export", "publish"])
    func helpShowsOneMeaningOfVersion(_ command: String) throws {
        let run = try avtal(command.split(separator: " ").map(String.init) + ["--help"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").filter { $0.contains("--version") }
        #expect(lines.count == 1 && lines[0].contains("Show the version"), "\(lines)")
    }

    @Test(arguments: [
        (["remiss", "--root", remissCorpus, "--version", "remiss-2025"], "write avtal remiss remiss-2025"),
        (["build", "--version=remiss-2025"], "write avtal build --only remiss-2025"),
        (["responses", "compile", "Tests", "--version", "remiss-2025"], "--for remiss-2025"),
    ])
    func theOldSpellingIsRefusedNamingTheNewOne(_ arguments: [String], _ advice: String) throws {
        let run = try avtal(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(advice), "\(run.stderr)")
        #expect(!run.stdout.contains("0.1.0"))
    }

    @Test func theVersionFlagStillShowsTheVersion() throws {
        let run = try avtal(["remiss", "--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("0."))
    }
}
