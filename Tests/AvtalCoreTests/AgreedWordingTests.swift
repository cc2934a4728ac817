import Foundation
import Testing
@testable import AvtalCore

/// Agreed wording (`avtal agree`, agreed.yml, AV650–AV652): wording the working group agreed cannot
/// change in the working text unseen, and a new agreement or a decision settles a change.
@Suite struct AgreedWordingTests {
    let meeting = CalendarDate(iso: "2025-03-03")!

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func agreedWordingUnchangedIsClean() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        let recorded = try AgreeAction.run(root: root, clauses: ["avtal#avtalstid", "avtal#inledning"], by: "arbetsgruppen",
                                           on: meeting, note: "Arbetsgruppens möte")
        #expect(recorded.entries.map(\.target) == ["avtal#avtalstid", "avtal#inledning"])
        #expect(recorded.entries[0].text == "Avtalstid\n\nAvtalet gäller enligt [](#inledning).")
        #expect(try check(root).diagnostics.isEmpty)
        let workspace = try Workspace.load(root: root)
        #expect(workspace.agreed?.entries.count == 2)
        #expect(workspace.deviations.isEmpty)
    }

    @Test func changedWordingIsReportedAtTheClauseWithARedline() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: meeting, note: "läkare bedömer")
        try replace("Avtalet gäller enligt", with: "Avtalet gäller inte enligt", in: root.appendingPathComponent("avtal.md"))
        let diagnostics = try check(root).diagnostics
        #expect(diagnostics.map(Expected.init) == [.init(.agreedWordingChanged, "avtal.md", 14, 1)])
        let notes = diagnostics.first?.notes.map(\.message) ?? []
        #expect(notes.first == "arbetsgruppen agreed its wording on 2025-03-03 (läkare bedömer)")
        #expect(notes.contains("agreed: Avtalstid Avtalet gäller [] enligt [](#inledning)."))
        #expect(notes.contains("now:    Avtalstid Avtalet gäller [inte] enligt [](#inledning)."))
        #expect(diagnostics.first?.notes.first?.range?.file == "agreed.yml")
        let deviation = try #require(try Workspace.load(root: root).deviations.first)
        #expect(deviation.clause == "avtalstid")
        #expect(deviation.current == "Avtalstid\n\nAvtalet gäller inte enligt [](#inledning).")
    }

    @Test func aNewAgreementSettlesAndTheFileKeepsItsHistory() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: meeting, note: nil)
        let file = root.appendingPathComponent(AgreedWording.fileName)
        let first = try String(contentsOf: file, encoding: .utf8) + "# Protokoll: se diariet.\n"
        try first.write(to: file, atomically: true, encoding: .utf8)
        try replace("Avtalet gäller enligt", with: "Avtalet gäller inte enligt", in: root.appendingPathComponent("avtal.md"))
        #expect(try check(root).diagnostics.map(\.code) == [.agreedWordingChanged])
        _ = try AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: CalendarDate(iso: "2025-04-07")!, note: nil)
        #expect(try check(root).diagnostics.isEmpty)
        let after = try String(contentsOf: file, encoding: .utf8)
        #expect(after.hasPrefix(first), "earlier entries and comments stay byte for byte")
        #expect(try Workspace.load(root: root).agreed?.entries.map(\.on.description) == ["2025-03-03", "2025-04-07"])
    }

    @Test func anEarlierDatedEntryDoesNotOverrideALaterAgreement() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: CalendarDate(iso: "2025-05-01")!, note: nil)
        try replace("Avtalet gäller enligt", with: "Avtalet gäller inte enligt", in: root.appendingPathComponent("avtal.md"))
        // Recorded later in the file, but for an earlier meeting: the May agreement still holds.
        _ = try? AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: meeting, note: nil)
        #expect(try check(root).diagnostics.map(\.code) == [.agreedWordingChanged])
    }

    @Test func aDecisionThatLeavesTheCurrentWordingSettlesIt() throws {
        let root = try copyFixture("AV650-agreed-wording-changed")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = try Workspace.load(root: root)
        let agreed = try #require(workspace.agreed)
        let text = try #require(workspace.workingText), corpus = try #require(workspace.working)
        #expect(Checker.checkAgreed(agreed, working: text, corpus: corpus, decided: []).diagnostics.map(\.code) == [.agreedWordingChanged])
        func decision(_ body: String) -> ChangeRecord {
            ChangeRecord(patch: "sro-beslut", number: 1, document: "avtal", clause: "avtalstid", operation: .setText(body, guard: .text("Avtalet gäller enligt [](#inledning).")),
                         before: nil, after: .clause(RecordedClause(id: "avtalstid", path: [1], heading: "Avtalstid", body: body)),
                         range: .file("patches/sro-beslut.yml"))
        }
        let carried = decision("Avtalet gäller alltid enligt [](#inledning).")
        #expect(Checker.checkAgreed(agreed, working: text, corpus: corpus, decided: [carried]).diagnostics.isEmpty)
        let other = decision("Avtalet gäller aldrig enligt [](#inledning).")
        #expect(Checker.checkAgreed(agreed, working: text, corpus: corpus, decided: [other]).diagnostics.map(\.code) == [.agreedWordingChanged])
    }

    @Test func anAliasFollowsARenamedClause() throws {
        let root = try copyFixture("AV651-agreed-clause-gone")
        defer { try? FileManager.default.removeItem(at: root) }
        let manifest = root.appendingPathComponent("agreement.yml")
        try (try String(contentsOf: manifest, encoding: .utf8) + "aliases:\n  avtal#avtalstid: giltighet\n")
            .write(to: manifest, atomically: true, encoding: .utf8)
        #expect(try check(root).diagnostics.isEmpty)
    }

    @Test func agreeRefusesAnUnknownClauseAndWritesNothing() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(throws: ActionFailure.self) {
            try AgreeAction.run(root: root, clauses: ["avtal#avtalstid", "avtal#finns-inte"], by: "arbetsgruppen", on: meeting, note: nil)
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(AgreedWording.fileName).path))
    }

    @Test func agreeRefusesAFileItCannotAppendTo() throws {
        let root = try copyFixture("valid")
        defer { try? FileManager.default.removeItem(at: root) }
        let file = root.appendingPathComponent(AgreedWording.fileName)
        try "agreements: []\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ActionFailure.self) {
            try AgreeAction.run(root: root, clauses: ["avtal#avtalstid"], by: "arbetsgruppen", on: meeting, note: nil)
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "agreements: []\n")
    }

    @Test func textThatAPlainBlockCannotHoldIsQuotedAndReadsBack() throws {
        for text in ["  indrag först\n\nrad", "rad med tabb\there", "slut med mellanslag ", "\"citat\": och # tecken"] {
            let entry = AgreedClause(target: "avtal#x", by: "a", on: meeting, note: nil, text: text,
                                     sha256: TextDigest.sha256(text), range: .file("agreed.yml"))
            var diagnostics: [Diagnostic] = []
            let yaml = AgreedWording.appending([entry], to: nil)
            let read = AgreedWording.read(SourceFile(path: "agreed.yml", text: yaml), diagnostics: &diagnostics)
            #expect(diagnostics.isEmpty)
            #expect(read.entries.first?.text == TextDigest.normalize(text))
        }
    }
}
