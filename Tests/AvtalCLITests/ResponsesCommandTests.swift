import Foundation
import Testing

/// `avtal responses compile` end to end: the built binary on the fixture set of
/// Tests/AvtalResponsesTests/Fixtures/responses/remiss-2025, its output folder and its exit status.
@Suite struct ResponsesCommandTests {
    static let fixtureSet = "Tests/AvtalResponsesTests/Fixtures/responses/remiss-2025"
    static let accountLine = "files: 27 read, 17 accepted, 3 superseded, 7 rejected"
    static let outputFiles: Set<String> = ["sammanstallning.html", "sammanstallning.json", "kommentarer.csv", "redovisning.txt",
                                          "tillganglighet.html", "kvitton", ".avtal-output"]
    /// Form saves from the fixture set that are accepted without a remark.
    static let goodResponses = ["remissvar-boras-2025-06-10.json", "remissvar-goteborg-2025-06-12.json",
                                "remissvar-gr-2025-06-13.json", "remissvar-regionstyrelsen-2025-06-16.json",
                                "remissvar-tandvardsstyrelsen-2025-06-14.json"]
    /// The Göteborg chapter comment on Avtalstid in remissvar-goteborg-2025-06-12.json.
    static let knownCommentID = "kommun-1480--hos-avtal--avtalstid--b1512e23"

