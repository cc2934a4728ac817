import Foundation
import Testing
@testable import AvtalCore

/// The corpus `avtal init` writes: compiled in from Starter/, clean under --strict, never mixed into a folder.
@Suite struct StarterCorpusTests {
    static let starterFolder = fixturesFolder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Starter")

    func emptyFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Editing Starter/ without regenerating the compiled-in copy fails here, with the command to run.
    @Test func theCompiledInFilesAreTheStarterFolderByteForByte() throws {
        let regenerate = "Starter/ and the compiled-in starter corpus differ: run scripts/embed-templates and commit the result"
        let paths = try #require(FileManager.default.subpaths(atPath: Self.starterFolder.path)).filter {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: Self.starterFolder.appendingPathComponent($0).path, isDirectory: &isDirectory)
            return !isDirectory.boolValue && !$0.split(separator: "/").contains { $0.hasPrefix(".") }
        }
        #expect(Set(paths) == Set(StarterCorpus.files.keys), "\(regenerate)")
        for path in paths {
            #expect(StarterCorpus.files[path] == (try Data(contentsOf: Self.starterFolder.appendingPathComponent(path))), "\(path): \(regenerate)")
        }
    }

    @Test func theStarterCorpusChecksCleanWithItsCrossReferences() throws {
        let folder = try emptyFolder().appendingPathComponent("avtal")
        #expect(try InitAction.run(folder: folder) == StarterCorpus.files.keys.sorted())
        let result = try CheckAction.run(root: folder)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.code.rawValue) \($0.range.file):\($0.range.start.line) \($0.summary)" })")
        #expect(result.summary.documents == 2)
        #expect(result.summary.references >= 2, "the agreement and the appendix refer to each other")
    }

    /// An existing empty folder (the current one, say) is filled in place and stays the same folder.
    @Test func anEmptyFolderIsFilledInPlace() throws {
        let folder = try emptyFolder()
        let before = try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int
        _ = try InitAction.run(folder: folder)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("agreement.yml").path))
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.systemFileNumber] as? Int == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(folder.lastPathComponent).staging") }, "no staging folder is left")
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAsItWas() throws {
        let folder = try emptyFolder()
        try Data("anteckning\n".utf8).write(to: folder.appendingPathComponent(".anteckning"))
        let failure = try #require(throws: ActionFailure.self) { try InitAction.run(folder: folder) }
        #expect(failure.description.contains("it is not empty (it holds .anteckning)"), "\(failure)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".anteckning"])
    }
}
