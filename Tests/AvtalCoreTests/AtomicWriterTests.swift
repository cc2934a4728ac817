import Foundation
import Testing
@testable import AvtalCore

@Suite struct AtomicWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func contents(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test(arguments: [".git", "agreement.yml", "Templates", "Package.swift"])
    func refusesAFolderThatHoldsSources(_ child: String) throws {
        let folder = try temporaryFolder()
        try Data().write(to: folder.appendingPathComponent(child))
        try Data().write(to: folder.appendingPathComponent(OutputFolderGuard.markerName))
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(folder, with: ["a.html": Data("x".utf8)], mode: .output(corpus: nil))
        }
        #expect(try contents(folder) == [OutputFolderGuard.markerName, child].sorted())
    }

    @Test func refusesTheCorpusAndAnyFolderHoldingIt() throws {
        let corpus = try copyFixture("valid")
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(corpus, with: [:], mode: .output(corpus: corpus))
        }
        // A parent marked as avtal's is still refused while the corpus lies inside it.
        let parent = corpus.deletingLastPathComponent()
        #expect(throws: AtomicWriter.Failure.self) { try OutputFolderGuard.check(parent, corpus: corpus) }
        #expect(FileManager.default.fileExists(atPath: corpus.appendingPathComponent("agreement.yml").path))
    }

    @Test func refusesTheCurrentFolderAndTheRoot() throws {
        // Only the guard is asked: a bug here must not be able to delete the working copy.
        let failure = #expect(throws: AtomicWriter.Failure.self) { try OutputFolderGuard.check(URL(fileURLWithPath: ".")) }
        #expect(failure?.description.contains("current folder") == true)
        #expect(throws: AtomicWriter.Failure.self) { try OutputFolderGuard.check(URL(fileURLWithPath: "/")) }
    }

    @Test func aSingleOutputFileIsNeverASourceOrAFolder() throws {
        let corpus = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: corpus) }
        let html: Set<String> = ["html"]
        for target in ["avtal.md", "agreement.yml", "sub/redline.html"] {
            #expect(throws: AtomicWriter.Failure.self, "\(target)") {
                try OutputFolderGuard.checkFile(corpus.appendingPathComponent(target), corpus: corpus, extensions: html)
            }
        }
        let outside = try temporaryFolder()
        #expect(throws: AtomicWriter.Failure.self) {
            try OutputFolderGuard.checkFile(outside.appendingPathComponent("README.md"), corpus: corpus, extensions: html)
        }
        #expect(throws: AtomicWriter.Failure.self) { try OutputFolderGuard.checkFile(outside, corpus: corpus, extensions: html) }
        try OutputFolderGuard.checkFile(outside.appendingPathComponent("andringar.html"), corpus: corpus, extensions: html)
        #expect(try String(contentsOf: corpus.appendingPathComponent("avtal.md"), encoding: .utf8).contains("{#"))
    }

    @Test func replacesOnlyEmptyOrMarkedFolders() throws {
        let parent = try temporaryFolder()
        let foreign = parent.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        let failure = #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(foreign, with: ["a.html": Data()], mode: .output(corpus: nil))
        }
        #expect(failure?.description.contains(OutputFolderGuard.markerName) == true)
        #expect(try contents(foreign) == ["notes.txt"])

        let site = parent.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try AtomicWriter.replaceFolder(site, with: ["a.html": Data("1".utf8), "old.html": Data()], mode: .output(corpus: nil))
        #expect(try contents(site) == [OutputFolderGuard.markerName, "a.html", "old.html"])
        try AtomicWriter.replaceFolder(site, with: ["a.html": Data("2".utf8), "sub/b.html": Data()], mode: .output(corpus: nil))
        #expect(try contents(site) == [OutputFolderGuard.markerName, "a.html", "sub"])
        #expect(try Data(contentsOf: site.appendingPathComponent("a.html")) == Data("2".utf8))
        #expect(try contents(parent) == [".site.lock", "foreign", "site"])
    }

    @Test func removesStagingAndOldFoldersOfKilledRuns() throws {
        let parent = try temporaryFolder()
        let site = parent.appendingPathComponent("site")
        for leftover in [".site.staging-4242-deadbeef", ".site.old-4242-deadbeef"] {
            let url = parent.appendingPathComponent(leftover)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data("half".utf8).write(to: url.appendingPathComponent("index.html"))
        }
        try AtomicWriter.replaceFolder(site, with: ["index.html": Data("whole".utf8)], mode: .output(corpus: nil))
        #expect(try contents(parent) == [".site.lock", "site"])
    }

    @Test func aCompanionThatCannotBeWrittenLeavesTheFolderAsItWas() throws {
        let parent = try temporaryFolder()
        let folder = parent.appendingPathComponent("remiss/v1")
        try AtomicWriter.replaceFolder(folder, with: ["a.html": Data("old".utf8)], mode: .output(corpus: nil))
        // The zip's folder is a file, so the zip cannot be staged.
        try Data().write(to: parent.appendingPathComponent("blocked"))
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(folder, with: ["a.html": Data("new".utf8)], mode: .output(corpus: nil),
                                           companion: (parent.appendingPathComponent("blocked/v1.zip"), Data("zip".utf8)))
        }
        #expect(try Data(contentsOf: folder.appendingPathComponent("a.html")) == Data("old".utf8))
        #expect(try contents(parent.appendingPathComponent("remiss")) == [".v1.lock", "v1"])
    }

    @Test func aNewFolderIsNeverReplacedAndNotMarked() throws {
        let parent = try temporaryFolder()
        let snapshot = parent.appendingPathComponent("versions/v1")
        try AtomicWriter.replaceFolder(snapshot, with: ["lock.json": Data("{}".utf8)], mode: .newFolder)
        #expect(try contents(snapshot) == ["lock.json"])
        #expect(throws: AtomicWriter.Failure.self) {
            try AtomicWriter.replaceFolder(snapshot, with: ["lock.json": Data()], mode: .newFolder)
        }
        #expect(try Data(contentsOf: snapshot.appendingPathComponent("lock.json")) == Data("{}".utf8))
    }
}
