import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

@Suite struct VersionDiffTests {
    let workspace: Workspace
    let diff: VersionDiff

    init() throws {
        workspace = try loadFixture("andringar")
        diff = try VersionDiff.compute(from: VersionsFile.working, to: "v2", in: workspace)
    }

    func document(_ id: String) throws -> DocumentDiff {
        try #require(diff.documents.first { $0.id == id })
    }

    func clause(_ id: String, in documentID: String = "avtal") throws -> ClauseDiff {
        try #require(try document(documentID).clauses.first { $0.id == id }, "no diff for \(documentID)#\(id)")
    }

    @Test func everyChangeKindIsClassifiedWithItsNumbers() throws {
        let moved = try clause("bakgrund")
        #expect(moved.kind == .moved && moved.isMoved)
        #expect(moved.oldNumber == "1.1" && moved.newNumber == "1.3")
        #expect(!moved.isTextChanged)

        let heading = try clause("ansvar")
        #expect(heading.kind == .changed)
        #expect(heading.heading?.runs == [TextRun(.deleted, "Ansvar"), TextRun(.inserted, "Parternas ansvar")])
        #expect(heading.body == nil)

        let deleted = try clause("kommunens-ansvar")
        #expect(deleted.kind == .deleted)
        #expect(deleted.oldNumber == "2.2" && deleted.newNumber == nil && deleted.newID == nil)
        #expect(deleted.body?.runs == [TextRun(.deleted, "Kommunen ansvarar för hemsjukvård.")])

        let changed = try clause("gemensamt-ansvar")
        #expect(changed.kind == .changed && !changed.isMoved)
        #expect(changed.oldNumber == "2.3" && changed.newNumber == "2.2")

        let inserted = try clause("avvikelser")
        #expect(inserted.kind == .inserted)
        #expect(inserted.oldNumber == nil && inserted.newNumber == "3.1" && inserted.oldID == nil)
        #expect(inserted.body?.runs == [TextRun(.inserted, "Parterna ska rapportera avvikelser inom fem arbetsdagar.")])

        let renamed = try clause("utvardering-och-revision")
        #expect(renamed.kind == .renamed && renamed.isRenamed)
        #expect(renamed.oldID == "utvardering" && renamed.newID == "utvardering-och-revision")
        #expect(renamed.oldNumber == "3.2" && renamed.newNumber == "3.3")
        #expect(!renamed.isTextChanged && !renamed.isMoved)

        let term = try clause("avtalstid")
        #expect(term.kind == .changed && term.oldNumber == "4" && term.newNumber == "4")

        let avtal = try document("avtal")
        #expect(avtal.status == .changed)
        #expect(avtal.frontMatter == [FrontMatterChange(field: .validTo, old: "2030-12-31", new: "2028-12-31")])
        // The new order, with the deleted clause where it stood.
        #expect(avtal.clauses.map(\.id) == [
            "bakgrund", "ansvar", "kommunens-ansvar", "gemensamt-ansvar", "avvikelser", "rapportering",
            "utvardering-och-revision", "avtalstid",
        ])

        let munhalsa = try document("ok-munhalsa")
        #expect(munhalsa.frontMatter == [FrontMatterChange(field: .title, old: "Överenskommelse om munhälsa",
                                                           new: "Överenskommelse om munhälsa och tandvård")])
        #expect(munhalsa.clauses.map { "\($0.kind.rawValue) \($0.number) \($0.id)" }
            == ["changed 2 giltighetstid", "deleted 3 uppsokande"])

        let summary = diff.summary
        #expect(summary.documentsChanged == 2 && summary.documentsAdded == 0 && summary.documentsRemoved == 0)
        #expect(summary.inserted == 1 && summary.deleted == 2 && summary.moved == 1 && summary.renamed == 1 && summary.changed == 5)
    }

    @Test func shiftsCausedByInsertsDeletesAndMovesAreNotMoves() throws {
        // "avvikelser" was inserted before "rapportering": 3.1 becomes 3.2, 3.2 becomes 3.3.
        let shifted = try clause("rapportering")
        #expect(shifted.oldNumber == "3.1" && shifted.newNumber == "3.2")
        #expect(!shifted.isMoved && shifted.kind == .changed)
        #expect(!(try clause("utvardering-och-revision")).isMoved)
        // "bakgrund" moved past "syfte" and "parter": they shift up but did not move, and are unchanged.
        let ids = try document("avtal").clauses.map(\.id)
        #expect(!ids.contains("syfte") && !ids.contains("parter") && !ids.contains("regionens-ansvar"))
    }

    @Test func comparingBackwardsFollowsTheOlderVersionsAliases() throws {
        let backwards = try VersionDiff.compute(from: "v2", to: VersionsFile.working, in: workspace)
        let renamed = try #require(backwards.documents.first { $0.id == "avtal" }?.clauses.first { $0.oldID == "utvardering-och-revision" })
        #expect(renamed.kind == .renamed && renamed.newID == "utvardering")
        let reinserted = backwards.documents.first { $0.id == "avtal" }?.clauses.first { $0.id == "kommunens-ansvar" }
        #expect(reinserted?.kind == .inserted)
        #expect(backwards.summary.moved == 1 && backwards.summary.inserted == 2 && backwards.summary.deleted == 1)
    }

    @Test func aSwapAmongSiblingsIsOneMove() throws {
        var a = try text(VersionsFile.working, in: workspace)
        a.documents = a.documents.filter { $0.entry.id == "avtal" }
        var b = a
        // Chapter 2's sub-clauses [regionens, kommunens, gemensamt] become [kommunens, regionens, gemensamt].
        b.documents[0].clauses[1].children.swapAt(0, 1)
        let swapped = VersionDiff.compute(from: a, to: b).documents[0].clauses
        #expect(swapped.count == 1)
        #expect(swapped.first?.isMoved == true)
        #expect(Set(swapped.map(\.id)).isSubset(of: ["regionens-ansvar", "kommunens-ansvar"]))
    }

    @Test func documentsOnlyInOneVersionAreAddedOrRemoved() throws {
        let a = try text(VersionsFile.working, in: workspace)
        var b = a
        b.documents.removeAll { $0.entry.id == "ok-munhalsa" }
        let removed = VersionDiff.compute(from: a, to: b)
        #expect(removed.documents.map(\.status) == [.removed])
        #expect(removed.documents[0].clauses.allSatisfy { $0.kind == .deleted })
        #expect(removed.summary.documentsRemoved == 1 && removed.summary.deleted == 3)
        let added = VersionDiff.compute(from: b, to: a)
        #expect(added.documents.map(\.status) == [.added])
        #expect(DiffTextRenderer().render(added) == """
            + ok-munhalsa  Överenskommelse om munhälsa (new document, 3 clauses)

            1 document changed (1 added): 3 inserted, 0 deleted, 0 moved, 0 renamed, 0 changed clauses

            """)
    }

    @Test func identicalVersionsHaveNoDifferences() throws {
        let a = try text(VersionsFile.working, in: workspace)
        let same = VersionDiff.compute(from: a, to: a)
        #expect(same.documents.isEmpty && same.summary.isEmpty)
        #expect(DiffTextRenderer().render(same) == "No differences between working and working\n")
    }

    @Test func unknownVersionsAreNamed() {
        #expect(throws: PublishingError.self) { try VersionDiff.compute(from: "v9", to: "v2", in: workspace) }
        do {
            _ = try VersionDiff.compute(from: "v9", to: "v2", in: workspace)
        } catch {
            #expect(error.description.contains("Unknown version 'v9'") && error.description.contains("v2"))
        }
    }
}

@Suite struct WordDiffTests {
    @Test func markersAreExactForAKnownSentence() {
        let old = "Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030."
        let new = "Avtalet gäller från och med den 1 januari 2027 till och med den 30 juni 2029."
        #expect(WordDiff.runs(from: old, to: new) == [
            TextRun(.equal, "Avtalet gäller från och med den 1 januari 2027 till och med den "),
            TextRun(.deleted, "31 december 2030"),
            TextRun(.inserted, "30 juni 2029"),
            TextRun(.equal, "."),
        ])
        #expect(WordDiff.runs(from: "Parterna ansvarar för vården.", to: "Parterna ansvarar gemensamt för vården.") == [
            TextRun(.equal, "Parterna ansvarar "),
            TextRun(.inserted, "gemensamt "),
            TextRun(.equal, "för vården."),
        ])
    }

    @Test func tokensKeepEveryCharacter() {
        let text = "Hälso- och sjukvård,  enligt 8 a § (1985:125).\n\n- punkt ett"
        let tokens = WordDiff.tokens(text)
        #expect(tokens.joined() == text)
        #expect(tokens.prefix(6) == ["Hälso", "-", " ", "och", " ", "sjukvård"])
    }

    @Test(arguments: [
        ("", "Ny text."),
        ("Gammal text.", ""),
        ("Första stycket.\n\nAndra stycket.", "Första stycket ändrat.\n\nAndra stycket.\n\nTredje stycket."),
        ("a b c d e", "a x c y e"),
        ("Regionen ansvarar.", "Kommunen ansvarar inte, regionen ansvarar."),
    ])
    func runsGiveBackBothTexts(old: String, new: String) {
        let runs = WordDiff.runs(from: old, to: new)
        #expect(runs.filter { $0.kind != .inserted }.map(\.text).joined() == old)
        #expect(runs.filter { $0.kind != .deleted }.map(\.text).joined() == new)
        #expect(zip(runs, runs.dropFirst()).allSatisfy { $0.kind != $1.kind })
    }
}

extension WordDiffTests {
    /// A clause rewritten at great length is not aligned word by word (that took minutes on a
    /// megabyte): the common start and end stay equal, the rest is deleted and inserted whole.
    @Test func aVeryLongRewriteKeepsItsCommonStartAndEnd() {
        let old = "Avtalstiden framgår av punkt 4. Slut."
        let new = "Avtalstiden " + String(repeating: "www.a.se ", count: 30_000) + "framgår. Slut."
        let runs = WordDiff.runs(from: old, to: new)
        #expect(runs.map(\.kind) == [.equal, .deleted, .inserted, .equal])
        #expect(runs.first?.text == "Avtalstiden ")
        #expect(runs.last?.text == ". Slut.")
        #expect(runs.filter { $0.kind != .inserted }.map(\.text).joined() == old)
        #expect(runs.filter { $0.kind != .deleted }.map(\.text).joined() == new)
    }
}

@Suite struct DiffTextRendererTests {
    /// A deletion and an insertion that touch are read apart: "[-2030-] {+2028+}", never run together.
    @Test func listsEveryDocumentCompactly() throws {
        let workspace = try loadFixture("andringar")
        let diff = try VersionDiff.compute(from: VersionsFile.working, to: "v2", in: workspace)
        let expected = """
            avtal  Testavtal om samverkan mellan region och kommun
              valid-to: "2030-12-31" → "2028-12-31"
              → 1.3 bakgrund  Bakgrund (moved from 1.1)
              ~ 2 ansvar  Parternas ansvar
                  heading: [-Ansvar-] {+Parternas ansvar+}
              - 2.2 kommunens-ansvar  Kommunens ansvar (deleted)
                  [-Kommunen ansvarar för hemsjukvård.-]
              ~ 2.2 gemensamt-ansvar  Gemensamt ansvar (was 2.3)
                  Parterna ansvarar gemensamt för informationsöverföring{+ och samordnad planering+}.
              + 3.1 avvikelser  Avvikelser (inserted)
                  {+Parterna ska rapportera avvikelser inom fem arbetsdagar.+}
              ~ 3.2 rapportering  Rapportering (was 3.1)
                  Parterna rapporterar avvikelser till [-varndra-] {+varandra+}.
              ≡ 3.3 utvardering → utvardering-och-revision  Utvärdering (renamed, was 3.2)
              ~ 4 avtalstid  Avtalstid
                  Avtalet gäller från och med den 1 januari 2027 till och med den 31 december [-2030-] {+2028+}.

            ok-munhalsa  Överenskommelse om munhälsa och tandvård
              title: "Överenskommelse om munhälsa" → "Överenskommelse om munhälsa och tandvård"
              ~ 2 giltighetstid  Giltighetstid
                  Överenskommelsen gäller under avtalstiden för hälso- och [-sjukvårdsavtalt-] {+sjukvårdsavtalet+}.
              - 3 uppsokande  Uppsökande verksamhet (deleted)
                  [-Regionen erbjuder uppsökande munhälsobedömning.-]

            2 documents changed: 1 inserted, 2 deleted, 1 moved, 1 renamed, 5 changed clauses

            """
        #expect(DiffTextRenderer().render(diff) == expected)
        #expect(!expected.contains("\u{1B}"))
    }

    @Test func colourIsAddedOnlyWhenAskedAndMarkersStay() throws {
        let workspace = try loadFixture("andringar")
        let diff = try VersionDiff.compute(from: VersionsFile.working, to: "v2", in: workspace)
        let coloured = DiffTextRenderer(color: true).render(diff)
        #expect(coloured.contains("\u{1B}[31m[-2030-]\u{1B}[0m \u{1B}[32m{+2028+}\u{1B}[0m"))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}[31m", with: "")
            .replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == DiffTextRenderer(color: false).render(diff))
    }

    @Test func unchangedLinesOfALongTextAreElided() throws {
        let workspace = try loadFixture("andringar")
        var a = try text(VersionsFile.working, in: workspace)
        a.documents.removeAll { $0.entry.id != "avtal" }
        let path = try #require(a.documents[0].path(of: "inledning"))
        a.documents[0][path].body = "Första stycket.\n\nAndra stycket.\n\nTredje stycket.\n\nFjärde stycket."
        var b = a
        b.documents[0][path].body = "Första stycket.\n\nAndra stycket, ändrat.\n\nTredje stycket.\n\nFjärde stycket."
        #expect(DiffTextRenderer().render(VersionDiff.compute(from: a, to: b)) == """
            avtal  Testavtal om samverkan mellan region och kommun
              ~ 1 inledning  Inledning
                  …
                  Andra stycket{+, ändrat+}.
                  …

            1 document changed: 0 inserted, 0 deleted, 0 moved, 0 renamed, 1 changed clause

            """)
    }
}
