import Foundation
import Testing

/// Two `avtal publish` processes in one corpus at once: they take turns on the corpus lock, so no
/// update of versions.yml is lost and no snapshot is half-written.
@Suite(.serialized) struct PublishRaceTests {
    static let trials = 8

    /// versions-all-operations with a second draft, v2, made from the working text by its own patch.
    func corpusWithTwoDrafts() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-race-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtures.appendingPathComponent("versions-two-drafts"), to: root)
        return root
    }

    /// Starts one `avtal publish` per version at the same moment and returns their exit statuses.
    func publishAtOnce(_ root: URL, _ versions: [String]) throws -> [Int32] {
        let processes = try versions.map { version in
            let process = Process()
            process.executableURL = try avtalBinary()
            process.arguments = ["publish", version, "--root", root.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        return processes.map { $0.waitUntilExit(); return $0.terminationStatus }
    }

    func snapshot(_ root: URL, _ version: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("versions/\(version)").path).sorted()
    }

    @Test func twoVersionsAtOnceAreBothPublishedAndCheckClean() throws {
        for _ in 0..<Self.trials {
            let root = try corpusWithTwoDrafts()
            defer { try? FileManager.default.removeItem(at: root) }
            #expect(try publishAtOnce(root, ["v1", "v2"]) == [0, 0])
            let versions = try String(contentsOf: root.appendingPathComponent("versions.yml"), encoding: .utf8)
            #expect(versions.components(separatedBy: "status: published").count == 3, "\(versions)")
            let check = try avtal(["check", "--root", root.path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
    }

    @Test func oneVersionTwiceAtOnceIsPublishedOnceAndWhole() throws {
        for _ in 0..<Self.trials {
            let root = try corpusWithTwoDrafts()
            defer { try? FileManager.default.removeItem(at: root) }
            #expect(try publishAtOnce(root, ["v1", "v1"]).sorted() == [0, 2])
            #expect(snapshot(root, "v1") == ["agreement.yml", "avtal.md", "lock.json"])
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("versions").path) == ["v1"])
            let check = try avtal(["check", "--root", root.path])
            #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        }
    }
}
