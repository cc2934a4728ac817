import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The corpus shared by the tool's tests: five documents, a glossary, patient cases and a published version.
let remissCorpus = testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus")

@Suite struct SiteTests {
    func site(_ workspace: Workspace) throws -> [String: String] {
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        return files.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    func fixtureSite() throws -> [String: String] {
        try site(try Workspace.load(root: remissCorpus))
    }

    @Test func everyVersionGetsItsPages() throws {
        let pages = Set(try fixtureSite().keys)
        for version in ["working", "remiss-2025"] {
            for page in ["index", "hos-avtal", "ok-betalningsansvar", "ok-psykisk-funktionsnedsattning", "ok-munhalsa",
                         "eskaleringstrappa", "alla"] {
                #expect(pages.contains("\(version)/\(page).html"), "\(version)/\(page).html")
            }
        }
        #expect(pages.isSuperset(of: ["index.html", "tillganglighet.html", "style.css", "remiss-2025/andringar.html",
                                      "remiss-2025/beslut-sro-2025-01-30-justering.html",
                                      "remiss-2025/beslut-sro-2025-01-30-rattelse.html"]))
        // The working text has no base, so no redline.
        #expect(!pages.contains("working/andringar.html"))
    }

    @Test func sameInputSameBytes() throws {
        let workspace = try Workspace.load(root: remissCorpus)
        #expect(try site(workspace) == site(workspace))
    }

    @Test func referencesAreLabelledWithComputedNumbers() throws {
        let page = try #require(try fixtureSite()["remiss-2025/ok-munhalsa.html"])
        #expect(page.contains(##"<a href="#malgrupp" title="punkt 3: Målgrupp">punkt 3</a>"##))
        #expect(page.contains(##"<a href="hos-avtal.html#personcentrerat-forhallningssatt" title="punkt 2 i Hälso- och sjukvårdsavtalet: Personcentrerat förhållningssätt">punkt 2 i Hälso- och sjukvårdsavtalet</a>"##))
        #expect(page.contains(##"<section class="clause" id="giltighetstid">"##))
        #expect(page.contains(##"<h2 class="clause-heading"><span class="number">7</span> <span class="heading-text">Giltighetstid</span>"##))
    }

    @Test func validityAndLegalBasisInSwedish() throws {
        let page = try #require(try fixtureSite()["remiss-2025/ok-munhalsa.html"])
        #expect(page.contains("<dd>Från och med den 1 januari 2027 till och med den 31 december 2028</dd>"))
        #expect(page.contains("<li>8 a § tandvårdslagen (1985:125)</li>"))
        let appendix = try #require(try fixtureSite()["working/eskaleringstrappa.html"])
        #expect(appendix.contains("<dd>Från och med den 1 januari 2027 och tills vidare</dd>"))
    }

    @Test func headingLevelsFollowTheClauseTree() throws {
        let page = try #require(try fixtureSite()["working/ok-betalningsansvar.html"])
        // kallelse-till-sip is 3.1.2: a third-level clause under the page's h1, so an h4.
        #expect(page.contains(##"<h4 class="clause-heading"><span class="number">3.1.2</span>"##))
        let all = try #require(try fixtureSite()["working/alla.html"])
        // On the page with every document, documents are h2 and their chapters h3.
        #expect(all.contains(##"<section class="clause" id="ok-betalningsansvar--kallelse-till-sip">"##))
        #expect(all.contains(##"<h5 class="clause-heading"><span class="number">3.1.2</span>"##))
        #expect(all.contains(##"href="#ok-munhalsa--malgrupp""##))
    }

    @Test func aRenamedClauseKeepsItsOldAnchor() throws {
        let workspace = try loadFixture("andringar")
        let pages = try site(workspace)
        let page = try #require(pages["v2/avtal.html"])
        #expect(page.contains(##"<section class="clause" id="utvardering-och-revision">"##))
        #expect(page.contains(##"<span class="alias-anchor" id="utvardering"></span>"##))
    }

    @Test func thePatchPagesCarryTheDecision() throws {
        let page = try #require(try fixtureSite()["remiss-2025/beslut-sro-2025-01-30-rattelse.html"])
        #expect(page.contains("Beslutat av SRO den 30 januari 2025"))
        #expect(page.contains("Rättelse"))
        let start = try #require(try fixtureSite()["remiss-2025/index.html"])
        #expect(start.contains(##"<a href="andringar.html">"##))
        #expect(start.contains(##"<a href="beslut-sro-2025-01-30-justering.html">"##))
    }

    @Test func restatedClausesReadReferencesAsNumbers() throws {
        let workspace = try Workspace.load(root: remissCorpus)
        let markdown = AmendmentRenderer.markdown(try Amendment.build(patchID: "sro-2025-01-30-justering", in: workspace))
        // Two references joined by " och " read as one label, the document named once.
        #expect(markdown.contains("Bestämmelserna om förlängning och uppsägning i punkterna 6.1 och 6.2 i Hälso- och sjukvårdsavtalet gäller även för denna överenskommelse."))
        #expect(!markdown.contains("]("))
    }

    @Test func citationsLinkToTheOfficialTextWithTheStatutesTitle() throws {
        let page = try #require(try fixtureSite()["remiss-2025/ok-munhalsa.html"])
        #expect(page.contains(##"<a class="citation" href="https://rkrattsbaser.gov.se/sfst?bet=1985:125" aria-label="8 a § tandvårdslagen (1985:125) – Tandvårdslag (1985:125)">8 a § tandvårdslagen (1985:125)</a>"##))
    }

    @Test func aTermIsLinkedAtItsFirstUseInEachClauseOnly() throws {
        let page = try #require(try fixtureSite()["working/ok-munhalsa.html"])
        let clause = try #require(page.range(of: ##"<section class="clause" id="nodvandig-tandvard">"##))
        let end = try #require(page[clause.upperBound...].range(of: "<section"))
        let text = page[clause.upperBound..<end.lowerBound]
        #expect(text.components(separatedBy: ##"href="begrepp.html#nodvandig-tandvard""##).count - 1 == 1)
        let glossary = try #require(try fixtureSite()["working/begrepp.html"])
        #expect(glossary.contains(##"<dt id="nodvandig-tandvard">nödvändig tandvård</dt>"##))
    }

    @Test func patientCasesAreGroupedByThemeAndLinkedBothWays() throws {
        let pages = try fixtureSite()
        let cases = try #require(pages["working/patientfall.html"])
        #expect(cases.components(separatedBy: "<article class=\"case\"").count - 1 == 2)
        #expect(cases.components(separatedBy: "<section id=\"tema-").count - 1 == 2)
        #expect(cases.contains(##"<section id="tema-syrgas">"##))
        let document = try #require(pages["working/ok-betalningsansvar.html"])
        #expect(document.contains(##"Belyses av patientfall: <a href="patientfall.html#syrgas-1">"##))
        #expect(cases.contains(##"<a href="ok-betalningsansvar.html#fakturering">"##))
        // External documents, [](ext:kok-boken), become links to their address with their title.
        #expect(cases.contains(##"<a href="https://www.vgregion.se/" title="Regionalt kunskapsstöd som används av regionen och kommunerna i Västra Götaland.">KoK-boken</a>"##))
    }

    /// The working text moves on after publication: the published version stays as it was, and the
    /// site still builds; a decision whose patch no longer applies says so instead of failing.
    @Test func theSiteBuildsAfterTheWorkingTextMovesOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-moved-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: remissCorpus, to: folder)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("hos-avtal.md")
        try (try String(contentsOf: url, encoding: .utf8))
            .replacingOccurrences(of: "till och med den 31 december 2030.", with: "till och med den 31 december 2032.")
            .write(to: url, atomically: true, encoding: .utf8)
        let workspace = try Workspace.load(root: folder)
        #expect(workspace.diagnostics.isEmpty)
        let pages = try site(workspace)
        let published = try #require(pages["remiss-2025/hos-avtal.html"])
        #expect(published.contains("till och med den 31 december 2031."))
        let decision = try #require(pages["remiss-2025/beslut-sro-2025-01-30-justering.html"])
        #expect(decision.contains("Ändringstexten kan inte återskapas"))
        // The correction comes after it in the version, so it cannot be restated either; its facts stay.
        let correction = try #require(pages["remiss-2025/beslut-sro-2025-01-30-rattelse.html"])
        #expect(correction.contains("Ändringstexten kan inte återskapas"))
        #expect(correction.contains("Rättelse av fristen för kallelse till samordnad individuell planering"))
    }

    @Test func theAccessibilityStatementNamesAContact() throws {
        let page = try #require(try fixtureSite()["tillganglighet.html"])
        #expect(page.contains("lagen (2018:1937) om tillgänglighet till digital offentlig service"))
        #expect(page.contains(##"<a href="mailto:hos-avtal@example.org">hos-avtal@example.org</a>"##))
    }
}

@Suite struct OutputWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheWholeFolder() throws {
        let parent = try temporaryFolder()
        let target = parent.appendingPathComponent("site")
        try OutputWriter.replace(target, with: ["a.html": Data("1".utf8), "old.html": Data("x".utf8)])
        try OutputWriter.replace(target, with: ["a.html": Data("2".utf8), "sub/b.html": Data("3".utf8)])
        #expect(try String(contentsOf: target.appendingPathComponent("a.html"), encoding: .utf8) == "2")
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("old.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.lock", "site"])
    }

    @Test func aFailureLeavesTheOldOutputAsItWas() throws {
        let parent = try temporaryFolder()
        let target = parent.appendingPathComponent("site")
        try OutputWriter.replace(target, with: ["a.html": Data("1".utf8)])
        #expect(throws: OutputWriter.Failure.self) {
            try OutputWriter.replace(target, with: ["b.html": Data("2".utf8), "../escape.html": Data("3".utf8)])
        }
        #expect(try String(contentsOf: target.appendingPathComponent("a.html"), encoding: .utf8) == "1")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.lock", "site"])
    }
}
