import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

@Suite struct AmendmentTests {
    let workspace: Workspace

    init() throws {
        workspace = try loadFixture("andringar")
    }

    func markdown(_ patchID: String) throws -> String {
        AmendmentRenderer.markdown(try Amendment.build(patchID: patchID, in: workspace))
    }

    /// Several kinds of change in one document: "SRO beslutar i fråga om samverkansavtalet (its
    /// reference-name) dels … dels", in the classic order (repeal, move, renumbering, new wording,
    /// insertion), plural "punkterna", then the restated clauses; a lone repeal elsewhere reads
    /// "ska upphöra att gälla". The version is named by its title, never its ID.
    @Test func structuralPatch() throws {
        #expect(try markdown("p-struktur") == """
            # Ny struktur för ansvar och uppföljning

            - Beslutat av SRO den 14 mars 2025
            - Referens: SRO 2025-07
            - Typ av ändring: Justering
            - Ingår i: Avtalet 2027, remissversion

            ## Skäl

            Ansvaret för hemsjukvård regleras i överenskommelsen om läkarmedverkan.
            Avvikelser ska rapporteras inom en bestämd tid.

            ## Samverkansavtalet

            SRO beslutar i fråga om samverkansavtalet

            dels att punkt 2.2 ska upphöra att gälla,

            dels att punkt 1.1 ska flyttas och bli punkt 1.3,

            dels att nuvarande punkterna 1.2, 1.3, 2.3, 3.1 och 3.2 ska betecknas punkterna 1.1, 1.2, 2.2, 3.2 och 3.3,

            dels att rubriken till punkt 2 ska lyda ”Parternas ansvar”,

            dels att punkt 2.2 ska ha följande lydelse,

            dels att det ska införas en ny punkt, 3.1, av följande lydelse.

            > **2.2 Gemensamt ansvar**
            >
            > Parterna ansvarar gemensamt för informationsöverföring och samordnad planering.

            > **3.1 Avvikelser**
            >
            > Parterna ska rapportera avvikelser inom fem arbetsdagar.

            *Anmärkning:* Punkt 3.3 har fått ett nytt permanent ID: `utvardering-och-revision` (tidigare `utvardering`). Ändringen är teknisk och påverkar inte texten.

            ## Överenskommelsen om munhälsa

            Punkt 3 ska upphöra att gälla.

            """)
    }

    /// The agreement's new validity is not stated apart from its term clause, whose new wording
    /// already says it; a new title for an överenskommelse; the reference in protocol form; and with
    /// `in-force-from` the text ends "Denna ändring träder i kraft den …".
    @Test func validityAndTitle() throws {
        #expect(try markdown("p-avtalstid") == """
            # Kortare avtalstid och ny rubrik för munhälsa

            - Beslutat av SRO den 30 januari 2025
            - Referens: SRO:s protokoll den 30 januari 2025, § 3
            - Typ av ändring: Justering
            - Ingår i: Avtalet 2027, remissversion

            ## Skäl

            Parterna vill följa upp avtalet innan det förlängs.

            ## Samverkansavtalet

            Punkt 4 ska ha följande lydelse:

            > **4 Avtalstid**
            >
            > Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2028.

            ## Överenskommelsen om munhälsa

            Överenskommelsens rubrik ska lyda ”Överenskommelse om munhälsa och tandvård”.

            ## Ikraftträdande

            Denna ändring träder i kraft den 1 januari 2027.

            """)
    }

    /// A correction late in the version: numbered as the text stands after the earlier patches
    /// ("rapportering" was 3.1 in the sources; p-struktur made it 3.2). "Punkt 3.2 ska ha följande
    /// lydelse:", without the heading, which the restatement gives.
    @Test func correctionUsesTheNumbersOfItsVersion() throws {
        #expect(try markdown("p-rattelse") == """
            # Rättelse av stavfel

            - Beslutat av Avtalssekretariatet den 2 april 2025
            - Referens: Dnr 2025-00412
            - Typ av ändring: Rättelse
            - Ingår i: Avtalet 2027, remissversion

            ## Skäl

            Två stavfel rättas; innebörden ändras inte.

            ## Samverkansavtalet

            Punkt 3.2 ska ha följande lydelse:

            > **3.2 Rapportering**
            >
            > Parterna rapporterar avvikelser till varandra.

            ## Överenskommelsen om munhälsa

            Punkt 2 ska ha följande lydelse:

            > **2 Giltighetstid**
            >
            > Överenskommelsen gäller under avtalstiden för hälso- och sjukvårdsavtalet.

            """)
    }

    @Test func theModelNamesWhatChanged() throws {
        let amendment = try Amendment.build(patchID: "p-struktur", in: workspace)
        #expect(amendment.kind == .adjustment && amendment.kindLabel == "Justering")
        #expect(amendment.version == "v2")
        #expect(amendment.sections.map(\.documentID) == ["avtal", "ok-munhalsa"])
        #expect(amendment.sections[1].blocks == [.sentence("Punkt 3 ska upphöra att gälla.")])
        #expect(amendment.sections[0].blocks.contains(.idNote(number: "3.3", oldID: "utvardering", newID: "utvardering-och-revision")))
    }

    @Test func singleChangesReadAsSentences() throws {
        // Built on the working text directly: one change of each kind, one at a time.
        let base = try text(VersionsFile.working, in: workspace)
        let patch = try #require(workspace.patches["p-struktur"])
        func sentence(_ number: Int) -> [Amendment.Block] {
            var single = patch
            single.changes = [patch.changes[number]]
            var assembler = Assembler(base: base)
            assembler.apply(single)
            let amendment = Amendment.build(patch: single, record: assembler.record.patches[0], before: base, version: "v2")
            return amendment.sections.first?.blocks ?? []
        }
        #expect(sentence(1).first == .sentence("Punkt 2.3 ska ha följande lydelse:"))
        #expect(sentence(2) == [.sentence("Rubriken till punkt 2 ska lyda ”Parternas ansvar”.")])
        #expect(sentence(3).first == .dels(intro: "SRO beslutar i fråga om samverkansavtalet", items: [
            "nuvarande punkterna 3.1 och 3.2 ska betecknas punkterna 3.2 och 3.3,",
            "det ska införas en ny punkt, 3.1, av följande lydelse.",
        ]))
        #expect(sentence(4) == [.dels(intro: "SRO beslutar i fråga om samverkansavtalet", items: [
            "punkt 1.1 ska flyttas och bli punkt 1.3,",
            "nuvarande punkterna 1.2 och 1.3 ska betecknas punkterna 1.1 och 1.2.",
        ])])
        #expect(sentence(5) == [.idNote(number: "3.2", oldID: "utvardering", newID: "utvardering-och-revision")])
    }

    /// The new validity is stated on its own only when no restated clause already says it.
    @Test func validityIsStatedUnlessARestatedClauseSaysIt() throws {
        let base = try text(VersionsFile.working, in: workspace)
        let patch = try #require(workspace.patches["p-avtalstid"])
        func blocks(_ numbers: [Int]) -> [Amendment.Block] {
            var part = patch
            part.changes = numbers.map { patch.changes[$0] }
            var assembler = Assembler(base: base)
            assembler.apply(part)
            return Amendment.build(patch: part, record: assembler.record.patches[0], before: base, version: "v2")
                .sections.first?.blocks ?? []
        }
        #expect(blocks([1]) == [.sentence("Avtalet ska gälla från och med den 1 januari 2027 till och med den 31 december 2028.")])
        #expect(blocks([0, 1]).first == .sentence("Punkt 4 ska ha följande lydelse:"))
    }

    @Test func validityUntilFurtherNoticeAndShortTitle() throws {
        let amendment = try Amendment.build(patchID: "p-tills-vidare", in: workspace)
        #expect(amendment.version == "v3" && amendment.versionTitle == "Tillsvidareversion")
        // Named as before the decision; without a reference-name, by its short title in lower case.
        #expect(amendment.sections.first?.blocks == [.dels(intro: "SRO beslutar i fråga om överenskommelsen om munhälsa", items: [
            "överenskommelsens kortnamn ska lyda ”Munhälsoöverenskommelsen”,",
            "överenskommelsen ska gälla från och med den 1 januari 2027 och tills vidare.",
        ])])
    }

    @Test func htmlIsACompleteEscapedPage() throws {
        var amendment = try Amendment.build(patchID: "p-struktur", in: workspace)
        let templates = TemplateLibrary(folder: templatesFolder)
        let html = try AmendmentRenderer(templates: templates).render(amendment, format: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(htmlProblems(html) == [])
        #expect(occurrences(of: "<h1>", in: html) == 1)
        #expect(html.contains("<dd>Beslutat av SRO den 14 mars 2025</dd>"))
        #expect(html.contains("<p class=\"dels\">dels att punkt 2.2 ska upphöra att gälla,</p>"))
        #expect(html.contains("<p>Punkt 3 ska upphöra att gälla.</p>"))
        #expect(html.contains("<dt>Ingår i</dt>\n<dd>Avtalet 2027, remissversion</dd>"))
        #expect(!html.contains("Ikraftträdande"))
        let inForce = try AmendmentRenderer(templates: templates)
            .render(try Amendment.build(patchID: "p-avtalstid", in: workspace), format: .html)
        #expect(inForce.contains("<h2>Ikraftträdande</h2>\n<p>Denna ändring träder i kraft den 1 januari 2027.</p>"))
        #expect(html.contains("<p class=\"clause-heading\">3.1 Avvikelser</p>"))

        amendment.title = "Titel <script>alert(1)</script>"
        amendment.rationale = "Skäl & \"citat\""
        amendment.sections[0].blocks.append(.restatement(number: "9", heading: "<b>Rubrik</b>", body: "Text <script>x</script>"))
        let hostile = try AmendmentRenderer(templates: templates).render(amendment, format: .html)
        #expect(htmlProblems(hostile) == [])
        #expect(!hostile.contains("<script") && !hostile.contains("<b>"))
        #expect(hostile.contains("<h1>Titel &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(hostile.contains("Skäl &amp; &quot;citat&quot;"))
    }

    @Test func problemsAreNamed() throws {
        #expect(throws: PublishingError.self) { try Amendment.build(patchID: "p-saknas", in: workspace) }
        do {
            _ = try Amendment.build(patchID: "p-saknas", in: workspace)
        } catch {
            #expect(error.description.hasPrefix("Unknown patch 'p-saknas'"))
        }
        #expect(throws: TemplateError.self) {
            try AmendmentRenderer().render(try Amendment.build(patchID: "p-rattelse", in: workspace), format: .html)
        }
    }
}
