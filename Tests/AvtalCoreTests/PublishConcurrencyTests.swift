import Foundation
import Testing
@testable import AvtalCore

/// Publishing takes the corpus lock around the whole read-modify-write, so concurrent runs take turns.
@Suite struct PublishConcurrencyTests {
    /// The all-operations fixture, with the alias its patch's rename needs once a version publishes it.
    func corpus() throws -> URL {
        let folder = try copyFixture("versions-all-operations")
        let manifest = folder.appendingPathComponent("agreement.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "aliases:\n  avtal#regionen: regionens-ansvar\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        return folder
    }

    /// `corpus()` with a second draft, v2, built from the working text by a patch of its own.
    func corpusWithTwoDrafts() throws -> URL { try copyFixture("versions-two-drafts") }

    func publishConcurrently(_ root: URL, _ versions: [String]) -> [Result<String, any Error>] {
        let results = Results(count: versions.count)
        DispatchQueue.concurrentPerform(iterations: versions.count) { index in
            results.set(index, Result { try PublishAction.run(root: root, version: versions[index], date: nil).version })
        }
        return results.values
    }

    @Test func twoVersionsPublishedAtOnceAreBothPublished() throws {
        for _ in 0..<6 {
            let root = try corpusWithTwoDrafts()
            defer { try? FileManager.default.removeItem(at: root) }
            let results = publishConcurrently(root, ["v1", "v2"])
            #expect(results.compactMap { try? $0.get() }.sorted() == ["v1", "v2"])
            let workspace = try Workspace.load(root: root)
            #expect(workspace.versions.map(\.status) == [.published, .published])
            #expect(workspace.diagnostics.map(\.summary) == [])
        }
    }

    @Test func oneVersionPublishedTwiceAtOnceIsPublishedOnce() throws {
        for _ in 0..<6 {
            let root = try corpus()
            defer { try? FileManager.default.removeItem(at: root) }
            let results = publishConcurrently(root, ["v1", "v1"])
            #expect(results.filter { (try? $0.get()) != nil }.count == 1)
            let workspace = try Workspace.load(root: root)
            #expect(workspace.versions.map(\.status) == [.published])
            #expect(workspace.diagnostics.map(\.summary) == [])
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("versions").path)
            #expect(leftovers == ["v1"])
        }
    }

    @Test func aDraftWithALockIsReportedAsAnInterruptedPublish() throws {
        let root = try copyFixture("versions-all-operations")
        defer { try? FileManager.default.removeItem(at: root) }
        let snapshot = root.appendingPathComponent("versions/v1")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: snapshot.appendingPathComponent("lock.json"))
        let workspace = try Workspace.load(root: root)
        #expect(workspace.diagnostics.map(\.code) == [.interruptedPublish])
        #expect(workspace.diagnostics.first?.notes.first?.message.contains("run 'avtal publish v1' again") == true)
    }

    /// Publishes v1, then puts the corpus back in the state a run killed between the snapshot and
    /// versions.yml leaves: the snapshot written, the version still a draft.
    func interruptedPublish() throws -> (root: URL, snapshot: [String: Data]) {
        let root = try corpus()
        let versions = root.appendingPathComponent("versions.yml")
        let draft = try Data(contentsOf: versions)
        _ = try PublishAction.run(root: root, version: "v1", date: nil)
        let snapshot = try PublishAction.contents(of: root.appendingPathComponent("versions/v1"))
        try draft.write(to: versions)
        return (root, snapshot)
    }

    @Test func publishingAgainCompletesAnInterruptedPublishWhoseSnapshotIsWhole() throws {
        let (root, snapshot) = try interruptedPublish()
        defer { try? FileManager.default.removeItem(at: root) }
        let published = try PublishAction.run(root: root, version: "v1", date: nil)
        #expect(published.recovery == .completed)
        #expect(try PublishAction.contents(of: published.folder) == snapshot)
        let workspace = try Workspace.load(root: root)
        #expect(workspace.versions.map(\.status) == [.published])
        #expect(workspace.diagnostics.map(\.summary) == [])
    }

    @Test func publishingAgainReplacesAnInterruptedSnapshotThatIsCutShort() throws {
        for damage in ["truncate", "remove"] {
            let (root, snapshot) = try interruptedPublish()
            defer { try? FileManager.default.removeItem(at: root) }
            let folder = root.appendingPathComponent("versions/v1")
            let victim = folder.appendingPathComponent(snapshot.keys.sorted().first { $0.hasSuffix(".md") }!)
            if damage == "truncate" { try Data().write(to: victim) } else { try FileManager.default.removeItem(at: victim) }
            #expect(try Workspace.load(root: root).diagnostics.map(\.code) == [.interruptedPublish])
            let published = try PublishAction.run(root: root, version: "v1", date: nil)
            #expect(published.recovery == .rolledBack)
            #expect(try PublishAction.contents(of: folder) == snapshot)
            let workspace = try Workspace.load(root: root)
            #expect(workspace.versions.map(\.status) == [.published])
            #expect(workspace.diagnostics.map(\.summary) == [])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("versions").path) == ["v1"])
        }
    }

    @Test func aSnapshotFolderAvtalDidNotWriteIsNeverRemoved() throws {
        let root = try corpus()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("versions/v1")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("anteckningar".utf8).write(to: folder.appendingPathComponent("egna.txt"))
        #expect(throws: PublishAction.Failure.self) { try PublishAction.run(root: root, version: "v1", date: nil) }
        #expect(try PublishAction.contents(of: folder) == ["egna.txt": Data("anteckningar".utf8)])
    }
}

/// Results written from concurrent threads, each to its own slot.
final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<String, any Error>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<String, any Error>) { lock.withLock { slots[index] = value } }
    var values: [Result<String, any Error>] { lock.withLock { slots.compactMap { $0 } } }
}
