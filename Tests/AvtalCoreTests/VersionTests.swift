import Foundation
import Testing
@testable import AvtalCore

@Suite struct VersionTests {
    func workspace(_ folder: URL) throws -> Workspace { try Workspace.load(root: folder) }

    /// The all-operations fixture published as v1. Its patch renames a clause, so the working text
    /// records the new published ID as an alias of the ID it still has.
    func publishedCopy() throws -> URL {
        let folder = try copyFixture("versions-all-operations")
        let manifest = folder.appendingPathComponent("agreement.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "aliases:\n  avtal#regionen: regionens-ansvar\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        _ = try PublishAction.run(root: folder, version: "v1", date: nil)
        return folder
    }

    @Test func everyOperationApplies() throws {
        let ws = try workspace(fixturesFolder.appendingPathComponent("versions-all-operations"))
        #expect(ws.diagnostics.map(Expected.init) == [])
        let text = try #require(ws.texts["v1"])
        let document = try #require(text.document("avtal"))
        #expect(document.frontMatter.title == "Nytt testavtal")
        var outline: [String] = []
        document.walk { clause, path in outline.append("\(EditableDocument.number(path)) \(clause.id) \(clause.heading)") }
        #expect(outline == [
            "1 inledning Inledning",
            "2 ansvar Parternas ansvar",
            "2.1 kommunens-ansvar Kommunens ansvar",
            "2.2 regionen Regionens ansvar",
            "3 avtalstid Avtalstid",
        ])
        #expect(document[[0]].body == "Parterna ingår detta avtal om samverkan. Avtalstiden framgår av [](#avtalstid).")
        #expect(document[[2]].body == "Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2031.")
        #expect(text.history.aliases == ["avtal#regionens-ansvar": "regionen"])
        #expect(text.history.retired["avtal#gemensamt-ansvar"]?.by == "p1")
        // The working text is untouched.
        #expect(ws.texts["working"]?.document("avtal")?.frontMatter.title == "Testavtal")
    }

    @Test func assembledMarkdownReadsBackToTheSameText() throws {
        let ws = try workspace(fixturesFolder.appendingPathComponent("versions-all-operations"))
        let document = try #require(ws.texts["v1"]?.document("avtal"))
        let markdown = document.markdown().text
        let folder = try copyFixture("versions-all-operations")
        try markdown.write(to: folder.appendingPathComponent("avtal.md"), atomically: true, encoding: .utf8)
        let reread = try #require(try Workspace.load(root: folder).texts["working"]?.document("avtal"))
        #expect(reread.markdown().text == markdown)
    }

    @Test func publishWritesASnapshotThatChecksClean() throws {
        let folder = try publishedCopy()
        let lockData = try Data(contentsOf: folder.appendingPathComponent("versions/v1/lock.json"))
        let lock = try JSONDecoder().decode(VersionLock.self, from: lockData)
        #expect(lock.publishedOn == "2025-02-01")
        #expect(lock.publishedIDs == ["avtal#inledning", "avtal#ansvar", "avtal#kommunens-ansvar", "avtal#regionen", "avtal#avtalstid"])
        let versions = try String(contentsOf: folder.appendingPathComponent("versions.yml"), encoding: .utf8)
        #expect(versions.contains("    status: published\n"))
        let ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [])
        #expect(ws.versions.first?.status == .published)
        // Read from the snapshot, not rebuilt from the patches.
        #expect(ws.texts["v1"]?.document("avtal")?.frontMatter.title == "Nytt testavtal")
    }

    @Test func publishingIsReproducible() throws {
        let a = try copyFixture("versions-all-operations"), b = try copyFixture("versions-all-operations")
        _ = try PublishAction.run(root: a, version: "v1", date: nil)
        _ = try PublishAction.run(root: b, version: "v1", date: nil)
        for file in ["avtal.md", "agreement.yml", "lock.json"] {
            let x = try Data(contentsOf: a.appendingPathComponent("versions/v1/\(file)"))
            let y = try Data(contentsOf: b.appendingPathComponent("versions/v1/\(file)"))
            #expect(x == y, "\(file)")
        }
    }

    @Test func publishRefusesWhileThereAreErrorsAndWritesNothing() throws {
        let folder = try copyFixture("AV604-phrase-not-found")
        let before = try Data(contentsOf: folder.appendingPathComponent("versions.yml"))
        #expect(throws: PublishAction.Failure.self) { try PublishAction.run(root: folder, version: "v1", date: nil) }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("versions/v1").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("versions.yml")) == before)
    }

    @Test func aChangedSnapshotNamesTheClause() throws {
        let folder = try publishedCopy()
        let url = folder.appendingPathComponent("versions/v1/avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "31 december 2031", with: "31 december 2032").write(to: url, atomically: true, encoding: .utf8)
        let ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [.init(.snapshotChanged, "versions/v1/avtal.md", 26, 1)])
        #expect(ws.diagnostics.first?.summary == "Published version v1 changed: avtal#avtalstid")
    }

    @Test func aPublishedClauseDeletedFromTheSourcesIsLostUntilRetiredOrAliased() throws {
        let folder = try copyFixture("versions-all-operations")
        _ = try PublishAction.run(root: folder, version: "v1", date: nil)
        // The working text never had the patch's rename, so "regionen" is not there: a lost ID.
        var ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [.init(.lostID, "avtal.md", 1, 1)])
        #expect(ws.diagnostics.first?.summary == "Published clause avtal#regionen (version v1) no longer exists in working")

        let manifest = folder.appendingPathComponent("agreement.yml")
        let original = try String(contentsOf: manifest, encoding: .utf8)
        try (original + "aliases:\n  avtal#regionen: regionens-ansvar\n").write(to: manifest, atomically: true, encoding: .utf8)
        ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [])

        try (original + "retired:\n  - avtal#regionen\n").write(to: manifest, atomically: true, encoding: .utf8)
        ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [])
    }

    @Test func aReferenceToARetiredIDNamesWhatRetiredIt() throws {
        let folder = try copyFixture("valid")
        let manifest = folder.appendingPathComponent("agreement.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "retired:\n  - avtal#inledning\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        let document = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        // Remove the clause from the sources, keep the reference to it.
        try text.replacingOccurrences(of: "# Inledning {#inledning}\n\nParterna ingår detta avtal.\n\n", with: "")
            .write(to: document, atomically: true, encoding: .utf8)
        let ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init) == [.init(.retiredReference, "avtal.md", 12, 23)])
        #expect(ws.diagnostics.first?.summary.contains("the manifest's retired list") == true)
    }

    @Test func aSourceEditThatBreaksAPendingPatchFailsTheCheck() throws {
        let folder = try copyFixture("versions-all-operations")
        let document = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: document, encoding: .utf8)
        try text.replacingOccurrences(of: "31 december 2030", with: "30 december 2030").write(to: document, atomically: true, encoding: .utf8)
        let result = try CheckAction.run(root: folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.phraseNotFound, "patches/p1.yml", 13, 5)])
    }

    /// A version may leave `patches` out: it is its base as it stands.
    @Test func aVersionWithoutPatchesIsItsBase() throws {
        let folder = try copyFixture("versions-all-operations")
        try "versions:\n  - id: v1\n    title: Version 1\n    status: draft\n    base: working\n"
            .write(to: folder.appendingPathComponent("versions.yml"), atomically: true, encoding: .utf8)
        let ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init).filter { $0.code != .unusedPatch } == [])
        #expect(ws.versions.first?.patches == [])
        #expect(ws.texts["v1"]?.document("avtal")?.frontMatter.title == "Testavtal")
    }

    /// `numbering: keep` keeps a published version's numbers; the working text has none to keep, and
    /// `keep` is the only value.
    @Test func keptNumbersNeedAPublishedBase() throws {
        let folder = try copyFixture("versions-all-operations")
        try "versions:\n  - id: v1\n    title: Version 1\n    status: draft\n    base: working\n    numbering: keep\n  - id: v2\n    title: Version 2\n    status: draft\n    base: working\n    numbering: behall\n"
            .write(to: folder.appendingPathComponent("versions.yml"), atomically: true, encoding: .utf8)
        let ws = try workspace(folder)
        #expect(ws.diagnostics.map(Expected.init).filter { $0.code != .unusedPatch }
                == [.init(.invalidValue, "versions.yml", 6, 16), .init(.invalidValue, "versions.yml", 11, 16)])
        #expect(ws.diagnostics.first { $0.range.start.line == 11 }?.fix?.replacement == "keep")
    }
}

