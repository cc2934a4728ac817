import Foundation
import Testing
@testable import AvtalCore

/// The writer fed file by file (`replaceFolder(_:mode:writing:)`), as `avtal build` uses it.
@Suite struct StreamingWriterTests {
    struct Interrupted: Error {}

    func parentWithSite(_ files: [String: Data]) throws -> (parent: URL, site: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-stream-\(UUID().uuidString)")
        let site = parent.appendingPathComponent("site")
        try AtomicWriter.replaceFolder(site, with: files, mode: .output(corpus: nil))
        return (parent, site)
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    @Test func filesAppearOnlyAfterTheSwap() throws {
        let (parent, site) = try parentWithSite(["a.html": Data("old".utf8)])
        var stagingFolder: URL?
        try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil)) { staging in
            stagingFolder = staging.folder
            try staging.write("a.html", Data("new".utf8))
            try staging.write("v1/alla.html") { page in
                try page.append("<p>första</p>")
                // Other files may be written while a file is open.
                try staging.write("v1/index.html", "index")
                try page.append("<p>andra</p>")
            }
            // Written to the staging folder, not yet to the site.
            #expect(try read(staging.folder.appendingPathComponent("v1/alla.html")) == "<p>första</p><p>andra</p>")
            #expect(try read(site.appendingPathComponent("a.html")) == "old")
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("v1").path))
        }
        #expect(try read(site.appendingPathComponent("a.html")) == "new")
        #expect(try read(site.appendingPathComponent("v1/alla.html")) == "<p>första</p><p>andra</p>")
        #expect(try contents(site.appendingPathComponent("v1")) == ["alla.html", "index.html"])
        #expect(try contents(site) == [OutputFolderGuard.markerName, "a.html", "v1"])
        #expect(try contents(parent) == [".site.lock", "site"])
        #expect(stagingFolder.map { !FileManager.default.fileExists(atPath: $0.path) } == true)
    }

    @Test func aThrowInTheMiddleLeavesTheOldFolderAndNoStaging() throws {
        let (parent, site) = try parentWithSite(["a.html": Data("old".utf8), "b/c.html": Data("c".utf8)])
        #expect(throws: Interrupted.self) {
            try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil)) { staging in
                try staging.write("a.html", Data("new".utf8))
                try staging.write("big.html") { page in
                    try page.append("half a page")
                    throw Interrupted()
                }
            }
        }
        #expect(try read(site.appendingPathComponent("a.html")) == "old")
        #expect(try contents(site) == [OutputFolderGuard.markerName, "a.html", "b"])
        #expect(try contents(parent) == [".site.lock", "site"])
    }

    @Test(arguments: ["../x.html", "sub/../../x.html", "/tmp/x.html", "..", ""])
    func refusesAPathOutsideTheFolder(_ path: String) throws {
        let (parent, site) = try parentWithSite(["a.html": Data("old".utf8)])
        let failure = #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil)) { staging in
                try staging.write("a.html", Data("new".utf8))
                try staging.write(path, Data("x".utf8))
            }
        }
        #expect(failure?.description.contains("outside the output folder") == true)
        #expect(try read(site.appendingPathComponent("a.html")) == "old")
        #expect(try contents(parent) == [".site.lock", "site"])
    }

    @Test func refusesTheSameFileTwice() throws {
        let (_, site) = try parentWithSite(["a.html": Data("old".utf8)])
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil)) { staging in
                try staging.write("a.html", Data("1".utf8))
                try staging.write("a.html", Data("2".utf8))
            }
        }
        // The marker is the writer's own file.
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil)) { staging in
                try staging.write(OutputFolderGuard.markerName, Data())
            }
        }
        #expect(try read(site.appendingPathComponent("a.html")) == "old")
    }

    @Test func theGuardRunsBeforeAnythingIsRendered() throws {
        let foreign = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        var rendered = false
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(foreign, mode: .output(corpus: nil)) { _ in rendered = true }
        }
        #expect(!rendered)
        #expect(try contents(foreign) == ["notes.txt"])
    }

    @Test func theCompanionIsPutInPlaceWithTheFolder() throws {
        let (parent, site) = try parentWithSite(["a.html": Data("old".utf8)])
        let zip = parent.appendingPathComponent("site.zip")
        try AtomicWriter.replaceFolder(site, mode: .output(corpus: nil), companion: (zip, Data("zip".utf8))) { staging in
            try staging.write("a.html", "new")
        }
        #expect(try read(zip) == "zip")
        #expect(try read(site.appendingPathComponent("a.html")) == "new")
        #expect(try contents(parent) == [".site.lock", "site", "site.zip"])
    }
}
