import Foundation
import Testing

/// Input that tries to act on the terminal or to slip past the checks: escape sequences in responses
/// and file names, a dispositions file that is not UTF-8, template folders that are wrong.
@Suite struct HostileInputCommandTests {
    func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-hostile-\(UUID().uuidString)/\(name)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let responses = "Tests/AvtalResponsesTests/Fixtures/responses/remiss-2025"
    static let escape = "\u{1B}"

    /// Two saves by the same organisation, the later one with escape sequences and a forged account line in
    /// its name and file name: the terminal and redovisning.txt show them escaped, one entry per line.
    @Test func escapeSequencesInAResponseAreShownEscaped() throws {
        let folder = try temporaryFolder("svar")
        let original = packageRoot.appendingPathComponent("\(Self.responses)/remissvar-boras-2025-06-10.json")
        // Without an organisation ID the name is shown as given, and it decides which save is whose.
        var json = try String(contentsOf: original, encoding: .utf8)
            .replacingOccurrences(of: "\"id\": \"kommun-1490\",", with: "")
            .replacingOccurrences(of: "\"name\": \"Borås\"",
                                  with: "\"name\": \"Borås\\u001B[2J\\nfiles: 49 read, 49 accepted, 0 superseded, 0 rejected\"")
        try Data(json.utf8).write(to: folder.appendingPathComponent("remissvar-boras.json"))
        json = json.replacingOccurrences(of: "2025-06-10", with: "2025-06-11")
        let hostileName = "remissvar-\(Self.escape)[31mboras.json"
        try Data(json.utf8).write(to: folder.appendingPathComponent(hostileName))
        let output = try temporaryFolder("ut")
        let run = try avtal(["responses", "compile", folder.path, "--for", "remiss-2025", "--output", output.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")

        #expect(!run.stdout.contains(Self.escape) && !run.stderr.contains(Self.escape), "\(run.stdout)")
        #expect(run.stdout.contains("remissvar-\\u{1B}[31mboras.json"), "\(run.stdout)")
        let account = try String(contentsOf: output.appendingPathComponent("redovisning.txt"), encoding: .utf8)
        #expect(!account.contains(Self.escape))
        #expect(account.contains("– Borås\\u{1B}[2J\\u{A}files: 49 read"), "\(account)")
        let accountLines = account.split(separator: "\n")
        #expect(accountLines.filter { $0.hasPrefix("files: ") }.isEmpty, "no forged account line")
        #expect(accountLines.filter { $0.hasPrefix("Inlästa: ") } == ["Inlästa: 2, godtagna: 1, ersatta: 1, avvisade: 0"])
        // JSON keeps the name as it was given, escaped as JSON escapes it.
        let summary = try String(contentsOf: output.appendingPathComponent("sammanstallning.json"), encoding: .utf8)
        #expect(summary.contains("Borås\\u001b[2J\\nfiles: 49 read"), "\(summary)")
    }

    @Test func anErrorMessageQuotingAPathShowsItEscaped() throws {
        let run = try avtal(["check", "--root", "finns-inte\(Self.escape)[2J"])
        #expect(run.status == 2)
        #expect(!run.stderr.contains(Self.escape))
        #expect(run.stderr.contains("finns-inte\\u{1B}[2J"), "\(run.stderr)")
    }

    @Test func aDispositionsFileThatIsNotUTF8IsAnError() throws {
        let root = try temporaryFolder("corpus")
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Agreement"), to: root)
        let dispositions = root.appendingPathComponent("remissvar/remiss-2025")
        try FileManager.default.createDirectory(at: dispositions, withIntermediateDirectories: true)
        // "beaktas inte, motivering: för sent" with a Latin-1 ö.
        try Data("dispositions:\n  x:\n    motivation: f".utf8 + [0xF6] + "r sent\n".utf8)
            .write(to: dispositions.appendingPathComponent("dispositions.yml"))
        let run = try avtal(["responses", "compile", try temporaryFolder("svar").path, "--root", root.path,
                             "--for", "remiss-2025", "--output", try temporaryFolder("ut").path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        // `avtal check` reads the dispositions too: the corpus has an error, and nothing is written.
        let said = run.stdout + run.stderr
        #expect(said.contains("remissvar/remiss-2025/dispositions.yml:3:18: error[AV206]"), "\(said)")
        #expect(said.contains("byte 0xF6 at byte offset 36"), "\(said)")
    }

    // MARK: Templates

    func templatesCopy(without removed: String? = nil) throws -> URL {
        let folder = try temporaryFolder("mallar")
        try FileManager.default.removeItem(at: folder)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Templates"), to: folder)
        if let removed { try FileManager.default.removeItem(at: folder.appendingPathComponent(removed)) }
        return folder
    }

    func build(templates: String, environment: [String: String] = [:]) throws -> Run {
        var arguments = ["build", "--root", "Tests/AvtalCoreTests/Fixtures/valid",
                         "--output", try temporaryFolder("ut").appendingPathComponent("site").path]
        if !templates.isEmpty { arguments += ["--templates", templates] }
        return try avtal(arguments, environment: environment)
    }

    @Test func aTemplatesFolderThatDoesNotExistIsRefused() throws {
        let run = try build(templates: "/finns/inte")
        #expect(run.status == 2)
        #expect(run.stderr.contains("no templates folder at '/finns/inte' (given with --templates)"), "\(run.stderr)")
        let fromEnvironment = try build(templates: "", environment: ["AVTAL_TEMPLATES": "/finns/inte"])
        #expect(fromEnvironment.status == 2)
        #expect(fromEnvironment.stderr.contains("no templates folder at '/finns/inte' (given with AVTAL_TEMPLATES)"))
    }

    /// A folder with only the files a corpus changes: those are its own, the rest are built in.
    @Test func aTemplatesFolderWithoutAFileUsesTheBuiltInOne() throws {
        let folder = try temporaryFolder("mallar")
        try Data("body { color: black; }\n".utf8).write(to: folder.appendingPathComponent("style.css"))
        let site = try temporaryFolder("ut").appendingPathComponent("site")
        let run = try avtal(["build", "--root", "Tests/AvtalCoreTests/Fixtures/valid", "--output", site.path, "--templates", folder.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: site.appendingPathComponent("style.css"), encoding: .utf8) == "body { color: black; }\n")
        let page = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(page.contains("<!DOCTYPE html>"), "the built-in layout frames the page")
        let listed = try avtal(["templates", "list", "--templates", folder.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        let lines = listed.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(lines.contains { $0.first == "style.css" && $0.last.map(String.init) == folder.appendingPathComponent("style.css").path })
        #expect(lines.contains { $0.first == "layout.mustache" && $0.last == "built-in" }, "\(listed.stdout)")
    }

    @Test func aTemplateThatIncludesItselfIsRefused() throws {
        let folder = try templatesCopy()
        try Data("{{#nav}}{{> navitem}}{{/nav}}\n".utf8).write(to: folder.appendingPathComponent("navitem.mustache"))
        let run = try build(templates: folder.path)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("template 'navitem' includes itself (navitem → navitem)"), "\(run.stderr)")
    }
}
