import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// `{#id}` at the end of a stycke or of a list item's first line: the stycke or item gets the anchor,
/// the marker leaves the text, and `[](#id)` reads as the legal label computed from the position.
@Suite struct SubClauseAnchorTests {
    let workspace: Workspace
    let files: [String: Data]

    init() throws {
        workspace = try loadFixture("stycken")
        files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
    }

    func page(_ path: String) throws -> String {
        String(decoding: try #require(files[path]), as: UTF8.self)
    }

    /// Clause 3.2 has two stycken, the first introducing a numbered list, the second a bullet list;
    /// clause 3.3 has one stycke, so its bullet items do not name it.
    @Test func labelsFollowThePosition() throws {
        let labels = ReferenceLabels(text: try text(VersionsFile.working, in: workspace))
        let entry = try #require(workspace.working?.manifest.documents.first)
        func label(_ destination: String) -> String? {
            guard case let .clause(_, _, label, _)? = labels.resolve(destination, from: entry) else { return nil }
            return label
        }
        #expect(label("#rapportering-forsta") == "punkt 3.2 första stycket")
        #expect(label("#skriftlig") == "punkt 3.2 andra stycket")
        #expect(label("#plan") == "punkt 3.2 första stycket 1")
        #expect(label("#redovisning") == "punkt 3.2 första stycket 2")
        #expect(label("#styrgruppen") == "punkt 3.2 andra stycket tredje strecksatsen")
        #expect(label("#protokoll") == "punkt 3.3 tredje strecksatsen")
        #expect(label("bilaga#mallen") == "punkt 1 i rapportmallen")
    }

    @Test func theElementGetsTheAnchorAndTheMarkerIsGone() throws {
        let page = try page("working/avtal.html")
        #expect(page.contains(##"<p id="rapportering-forsta">Utföraren ska varje år</p>"##))
        #expect(page.contains(##"<li id="plan">lämna en verksamhetsplan,</li>"##))
        #expect(page.contains("<li id=\"redovisning\">redovisa hur planen har följts, och\nvilka avvikelser som har förekommit,</li>"))
        #expect(page.contains(##"<p id="skriftlig">Rapporten ska vara skriftlig.</p>"##))
        #expect(page.contains(##"<li id="protokoll">protokoll för alltid.</li>"##))
        #expect(!page.contains("{#"))
        #expect(page.contains(##"<a href="#skriftlig" title="punkt 3.2 andra stycket: Rapportering">punkt 3.2 andra stycket</a>"##))
        #expect(page.contains(##"<a href="#plan" title="punkt 3.2 första stycket 1: Rapportering">punkt 3.2 första stycket 1</a>"##))
        #expect(page.contains(##"<a href="#protokoll" title="punkt 3.3 tredje strecksatsen: Arkivering">punkt 3.3 tredje strecksatsen</a>"##))
    }

    /// Across documents the label names the target document; on the page with every text the anchors
    /// are prefixed with the document like the clauses' are.
    @Test func otherDocumentsAndTheSinglePage() throws {
        let appendix = try page("working/bilaga.html")
        #expect(appendix.contains(##"<a href="avtal.html#skriftlig" title="punkt 3.2 andra stycket i rapporteringsavtalet: Rapportering">punkt 3.2 andra stycket i rapporteringsavtalet</a>"##))
        let all = try page("working/alla.html")
        #expect(all.contains(##"<p id="avtal--skriftlig">Rapporten ska vara skriftlig.</p>"##))
        #expect(all.contains(##"<li id="avtal--styrgruppen">Den ska lämnas till styrgruppen.</li>"##))
        #expect(all.contains(##"<a href="#avtal--skriftlig" title="punkt 3.2 andra stycket i rapporteringsavtalet: Rapportering">"##))
        #expect(!all.contains("{#"))
    }

    /// The amendment restates the changed clause as readers see it: without the anchor's marker.
    @Test func theAmendmentRestatesTextWithoutTheMarker() throws {
        let markdown = AmendmentRenderer.markdown(try Amendment.build(patchID: "p-arkiv", in: workspace))
        #expect(markdown.contains("planer i femton år"))
        #expect(markdown.contains("protokoll för alltid."))
        #expect(!markdown.contains("{#protokoll}"))
    }

    /// The patched version is written back with its anchors, so they stay addressable.
    @Test func aPatchedVersionKeepsItsAnchors() throws {
        let page = try page("v2/avtal.html")
        #expect(page.contains(##"<li id="protokoll">protokoll för alltid.</li>"##))
        #expect(page.contains("planer i femton år"))
    }
}

/// Adjacent references joined by "–", or by ", " and " och ", read as one label; each number still
/// links to its own clause.
@Suite struct ReferenceRunTests {
    @Test func rangesAndListsReadAsOneLabel() throws {
        let workspace = try loadFixture("stycken")
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        let page = String(decoding: try #require(files["working/avtal.html"]), as: UTF8.self)
        #expect(page.contains(##"<a href="#allmant" title="punkt 3.1: Allmänt">punkterna 3.1</a>–<a href="#arkivering" title="punkt 3.3: Arkivering">3.3</a>"##))
        #expect(page.contains(##"<a href="#syfte" title="punkt 1: Syfte">punkterna 1</a>, <a href="#allmant" title="punkt 3.1: Allmänt">3.1</a> och <a href="#arkivering" title="punkt 3.3: Arkivering">3.3</a>"##))
        #expect(page.contains(##">punkterna 1</a> och <a href="bilaga.html#mallen" title="punkt 1 i rapportmallen: Mallen">1 i rapportmallen</a>"##))
        // Stycken and list items are not joined: each keeps its own label.
        #expect(page.contains(##">punkt 3.2 första stycket 1</a> och <a href="#skriftlig" title="punkt 3.2 andra stycket: Rapportering">punkt 3.2 andra stycket</a>"##))
    }

    /// Amendment text and the redline read references as plain text; a run reads as one label there too.
    @Test func plainTextReadsARunAsOneLabel() throws {
        let workspace = try loadFixture("stycken")
        let labels = ReferenceLabels(text: try text(VersionsFile.working, in: workspace))
        let entry = try #require(workspace.working?.manifest.documents.first)
        #expect(labels.plainText("Se [](#allmant)–[](#arkivering), [](#syfte), [](#allmant) och [](#arkivering).", from: entry)
                == "Se punkterna 3.1–3.3, punkterna 1, 3.1 och 3.3.")
        #expect(labels.plainText("Enligt [](#skriftlig) och [](#plan). {#ny}", from: entry)
                == "Enligt punkt 3.2 andra stycket och punkt 3.2 första stycket 1.")
    }

    @Test func paragraphsReadAsStatutesCiteThem() throws {
        let workspace = try loadFixture("paragrafer")
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        let page = String(decoding: try #require(files["working/avtal.html"]), as: UTF8.self)
        #expect(page.contains(##">16 kap. 1</a>–<a href="utdrag.html#p16-4" title="16 kap. 4 § i bilaga 1">4 §§ i bilaga 1</a>"##))
        #expect(page.contains(##">16 kap. 4</a>, <a href="utdrag.html#p16-4a" title="16 kap. 4 a § i bilaga 1">4 a</a> och <a href="utdrag.html#p16-6" title="16 kap. 6 § i bilaga 1">6 §§ i bilaga 1</a>"##))
        // Paragraphs of different chapters keep their own labels.
        #expect(page.contains(##">15 kap. 1 § i bilaga 1</a> och <a href="utdrag.html#p16-1" title="16 kap. 1 § i bilaga 1">16 kap. 1 § i bilaga 1</a>"##))
    }
}
