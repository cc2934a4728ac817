import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// `# Parter {#parter .unnumbered}`: a heading that is a clause (ID, anchor, table of contents) but is
/// not counted, so that a contract converted from elsewhere keeps the numbers it was written with.
@Suite struct UnnumberedClauseTests {
    let workspace: Workspace

    init() throws {
        workspace = try loadFixture("onumrerade")
    }

    func page(_ version: String) throws -> String {
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        return String(decoding: try #require(files["\(version)/avtal.html"]), as: UTF8.self)
    }

    /// The numbers are the original's: "Parter" and "Bakgrund" do not shift "Avtalets syfte" from 1.
    @Test func numbersSkipTheUnnumberedHeadings() throws {
        let text = try text(VersionsFile.working, in: workspace)
        let labels = ReferenceLabels(text: text)
        let numbers = labels.index["avtal"]?.mapValues(\.number)
        #expect(numbers == ["parter": "", "bakgrund": "", "syfte": "1", "mal": "1.1", "ansvar": "2",
                            "forskrivning": "2.1", "kostnader": "2.2"])
    }

    @Test func theSiteShowsNoNumberAndReferencesNameTheHeading() throws {
        let page = try page(VersionsFile.working)
        #expect(page.contains(##"<section class="clause" id="parter">"##))
        #expect(page.contains(##"class="clause-heading"><span class="heading-text">Parter</span> <a class="permalink" href="#parter">#<span class="visually-hidden"> Länk till Parter</span></a>"##))
        #expect(page.contains(##"<span class="number">1</span> <span class="heading-text">Avtalets syfte</span>"##))
        #expect(page.contains(##"<span class="number">2.2</span> <span class="heading-text">Kostnader</span>"##))
        // The table of contents lists the unnumbered clauses, without a number.
        #expect(page.contains(##"<li><a href="#bakgrund">Bakgrund</a>"##))
        #expect(page.contains(##"<li><a href="#syfte"><span class="number">1</span> Avtalets syfte</a>"##))
        #expect(page.contains(##"<a href="#parter" title="Parter">Parter</a>"##))
        #expect(page.contains(##"<a href="#kostnader" title="punkt 2.2: Kostnader">punkt 2.2</a>"##))
        #expect(page.contains(##"<a href="#mal" title="punkt 1.1: Mål">punkt 1.1</a>"##))
        #expect(!page.contains("{#parter"))
        #expect(!page.contains(".unnumbered"))
    }

    /// A patch may change an unnumbered clause; the version written from the patched text keeps it
    /// unnumbered, and a clause inserted after it is numbered as if it were absent.
    @Test func patchesKeepItUnnumbered() throws {
        let v2 = try text("v2", in: workspace)
        let numbers = ReferenceLabels(text: v2).index["avtal"]?.mapValues(\.number)
        #expect(numbers?["parter"] == "" && numbers?["uppfoljning"] == "2" && numbers?["ansvar"] == "3")
        #expect(v2.documents[0].markdown().text.contains("# Parter {#parter .unnumbered}\n\nAvtalet ingås mellan regionen, kommunen och kommunalförbundet."))
        let page = try page("v2")
        #expect(page.contains(##"<a href="#kostnader" title="punkt 3.2: Kostnader">punkt 3.2</a>"##))

        let diff = try VersionDiff.compute(from: VersionsFile.working, to: "v2", in: workspace)
        let parter = try #require(diff.documents[0].clauses.first { $0.id == "parter" })
        #expect(parter.kind == .changed && parter.oldNumber == "" && parter.newNumber == "")
        let ansvar = try #require(diff.documents[0].clauses.first { $0.id == "ansvar" })
        #expect(ansvar.oldNumber == "2" && ansvar.newNumber == "3")
    }

    /// The amendment renumbers by the clauses' own numbers: the unnumbered clauses before them do not count.
    @Test func amendmentNumbersIgnoreUnnumberedClauses() throws {
        let markdown = AmendmentRenderer.markdown(try Amendment.build(patchID: "p-parter", in: workspace))
        #expect(markdown.contains("nuvarande punkt 2 ska betecknas punkt 3"))
    }
}
