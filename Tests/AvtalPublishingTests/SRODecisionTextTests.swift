import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The two SRO decisions of the shared fixture corpus (the shipped corpus's patches in small) as the
/// whole ändringsbeslut a jurist signs: the decision body's "beslutar i fråga om" with the document
/// named in running text, one change standing alone, the validity not repeated beside a term clause
/// that states it, two clauses of one document named once, the protocol reference, the version by
/// its title, and the day it takes effect at the end.
@Suite struct SRODecisionTextTests {
    func markdown(_ patchID: String) throws -> String {
        AmendmentRenderer.markdown(try Amendment.build(patchID: patchID, in: try Workspace.load(root: remissCorpus)))
    }

    @Test func theAdjustment() throws {
        #expect(try markdown("sro-2025-01-30-justering") == """
            # Ny rubrik för avtalet, förlängd avtalstid och kortare giltighetstid för överenskommelsen om munhälsa

            - Beslutat av SRO den 30 januari 2025
            - Referens: SRO:s protokoll den 30 januari 2025, § 4
            - Typ av ändring: Justering
            - Ingår i: Remissversion

            ## Skäl

            Kommunerna och regionen ska nämnas som likvärdiga parter i avtalets rubrik. Avtalstiden förlängs med ett år, och överenskommelsen om munhälsa ses över redan efter två år.

            ## Hälso- och sjukvårdsavtalet

            SRO beslutar i fråga om hälso- och sjukvårdsavtalet

            dels att avtalets rubrik ska lyda ”Hälso- och sjukvårdsavtal mellan kommunerna i Västra Götaland och Västra Götalandsregionen”,

            dels att punkt 6 ska ha följande lydelse.

            > **6 Avtalstid**
            >
            > Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2031.

            ## Överenskommelsen om munhälsa

            Punkt 7 ska ha följande lydelse:

            > **7 Giltighetstid**
            >
            > Överenskommelsen gäller från och med den 1 januari 2027 till och med den 31 december 2028. Bestämmelserna om förlängning och uppsägning i punkterna 6.1 och 6.2 i hälso- och sjukvårdsavtalet gäller även för denna överenskommelse.

            ## Ikraftträdande

            Denna ändring träder i kraft den 1 januari 2027.

            """)
    }

    @Test func theCorrection() throws {
        #expect(try markdown("sro-2025-01-30-rattelse") == """
            # Rättelse av fristen för kallelse till samordnad individuell planering

            - Beslutat av SRO den 30 januari 2025
            - Referens: SRO:s protokoll den 30 januari 2025, § 4
            - Typ av ändring: Rättelse
            - Ingår i: Remissversion

            ## Skäl

            Lagen anger fristen i dagar, inte i vardagar. Texten rättas så att den stämmer med lagen.

            ## Överenskommelsen om betalningsansvar

            Punkt 3.1.2 ska ha följande lydelse:

            > **3.1.2 Kallelse till samordnad individuell planering**
            >
            > Den fasta vårdkontakten kallar till samordnad individuell planering senast tre dagar efter underrättelsen, enligt 4 kap. 3 § lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.

            ## Ikraftträdande

            Denna ändring träder i kraft den 1 januari 2027.

            """)
    }

    /// References in a row join only as a whole list of one document's clauses ("a, b och c"); a
    /// list that goes on in words, or that mixes documents, keeps each reference as it is.
    @Test func referencesInARowJoinOnlyAsAWholeList() throws {
        let workspace = try Workspace.load(root: remissCorpus)
        let text = try #require(workspace.texts["remiss-2025"])
        let labels = ReferenceLabels(text: text)
        let entry = try #require(text.document("ok-munhalsa")).entry
        func plain(_ markdown: String) -> String { labels.plainText(markdown, from: entry) }
        #expect(plain("i [](hos-avtal#forlangning) och [](hos-avtal#uppsagning).") == "i punkterna 6.1 och 6.2 i hälso- och sjukvårdsavtalet.")
        #expect(plain("[](#giltighetstid), [](#malgrupp) och [](#giltighetstid)") == "punkterna 7, 3 och 7")
        #expect(plain("[](hos-avtal#forlangning), [](hos-avtal#uppsagning) samt annat")
            == "punkt 6.1 i hälso- och sjukvårdsavtalet, punkt 6.2 i hälso- och sjukvårdsavtalet samt annat")
        #expect(plain("[](hos-avtal#forlangning) och [](#malgrupp)") == "punkt 6.1 i hälso- och sjukvårdsavtalet och punkt 3")
        #expect(plain("[](hos-avtal#forlangning) och [](hos-avtal#uppsagning) och [](#malgrupp)")
            == "punkterna 6.1 och 6.2 i hälso- och sjukvårdsavtalet och punkt 3")
    }
}
