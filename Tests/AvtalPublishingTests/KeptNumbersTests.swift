import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// `numbering: keep` on a version whose base is published: the published numbers stay, inserted
/// clauses take the number before them with a letter, and a repealed number is not reused.
@Suite struct KeptNumbersTests {
    let workspace: Workspace

    /// The fixture must load clean: among other things, the patch's link text "punkt 3" names the kept
    /// number of "Avslutning", which by position would be 2.
    init() throws {
        workspace = try loadFixture("behallna")
    }

    @Test func publishedNumbersStayAndInsertedOnesAreLettered() throws {
        let index = ReferenceLabels(text: try text("v2", in: workspace)).index
        // Clause 1 is repealed: "Åtaganden" stays 2, and nothing becomes 1.
        #expect(index["avtal"]?.mapValues(\.number) == [
            "ataganden": "2", "planering": "2.1", "budget": "2.1 a", "samordning": "2.1 b",
            "uppfoljning-och-revision": "2.2", "avslutning": "3", "tvister": "3 a",
        ])
        #expect(index["regler"]?.mapValues(\.number) == ["regel-1": "1 §", "regel-2": "2 §", "regel-3": "3 §", "regel-3a": "3 a §"])
    }

    @Test func thePageAndItsReferencesUseTheKeptNumbers() throws {
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        let page = String(decoding: try #require(files["v2/avtal.html"]), as: UTF8.self)
        #expect(page.contains(##"<span class="number">2.1 a</span> <span class="heading-text">Budget</span>"##))
        #expect(page.contains(##"<a href="#budget" title="punkt 2.1 a: Budget">punkt 2.1 a</a>"##))
        #expect(page.contains(##">punkterna 2.1</a>–<a href="#uppfoljning-och-revision" title="punkt 2.2: Uppföljning">2.2</a>"##))
        #expect(!page.contains(##"<span class="number">1</span>"##))
        let rules = String(decoding: try #require(files["v2/regler.html"]), as: UTF8.self)
        #expect(rules.contains(##"<span class="number">3 a §</span> <span class="heading-text">Fjärde regeln</span>"##))
    }

    /// The amendment names the new clauses by their lettered numbers and renumbers nothing.
    @Test func theAmendmentInsertsLetteredClauses() throws {
        let markdown = AmendmentRenderer.markdown(try Amendment.build(patchID: "p-tillagg", in: workspace))
        #expect(markdown.contains("dels att punkt 1 ska upphöra att gälla,"))
        #expect(markdown.contains("dels att det ska införas tre nya punkter, 2.1 a, 2.1 b och 3 a, av följande lydelse."))
        #expect(!markdown.contains("betecknas"))
    }

    /// The numbers as published: the published version itself numbers by position.
    @Test func thePublishedBaseIsUnchanged() throws {
        let index = ReferenceLabels(text: try text("v1", in: workspace)).index
        #expect(index["avtal"]?.mapValues(\.number) == ["inledning": "1", "ataganden": "2", "planering": "2.1",
                                                        "uppfoljning": "2.2", "avslutning": "3"])
    }
}