@Suite struct PublishedVersionTests {
    /// remiss-2025 of the fixture corpus is its working text with exactly its two patches applied:
    /// the published snapshot holds nothing else.
    @Test func remiss2025DiffersFromWorkingByItsPatchesOnly() throws {
        let ws = try Workspace.load(root: remissCorpus)
        #expect(ws.diagnostics.isEmpty)
        let version = try #require(ws.versions.first { $0.id == "remiss-2025" })
        #expect(version.status == .published)
        #expect(version.patches == ["sro-2025-01-30-justering", "sro-2025-01-30-rattelse"])
        #expect(ws.patches["sro-2025-01-30-rattelse"]?.kind == .correction)
        #expect(ws.patches["sro-2025-01-30-justering"]?.decidedOn == CalendarDate(year: 2025, month: 1, day: 30))

        let working = try #require(ws.texts["working"]), remiss = try #require(ws.texts["remiss-2025"])
        var changedClauses: [String] = []
        var changedMetadata: [String] = []
        for document in working.documents {
            let other = try #require(remiss.document(document.entry.id))
            for field in FrontMatterField.patchable where document.metadata(field) != other.metadata(field) {
                changedMetadata.append("\(document.entry.id) \(field.rawValue)")
            }
            var before: [String: String] = [:], after: [String: String] = [:]
            document.walk { clause, path in before[clause.id] = "\(path) \(clause.lockedText)" }
            other.walk { clause, path in after[clause.id] = "\(path) \(clause.lockedText)" }
            #expect(Set(before.keys) == Set(after.keys))
            for (id, value) in before where after[id] != value { changedClauses.append("\(document.entry.id)#\(id)") }
        }
        #expect(changedMetadata.sorted() == ["hos-avtal title", "hos-avtal valid-to", "ok-munhalsa valid-to"])
        #expect(changedClauses.sorted() == [
            "hos-avtal#avtalstid", "ok-betalningsansvar#kallelse-till-sip", "ok-munhalsa#giltighetstid",
        ])
    }
}
