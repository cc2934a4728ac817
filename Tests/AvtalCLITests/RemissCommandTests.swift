import Foundation
import Testing

/// `avtal remiss` end to end: the package, its manifest, and the same bytes twice.
@Suite struct RemissCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-remiss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func package() throws -> (folder: URL, zip: URL) {
        let output = try temporaryFolder()
        let run = try avtal(["remiss", "remiss-2025", "--root", remissCorpus, "--output", output.path], environment: ["SOURCE_DATE_EPOCH": ""])
        #expect(run.status == 0, "\(run.stderr)")
        return (output.appendingPathComponent("remiss/remiss-2025"), output.appendingPathComponent("remiss-remiss-2025.zip"))
    }

    @Test func theZipIsTheSameBytesTwice() throws {
        let first = try package(), second = try package()
        let a = try Data(contentsOf: first.zip), b = try Data(contentsOf: second.zip)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func theManifestListsEveryFileWithItsHash() throws {
        let (folder, _) = try package()
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(manifest["version"] as? String == "remiss-2025")
        #expect(manifest["patches"] as? [String] == ["sro-2025-01-30-justering", "sro-2025-01-30-rattelse"])
        let files = try #require(manifest["files"] as? [[String: Any]])
        var listed = Set<String>()
        for file in files {
            let path = try #require(file["path"] as? String)
            listed.insert(path)
            let bytes = try Data(contentsOf: folder.appendingPathComponent(path))
            #expect(file["size"] as? Int == bytes.count, "\(path)")
            let hash = try sha256(of: folder.appendingPathComponent(path))
            #expect(file["sha256"] as? String == hash, "\(path)")
        }
        // Every file but the manifest itself is listed (and avtal's output marker, which is not in the package).
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var present = Set<String>()
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue, path != "manifest.json", path != ".avtal-output" { present.insert(path) }
        }
        #expect(listed == present)
        for expected in ["LÄSMIG.txt", "remissbrev.html", "svar.html", "svar.schema.json", "andringar.html",
                         "beslut/sro-2025-01-30-rattelse.md", "webbplats/index.html", "webbplats/remiss-2025/hos-avtal.html"] {
            #expect(listed.contains(expected), "\(expected)")
        }
    }

    @Test func theLetterStatesTheFacts() throws {
        let (folder, _) = try package()
        let letter = try String(contentsOf: folder.appendingPathComponent("remissbrev.html"), encoding: .utf8)
        #expect(letter.contains("Svara senast kl. 12.00 den 19 juni 2025."))
        #expect(letter.contains("den 1 februari 2025"))
        #expect(letter.contains("RS 2024-00001"))
        #expect(letter.contains("Västra Götalandsregionen och VästKom"))
        #expect(letter.contains("mailto:registrator@example.org"))
        #expect(letter.contains("Ale, Alingsås, Göteborg"))
        let readme = try String(contentsOf: folder.appendingPathComponent("LÄSMIG.txt"), encoding: .utf8)
        #expect(readme.contains("Öppna först remissbrev.html"))
    }

    @Test func theZipHasNoUnsafeEntries() throws {
        let (_, zip) = try package()
        let listing = try shell(["unzip", "-Z1", zip.path])
        let entries = listing.split(separator: "\n").map(String.init)
        #expect(entries == entries.sorted())
        #expect(entries.allSatisfy { $0.hasPrefix("remiss-2025/") && !$0.contains("..") })
        #expect(entries.contains("remiss-2025/LÄSMIG.txt"))
        let details = try shell(["zipinfo", zip.path])
        #expect(!details.contains("rwxr"), "every entry is mode 0644")
    }

    @Test func onlyAPublishedVersionWithSettingsGoesOut() throws {
        let output = try temporaryFolder()
        let run = try avtal(["remiss", "working", "--root", remissCorpus, "--output", output.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no version 'working'"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    @Test func pdfPrintsEveryDocumentWithChromium() throws {
        let output = try temporaryFolder()
        let run = try avtal(["remiss", "remiss-2025", "--root", remissCorpus, "--output", output.path, "--pdf"])
        #expect(run.status == 0, "\(run.stderr)")
        let folder = output.appendingPathComponent("remiss/remiss-2025/pdf")
        let pdfs = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(pdfs == ["eskaleringstrappa.pdf", "hos-avtal.pdf", "ok-betalningsansvar.pdf",
                         "ok-munhalsa.pdf", "ok-psykisk-funktionsnedsattning.pdf", "remissbrev.pdf", "svar.pdf"])
        let pdf = try Data(contentsOf: folder.appendingPathComponent("ok-munhalsa.pdf"))
        #expect(pdf.starts(with: Data("%PDF-".utf8)))
        let raw = String(decoding: pdf, as: UTF8.self)
        #expect(raw.contains("/Lang (sv)"), "the language is set")
        #expect(raw.contains("/StructTreeRoot"), "the PDF is tagged")
        // The page's <title> becomes the PDF's title, written as UTF-16 hex.
        let title = "Överenskommelse om munhälsa".utf16.map { String(format: "%04X", $0) }.joined()
        #expect(raw.contains("/Title <FEFF" + title))
    }

    @Test func pdfWithoutChromiumStopsBeforeWritingAnything() throws {
        let output = try temporaryFolder()
        let run = try avtal(["remiss", "remiss-2025", "--root", remissCorpus, "--output", output.path, "--pdf"],
                            environment: ["PATH": "/nonexistent", "CHROMIUM": "/nonexistent/chromium"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--pdf needs Chromium"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
    }

    func sha256(of url: URL) throws -> String {
        String(try shell(["sha256sum", url.path]).prefix(64))
    }

    func shell(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        return try runCapturing(process).0
    }
    /// A placeholder keeps a final package from being made: exit 1, each placeholder at its place;
    /// `--draft` makes the package, with the placeholder shown as an example.
    @Test func placeholdersAreRefusedUnlessThePackageIsADraft() throws {
        let corpus = try temporaryFolder().appendingPathComponent("korpus")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: remissCorpus), to: corpus)
        let settings = corpus.appendingPathComponent("remiss/remiss-2025.yml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "number: RS 2024-00001", with: "number: {placeholder: RS 20XX-XXXXX}")
            .write(to: settings, atomically: true, encoding: .utf8)
        let output = try temporaryFolder()
        let refused = try avtal(["remiss", "remiss-2025", "--root", corpus.path, "--output", output.path])
        #expect(refused.status == 1)
        #expect((refused.stdout + refused.stderr).contains("remiss/remiss-2025.yml:5:27"), "\(refused.stdout)\(refused.stderr)")
        #expect((refused.stdout + refused.stderr).contains("AV711"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty)
        let draft = try avtal(["remiss", "remiss-2025", "--root", corpus.path, "--output", output.path, "--draft"])
        #expect(draft.status == 0, "\(draft.stderr)")
        let letter = try String(contentsOf: output.appendingPathComponent("remiss/remiss-2025/remissbrev.html"), encoding: .utf8)
        #expect(letter.contains("<span class=\"placeholder\">RS 20XX-XXXXX (exempel)</span>"))
    }
}