    func temporaryFolder(_ name: String = "out") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-responses-\(UUID().uuidString)/\(name)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }

    func goodFolder() throws -> URL {
        let folder = try temporaryFolder("svar")
        for name in Self.goodResponses {
            try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("\(Self.fixtureSet)/\(name)"),
                                             to: folder.appendingPathComponent(name))
        }
        return folder
    }

    /// A copy of the fixture corpus with a dispositions file, so that the fixture itself is never touched.
    func corpusWithDispositions(_ yaml: String) throws -> URL {
        let root = try temporaryFolder("korpus")
        try FileManager.default.removeItem(at: root)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent(remissCorpus), to: root)
        let folder = root.appendingPathComponent("remissvar/remiss-2025")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: folder.appendingPathComponent("dispositions.yml"))
        return root
    }

    @Test func theFixtureSetExitsOneAndEndsWithTheAccount() throws {
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", Self.fixtureSet, "--root", remissCorpus, "--for", "remiss-2025", "--output", output.path])
        #expect(run.status == 1, "\(run.stderr)")
        let out = lines(run.stdout)
        #expect(out.last == Self.accountLine)
        #expect(out.dropLast().last == "comments: 45, of which 45 without a disposition; summary in \(output.path)/sammanstallning.html")
        // Each input with something to say, and why.
        for expected in ["remissvar-mark-2025-06-08.json: rejected", "bilaga-skarmdump.png: rejected",
                         "  - avvisat: filen är inte text i UTF-8: byte 0x89 at byte offset 0 (på rad 1, kolumn 1)",
                         "enkat-kommuner.csv rad 5: rejected",
                         "remissvar-goteborg-utkast.json: superseded",
                         "  - ersatt av remissvar-goteborg-2025-06-12.json, som samma organisation sparade senare",
                         "remissvar-trollhattan-2025-06-10.json: accepted",
                         "  - grades.hos-avtal.document.grade: 7 finns inte på skalan 1–4; räknas inte"] {
            #expect(out.contains(expected), "missing line: \(expected)")
        }
        // Inputs without a remark are not listed one by one.
        #expect(!run.stdout.contains("remissvar-regionstyrelsen-2025-06-16.json"))
        // The summary is written even so: the rejected files are part of the account.
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: output.path))
        #expect(written == Self.outputFiles)
        let account = try String(contentsOf: output.appendingPathComponent("redovisning.txt"), encoding: .utf8)
        #expect(account.hasSuffix("Inlästa: 27, godtagna: 17, ersatta: 3, avvisade: 7\n"))
    }

    @Test func onlyGoodResponsesExitZero() throws {
        let folder = try goodFolder()
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", folder.path, "--root", remissCorpus, "--for", "remiss-2025", "--output", output.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let out = lines(run.stdout)
        #expect(out.last == "files: 5 read, 5 accepted, 0 superseded, 0 rejected")
        #expect(out.count == 2, "no input has a remark: \(out)")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: output.path)) == Self.outputFiles)
        let csv = try String(contentsOf: output.appendingPathComponent("kommentarer.csv"), encoding: .utf8)
        // Excel set to Swedish: semicolons, and a BOM so that å, ä and ö are read as UTF-8.
        let raw = try Data(contentsOf: output.appendingPathComponent("kommentarer.csv"))
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.hasPrefix("\"kommentar-id\";\"organisation-id\";\"organisation\"") || csv.hasPrefix("\u{FEFF}\"kommentar-id\";"))
        #expect(csv.contains("\"\(Self.knownCommentID)\";\"kommun-1480\";\"Göteborg\";\"hos-avtal\";\"avtalstid\""))
    }

    @Test func theOutputFolderIsReplacedNotMixed() throws {
        let output = try temporaryFolder()
        try Data("gammal".utf8).write(to: output.appendingPathComponent("gammal-fil.txt"))
        // Without avtal's marker the folder is someone else's: refused, and left alone.
        let refused = try avtal(["responses", "compile", try goodFolder().path, "--root", remissCorpus, "--for", "remiss-2025", "--output", output.path])
        #expect(refused.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["gammal-fil.txt"])
        try Data().write(to: output.appendingPathComponent(".avtal-output"))
        let run = try avtal(["responses", "compile", try goodFolder().path, "--root", remissCorpus, "--for", "remiss-2025", "--output", output.path])
        #expect(run.status == 0)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: output.path)) == Self.outputFiles)
    }

    @Test func aMissingFolderExitsTwo() throws {
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", "Tests/finns-inte", "--root", remissCorpus, "--for", "remiss-2025", "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no folder of responses at 'Tests/finns-inte'"), "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "nothing is written")
    }

    @Test func anUnknownVersionExitsTwo() throws {
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", Self.fixtureSet, "--root", remissCorpus, "--for", "remiss-2024", "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no version 'remiss-2024' to compile against"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "nothing is written")
    }

    @Test func aMissingVersionOptionExitsTwo() throws {
        let run = try avtal(["responses", "compile", Self.fixtureSet, "--root", remissCorpus])
        #expect(run.status == 2)
    }

    @Test func aKnownDispositionLowersTheOpenCount() throws {
        let root = try corpusWithDispositions("""
            dispositions:
              \(Self.knownCommentID):
                disposition: beaktas delvis
                motivation: Avtalstiden behålls, men en gemensam utvärdering görs efter halva tiden.
                carried-by: sro-2025-01-30-justering

            """)
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", try goodFolder().path, "--root", root.path, "--for", "remiss-2025",
                             "--templates", packageRoot.appendingPathComponent("Templates").path, "--output", output.path])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let out = lines(run.stdout)
        let comments = try #require(out.dropLast().last)
        let total = try #require(Int(comments.dropFirst("comments: ".count).prefix { $0.isNumber }))
        #expect(comments.hasPrefix("comments: \(total), of which \(total - 1) without a disposition"))
        let csv = try String(contentsOf: output.appendingPathComponent("kommentarer.csv"), encoding: .utf8)
        #expect(csv.contains("\"beaktas delvis\";\"Avtalstiden behålls, men en gemensam utvärdering görs efter halva tiden.\";\"sro-2025-01-30-justering\""))
    }

    @Test func aDispositionForAnUnknownCommentExitsOneWithAV801() throws {
        let root = try corpusWithDispositions("""
            dispositions:
              \(Self.knownCommentID):
                disposition: beaktas
                motivation: Tas in i nästa version.
              kommun-1480--hos-avtal--avtalstd--b1512e23:
                disposition: beaktas inte
                motivation: Felskrivet ID.

            """)
        let output = try temporaryFolder()
        let run = try avtal(["responses", "compile", try goodFolder().path, "--root", root.path, "--for", "remiss-2025",
                             "--templates", packageRoot.appendingPathComponent("Templates").path, "--output", output.path])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("remissvar/remiss-2025/dispositions.yml:5:"), "\(run.stdout)")
        #expect(run.stdout.contains("[AV801]: Disposition for unknown comment 'kommun-1480--hos-avtal--avtalstd--b1512e23'"))
        #expect(run.stdout.contains("did you mean '\(Self.knownCommentID)'?"))
        #expect(lines(run.stdout).last == "files: 5 read, 5 accepted, 0 superseded, 0 rejected")
    }
}
