import Foundation
import Testing

/// `kill -9` at random moments of publish, build and remiss. Whatever the moment, every output path
/// holds the complete old tree or the complete new one, and the next run ends in a clean state.
/// The delays are drawn within the measured length of an uninterrupted run, so the kills land
/// anywhere from start-up to the final rename; a failure message names the delay.
@Suite(.serialized) struct KillTests {
    static let trials = 10

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every regular file under `folder` by relative path; nil when the folder is missing.
    func tree(_ folder: URL) throws -> [String: Data]? {
        guard FileManager.default.fileExists(atPath: folder.path) else { return nil }
        let base = folder.standardizedFileURL.path + "/"
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Leftovers of a killed writer beside `path` (staging or old folders and files).
    func leftovers(beside path: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path.deletingLastPathComponent().path)
            .filter { $0.contains(".staging-") || $0.contains(".old-") }
    }

    /// Runs avtal and returns how long it took; it must succeed.
    func timedRun(_ arguments: [String]) throws -> TimeInterval {
        let start = Date()
        let run = try avtal(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return Date().timeIntervalSince(start)
    }

    /// Starts avtal, sends SIGKILL after `delay` unless it has finished, and waits for it.
    func runKilled(_ arguments: [String], after delay: TimeInterval) throws {
        let process = Process()
        process.executableURL = try avtalBinary()
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    func copy(_ fixture: String, into folder: URL) throws -> URL {
        let corpus = folder.appendingPathComponent(fixture)
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent(fixture), to: corpus)
        return corpus
    }

    @Test func publishKilledAnywhereLeavesNoSnapshotOrAWholeOneAndPublishingAgainChecksClean() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try copy("remiss-base", into: folder.appendingPathComponent("reference"))
        try prepareDraft(reference)
        let length = try timedRun(["publish", "v1", "--root", reference.path])
        let whole = try #require(try tree(reference.appendingPathComponent("versions/v1")))
        var interrupted = 0
        for trial in 0..<Self.trials {
            let corpus = try copy("remiss-base", into: folder.appendingPathComponent("trial-\(trial)"))
            try prepareDraft(corpus)
            let delay = Double.random(in: 0..<(length * 1.2))
            try runKilled(["publish", "v1", "--root", corpus.path], after: delay)
            let snapshot = try tree(corpus.appendingPathComponent("versions/v1"))
            #expect(snapshot == nil || snapshot == whole, "killed after \(delay) s: a partial snapshot")
            if snapshot == nil { interrupted += 1 }
            let again = try avtal(["publish", "v1", "--root", corpus.path])
            #expect(again.status == 0 || again.stderr.contains("already published"), "after \(delay) s: \(again.stderr)")
            let check = try avtal(["check", "--root", corpus.path])
            #expect(check.status == 0, "killed after \(delay) s: \(check.stdout)\(check.stderr)")
            #expect(try tree(corpus.appendingPathComponent("versions/v1")) == whole)
            #expect(try leftovers(beside: corpus.appendingPathComponent("versions/v1")) == [], "after \(delay) s")
        }
        #expect(interrupted > 0, "no kill landed before the snapshot was written: the test tested nothing")
    }

    /// remiss-base with its version turned back into a draft, as it was before it was published
    /// (remiss settings come after publishing).
    func prepareDraft(_ corpus: URL) throws {
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("versions"))
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("remiss"))
        let url = corpus.appendingPathComponent("versions.yml")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "status: published", with: "status: draft").write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func buildKilledAnywhereLeavesTheOldSiteOrTheNew() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = try copy("valid", into: folder.appendingPathComponent("old"))
        let new = try copy("valid", into: folder.appendingPathComponent("new"))
        let document = new.appendingPathComponent("avtal.md")
        try (try String(contentsOf: document, encoding: .utf8) + "\nEn mening som bara den nya texten har.\n")
            .write(to: document, atomically: true, encoding: .utf8)
        let site = folder.appendingPathComponent("site")
        func build(_ corpus: URL) -> [String] { ["build", "--root", corpus.path, "--templates", "Templates", "--output", site.path] }
        let length = try timedRun(build(new))
        let newSite = try #require(try tree(site))
        _ = try timedRun(build(old))
        let oldSite = try #require(try tree(site))
        #expect(oldSite != newSite)
        var interrupted = 0
        for trial in 0..<Self.trials {
            let (from, to) = trial.isMultiple(of: 2) ? (oldSite, new) : (newSite, old)
            let delay = Double.random(in: 0..<(length * 1.2))
            try runKilled(build(to), after: delay)
            let after = try tree(site)
            #expect(after == from || after == (to == new ? newSite : oldSite), "killed after \(delay) s: a mixed site")
            if after == from { interrupted += 1 }
            _ = try timedRun(build(to))
            #expect(try tree(site) == (to == new ? newSite : oldSite))
            #expect(try leftovers(beside: site) == [], "after \(delay) s")
        }
        #expect(interrupted > 0, "no kill landed before the swap: the test tested nothing")
    }

    @Test func remissKilledAnywhereLeavesEachPathOldOrNew() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = try copy("remiss-base", into: folder.appendingPathComponent("old"))
        let new = try copy("remiss-base", into: folder.appendingPathComponent("new"))
        let settings = new.appendingPathComponent("remiss/v1.yml")
        try (try String(contentsOf: settings, encoding: .utf8))
            .replacingOccurrences(of: "title: Remiss av testavtalet", with: "title: Remiss av testavtalet, andra utskicket")
            .write(to: settings, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out")
        func remiss(_ corpus: URL) -> [String] {
            ["remiss", "v1", "--root", corpus.path, "--templates", "Templates", "--output", output.path]
        }
        let package = output.appendingPathComponent("remiss/v1")
        let zip = output.appendingPathComponent("remiss-v1.zip")
        func state() throws -> ([String: Data]?, Data?) { (try tree(package), FileManager.default.contents(atPath: zip.path)) }
        let length = try timedRun(remiss(new))
        let newState = try state()
        _ = try timedRun(remiss(old))
        let oldState = try state()
        #expect(oldState.0 != newState.0 && oldState.1 != newState.1)
        var interrupted = 0
        for trial in 0..<Self.trials {
            let target = trial.isMultiple(of: 2) ? new : old
            let delay = Double.random(in: 0..<(length * 1.2))
            try runKilled(remiss(target), after: delay)
            let (folderAfter, zipAfter) = try state()
            #expect(folderAfter == oldState.0 || folderAfter == newState.0, "killed after \(delay) s: a mixed folder")
            #expect(zipAfter == oldState.1 || zipAfter == newState.1, "killed after \(delay) s: a broken zip")
            let before = target == new ? oldState : newState
            if folderAfter == before.0 && zipAfter == before.1 { interrupted += 1 }
            _ = try timedRun(remiss(target))
            let expected = target == new ? newState : oldState
            let final = try state()
            #expect(final.0 == expected.0 && final.1 == expected.1)
            #expect(try leftovers(beside: package) == [] && leftovers(beside: zip) == [], "after \(delay) s")
        }
        #expect(interrupted > 0, "no kill landed before the swap: the test tested nothing")
    }
}
