import Foundation
import Testing
@testable import AvtalCore

/// The assembly record: what each change of each patch did, as amendment text and redline read it.
@Suite struct AssemblyRecordTests {
    func record(_ fixture: String, version: String = "v1") throws -> AssemblyRecord {
        let ws = try Workspace.load(root: fixturesFolder.appendingPathComponent(fixture))
        return try #require(ws.assemblies[version], "no assembly record for \(version)")
    }

    func clause(_ value: RecordedValue?) -> String? {
        value?.clause.map { "\($0.number) \($0.id) \($0.heading): \($0.body)" }
    }

    @Test func everyChangeIsRecordedInOrderWithBeforeAndAfter() throws {
        let record = try record("versions-all-operations")
        #expect(record.version == "v1")
        #expect(record.patches.map(\.patch) == ["p1"])
        let changes = record.changes
        #expect(changes.map(\.number) == Array(1...8))
        #expect(changes.allSatisfy { $0.patch == "p1" && $0.document == "avtal" })
        #expect(changes.map(\.operation.name) == [
            "set-metadata", "replace", "set-text", "set-heading", "insert", "move", "rename-id", "delete",
        ])
        #expect(changes.map(\.clause) == [
            nil, "avtalstid", "inledning", "ansvar", "gemensamt-ansvar", "kommunens-ansvar", "regionens-ansvar", "gemensamt-ansvar",
        ])
        #expect(record.patches[0].problems.isEmpty)
    }

    @Test func aFrontMatterChangeRecordsTheFieldsValues() throws {
        let change = try record("versions-all-operations").changes[0]
        #expect(change.before == .field(.title, "Testavtal"))
        #expect(change.after == .field(.title, "Nytt testavtal"))
    }

    @Test func aReplaceRecordsTheClauseTextBeforeAndAfter() throws {
        let change = try record("versions-all-operations").changes[1]
        #expect(clause(change.before) == "3 avtalstid Avtalstid: Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030.")
        #expect(clause(change.after) == "3 avtalstid Avtalstid: Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2031.")
    }

    @Test func aHeadingChangeKeepsTheBody() throws {
        let change = try record("versions-all-operations").changes[3]
        #expect(clause(change.before) == "2 ansvar Ansvar: Parterna ansvarar gemensamt för samverkan.")
        #expect(clause(change.after) == "2 ansvar Parternas ansvar: Parterna ansvarar gemensamt för samverkan.")
    }

    @Test func anInsertHasNothingBeforeAndARemovalNothingAfter() throws {
        let changes = try record("versions-all-operations").changes
        #expect(changes[4].before == nil)
        #expect(clause(changes[4].after) == "2.3 gemensamt-ansvar Gemensamt ansvar: Parterna ska gemensamt följa upp samverkan.")
        // The move and the rename came between: the inserted clause is still last under "ansvar".
        #expect(clause(changes[7].before) == "2.3 gemensamt-ansvar Gemensamt ansvar: Parterna ska gemensamt följa upp samverkan.")
        #expect(changes[7].after == nil)
    }

    @Test func aMoveAndARenameRecordOldAndNewPlaceAndID() throws {
        let changes = try record("versions-all-operations").changes
        #expect(changes[5].before?.clause?.number == "2.2" && changes[5].after?.clause?.number == "2.1")
        #expect(changes[6].before?.clause?.id == "regionens-ansvar" && changes[6].after?.clause?.id == "regionen")
        #expect(changes[6].before?.clause?.number == "2.2" && changes[6].after?.clause?.number == "2.2")
    }

    @Test func theTextAfterEachPatchIsTheVersionsText() throws {
        let ws = try Workspace.load(root: fixturesFolder.appendingPathComponent("versions-all-operations"))
        let record = try #require(ws.assemblies["v1"])
        let step = try #require(record.step("p1"))
        #expect(step.before.document("avtal")?.frontMatter.title == "Testavtal")
        #expect(step.earlier.isEmpty)
        let version = try #require(ws.texts["v1"]?.document("avtal"))
        #expect(record.text.document("avtal")?.markdown().text == version.markdown().text)
    }

    @Test func aChangeThatDoesNotFitIsAProblemNotARecord() throws {
        let record = try record("AV603-guard-mismatch")
        #expect(record.changes.isEmpty)
        #expect(record.patches.first?.problems.map(\.code) == [.guardMismatch])
    }

    @Test func aPublishedVersionIsRecordedFromItsBase() throws {
        let folder = try copyFixture("versions-all-operations")
        let manifest = folder.appendingPathComponent("agreement.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "aliases:\n  avtal#regionen: regionens-ansvar\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        _ = try PublishAction.run(root: folder, version: "v1", date: nil)
        let ws = try Workspace.load(root: folder)
        #expect(ws.versions.first?.status == .published)
        let record = try #require(ws.assemblies["v1"])
        #expect(record.changes.count == 8)
        #expect(record.patches.allSatisfy { $0.problems.isEmpty })
    }
}
