import Foundation
import Testing

/// The commands beyond `check`, end to end on the fixture corpus Tests/Fixtures/remiss-korpus and on temporary copies.
@Suite struct CommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func versionsListsThePublishedRemissVersion() throws {
        let run = try avtal(["versions", "--root", remissCorpus])
        #expect(run.status == 0)
        #expect(run.stdout.contains("remiss-2025  published on 2025-02-01  base working"))
        #expect(run.stdout.contains("  - sro-2025-01-30-rattelse  correction, SRO 2025-01-30, in force from 2027-01-01:"))
    }

    @Test func versionsShowWhenAPatchTakesEffect() throws {
        let run = try avtal(["versions", "--root", "Tests/AvtalPublishingTests/Fixtures/andringar"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  - p-avtalstid  adjustment, SRO 2025-01-30, in force from 2027-01-01: Kortare avtalstid och ny rubrik för munhälsa\n"),
                "\(run.stdout)")
        #expect(run.stdout.contains("  - p-struktur  adjustment, SRO 2025-03-14: Ny struktur"))
    }

    @Test func diffShowsExactlyTheSROChanges() throws {
        let run = try avtal(["diff", "working", "remiss-2025", "--root", remissCorpus, "--color", "never"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("senast tre [-vardagar-] {+dagar+} efter"))
        #expect(run.stdout.hasSuffix("3 documents changed: 0 inserted, 0 deleted, 0 moved, 0 renamed, 3 changed clauses\n"))
    }

    @Test func diffWritesAnHTMLRedline() throws {
        let file = try temporaryFolder().appendingPathComponent("redline.html")
        let run = try avtal(["diff", "working", "remiss-2025", "--root", remissCorpus, "--output", file.path, "--color", "never"])
        #expect(run.status == 0)
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<ins><span class=\"visually-hidden\">Infogat: </span>2031</ins>"))
        #expect(html.contains("<del><span class=\"visually-hidden\">Borttaget: </span>2030</del>"))
        #expect(html.contains("<style>"), "a redline written alone carries its stylesheet")
    }

    @Test func diffOfAnUnknownVersionCannotRun() throws {
        let run = try avtal(["diff", "working", "remiss-2099", "--root", remissCorpus])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Unknown version 'remiss-2099'"))
    }

    @Test func amendmentsInMarkdownAndHTML() throws {
        let markdown = try avtal(["amendments", "sro-2025-01-30-rattelse", "--root", remissCorpus])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("\n\nPunkt 3.1.2 ska ha följande lydelse:\n\n"))
        let html = try avtal(["amendments", "sro-2025-01-30-rattelse", "--root", remissCorpus, "--format", "html"])
        #expect(html.status == 0)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(try avtal(["amendments", "ingen-sadan", "--root", remissCorpus]).status == 2)
    }

    @Test func buildWritesTheSite() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        let run = try avtal(["build", "--root", remissCorpus, "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("built "))
        for page in ["index.html", "style.css", "tillganglighet.html", "working/hos-avtal.html", "remiss-2025/andringar.html"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(page).path), "\(page)")
        }
        let one = try temporaryFolder().appendingPathComponent("site")
        #expect(try avtal(["build", "--root", remissCorpus, "--only", "remiss-2025", "--output", one.path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: one.appendingPathComponent("working").path))
    }

    @Test func aBuildWithErrorsExitsOneAndWritesNothing() throws {
        let output = try temporaryFolder().appendingPathComponent("site")
        let run = try avtal(["build", "--root", "Tests/AvtalCoreTests/Fixtures/AV401-unknown-clause", "--output", output.path,
                             "--templates", "Templates"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[AV401]"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func publishFreezesAVersionOnce() throws {
        let corpus = try temporaryFolder().appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("AV613-retired-reference"), to: corpus)
        // That fixture's patch deletes a referenced clause: publishing must refuse and write nothing.
        let refused = try avtal(["publish", "v1", "--root", corpus.path])
        #expect(refused.status == 1)
        #expect(!FileManager.default.fileExists(atPath: corpus.appendingPathComponent("versions").path))

        let good = try temporaryFolder().appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("AV614-unused-patch"), to: good)
        let run = try avtal(["publish", "v1", "--root", good.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: good.appendingPathComponent("versions/v1/lock.json").path))
        let again = try avtal(["publish", "v1", "--root", good.path])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already published"))
    }
}
