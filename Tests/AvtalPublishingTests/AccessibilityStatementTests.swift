import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The accessibility statement follows DIGG's model with the publisher's own facts, and every page
/// the tool writes links to it.
@Suite struct AccessibilityStatementTests {
    func statement(_ root: URL) throws -> String {
        let files = try SiteBuilder(workspace: try Workspace.load(root: root), templates: TemplateLibrary(folder: templatesFolder)).render()
        return String(decoding: try #require(files[SiteBuilder.statement]), as: UTF8.self)
    }

    /// The one-document corpus with an assessment block written in after its contact.
    func corpus(accessibility: String) throws -> URL {
        let root = try copyCorpus(fixturesFolder.appendingPathComponent("en-overenskommelse"))
        try edit(root.appendingPathComponent("agreement.yml"), [("documents:\n", accessibility + "documents:\n")])
        return root
    }

    @Test func theStatementReportsTheAssessmentInTheModelsWords() throws {
        let page = try statement(remissCorpus)
        #expect(page.contains("Webbplatsen är delvis förenlig med lagen om tillgänglighet till digital offentlig service. Bristerna beskrivs under nästa rubrik."))
        #expect(page.contains("<h2>Innehåll som inte är tillgängligt</h2>\n<dl class=\"facts\">\n<dt>PDF-filerna i remisspaketet</dt>\n<dd>De saknar taggar för skärmläsare. Samma text finns på webbplatsen.</dd>"))
        #expect(page.contains("<h2>Innehåll som inte omfattas av lagen</h2>"))
        #expect(page.contains("<dt>Lagtexterna som punkterna länkar till</dt>\n<dd>De publiceras av Regeringskansliet, inte av avtalets parter.</dd>"))
        #expect(page.contains("Vi har bedömt webbplatsen genom självskattning, med hjälp av axe-core och Nu HTML Checker. Bedömningen gjordes den 20 januari 2025."))
        #expect(page.contains("Redogörelsen uppdaterades senast den 1 mars 2025."))
        // The dates are the assessment's, never the version's publication (1 February 2025).
        #expect(!page.contains("1 februari 2025"))
        #expect(page.contains(##"<a href="https://www.digg.se/tdosanmalan">"##))
        #expect(page.contains("Myndigheten för digital förvaltning (Digg) har tillsyn"))
        #expect(page.contains(##"kontakta avtalets sekretariat på <a href="mailto:hos-avtal@example.org">hos-avtal@example.org</a>"##))
    }

    /// "utan vågrät rullning" is said only with the exception that holds: wide tables scroll in their box.
    @Test func theReflowClaimNamesTheTablesThatScroll() throws {
        let page = try statement(remissCorpus)
        let claim = try #require(page.range(of: "utan vågrät rullning"))
        #expect(page[claim.upperBound...].hasPrefix(". Det gäller inte breda tabeller: en sådan tabell rullas i sidled inom sin egen ruta"))
    }

    @Test func aCorpusWithoutAnAssessmentSaysItHasNotBeenAssessed() throws {
        let page = try statement(fixturesFolder.appendingPathComponent("en-overenskommelse"))
        #expect(page.contains("Vi har ännu inte bedömt hur väl webbplatsen uppfyller lagen"))
        #expect(!page.contains("förenlig med lagen"))
        #expect(!page.contains("Bedömningen gjordes"))
    }

    @Test func aSiteThatFullyCompliesSaysSoAndListsNothing() throws {
        let root = try corpus(accessibility: """
            accessibility:
              status: helt
              assessed-on: 2026-01-10
              updated-on: 2026-01-10
              method: granskning av extern part

            """)
        let page = try statement(root)
        #expect(page.contains("Webbplatsen är helt förenlig med lagen om tillgänglighet till digital offentlig service.</p>"))
        #expect(page.contains("Vi känner inte till något innehåll på webbplatsen som inte är tillgängligt."))
        #expect(page.contains("Allt innehåll på webbplatsen omfattas av lagen."))
        #expect(page.contains("Vi har bedömt webbplatsen genom granskning av extern part. Bedömningen gjordes den 10 januari 2026."))
    }

    /// The model's section on oskäligt betungande anpassning (12 §) appears only when there is such content.
    @Test func contentJudgedAnUnreasonableBurdenHasItsOwnSection() throws {
        #expect(!(try statement(remissCorpus)).contains("Oskäligt betungande anpassning"))
        let root = try corpus(accessibility: """
            accessibility:
              status: delvis
              assessed-on: 2026-01-10
              updated-on: 2026-02-01
              method: självskattning
              not-accessible:
                - content: Filmen om samverkan
                  reason: Den saknar undertexter.
              disproportionate-burden:
                - content: Inskannade protokoll från 1990-talet
                  reason: Att tolka om dem skulle kosta mer än de används.

            """)
        let page = try statement(root)
        #expect(page.contains("<h2>Oskäligt betungande anpassning</h2>\n<p>Vi har bedömt att det vore oskäligt betungande att göra följande innehåll tillgängligt (12 § lagen om tillgänglighet till digital offentlig service):</p>\n<dl class=\"facts\">\n<dt>Inskannade protokoll från 1990-talet</dt>"))
        #expect(page.contains("<dt>Filmen om samverkan</dt>\n<dd>Den saknar undertexter.</dd>"))
        #expect(page.contains("Redogörelsen uppdaterades senast den 1 februari 2026."))
    }

    @Test func placeholdersInTheAssessmentAreExamplesAndKeepAFinalPackageBack() throws {
        let root = try corpus(accessibility: """
            accessibility:
              status: {placeholder: helt}
              assessed-on: {placeholder: 2026-01-10}
              updated-on: 2026-01-10
              method: självskattning

            """)
        let page = try statement(root)
        #expect(page.contains(##"Webbplatsen är <span class="placeholder">helt förenlig (exempel)</span> med lagen"##))
        #expect(page.contains(##"Bedömningen gjordes <span class="placeholder">den 10 januari 2026 (exempel)</span>."##))
        let package = try RemissPackage(workspace: try Workspace.load(root: root), templates: TemplateLibrary(folder: templatesFolder), version: "v1")
        #expect(package.placeholders.map(\.key) == ["status", "assessed-on"])
        #expect(package.placeholders.allSatisfy { $0.range.file == "agreement.yml" })
    }

    @Test(arguments: [
        ("  status: nästan\n  assessed-on: 2026-01-10\n  updated-on: 2026-01-10\n  method: självskattning\n", "'status' must be one of helt, delvis, inte"),
        ("  status: delvis\n  assessed-on: 2026-01-10\n  updated-on: 2026-01-10\n  method: självskattning\n", "must list what is not accessible"),
        ("  status: helt\n  assessed-on: 2026-01-10\n  updated-on: 2026-01-10\n  method: självskattning\n  not-accessible:\n    - content: A\n      reason: B\n",
         "lists content that is not accessible"),
        ("  status: helt\n  assessed-on: 2026-01-10\n  updated-on: 2025-12-31\n  method: självskattning\n", "'updated-on' 2025-12-31 is before 'assessed-on' 2026-01-10"),
        ("  status: helt\n  assessed-on: 2026-01-10\n  updated-on: 2026-01-10\n  metod: självskattning\n", "Unknown key 'metod'"),
    ])
    func aWrongAssessmentIsReportedWhereItIsWritten(block: String, message: String) throws {
        let root = try corpus(accessibility: "accessibility:\n" + block)
        let workspace = try Workspace.load(root: root)
        let found = workspace.diagnostics.filter { $0.summary.contains(message) }
        #expect(found.count == 1, "\(workspace.diagnostics.map(\.summary))")
        #expect(found.first?.range.file == "agreement.yml")
        #expect((found.first?.range.start.line ?? 0) > 11, "points into the accessibility block")
    }
}

/// A redline or an amendment written on its own has no statement to link to, and no empty footer.
@Suite struct StandaloneFooterTests {
    @Test func aPageOnItsOwnHasNoEmptyFooter() throws {
        let workspace = try Workspace.load(root: remissCorpus)
        let templates = try TemplateLibrary(folder: templatesFolder)
        let diff = try #require(VersionDiff.ofVersion("remiss-2025", in: workspace))
        let redline = try RedlineRenderer(templates: templates).render(diff)
        #expect(!redline.contains("<footer"))
        #expect(!redline.contains("<p></p>"))
        let linked = try RedlineRenderer(templates: templates).render(diff, statementHref: "webbplats/tillganglighet.html")
        #expect(linked.contains("<footer class=\"site-footer\">\n<div class=\"inner\">\n<p><a href=\"webbplats/tillganglighet.html\">Tillgänglighetsredogörelse</a></p>\n</div>\n</footer>"))
    }
}

/// A table becomes a box that scrolls sideways; its caption names that box for a screen reader.
@Suite struct TableCaptionTests {
    @Test func aTableInAClauseIsCaptionedWithTheClause() throws {
        let files = try SiteBuilder(workspace: try Workspace.load(root: remissCorpus), templates: TemplateLibrary(folder: templatesFolder)).render()
        for page in ["remiss-2025/eskaleringstrappa.html", "remiss-2025/alla.html"] {
            let html = String(decoding: try #require(files[page]), as: UTF8.self)
            #expect(html.contains("<table>\n<caption>Tabell i punkt 1 Inledning</caption>\n<thead>"), "\(page)")
            #expect(!html.contains("<table>\n<thead>"), "\(page) has a table without a caption")
        }
        let glossary = String(decoding: try #require(files["remiss-2025/begrepp.html"]), as: UTF8.self)
        #expect(glossary.contains("<table>\n<caption>Ord att undvika och ord att skriva i stället</caption>"))
    }

    @Test func severalTablesAreNumberedAndTheCaptionIsEscaped() {
        let html = "<p>a</p>\n<table>\n<thead></thead>\n</table>\n<table>\n<thead></thead>\n</table>\n"
        let captioned = VersionSite.captioningTables(html, in: "punkt 2 <Ansvar> & roller")
        #expect(captioned.contains("<table>\n<caption>Tabell 1 i punkt 2 &lt;Ansvar&gt; &amp; roller</caption>\n<thead>"))
        #expect(captioned.contains("<table>\n<caption>Tabell 2 i punkt 2 &lt;Ansvar&gt; &amp; roller</caption>\n<thead>"))
        #expect(VersionSite.captioningTables("<p>&lt;table&gt;</p>", in: "x") == "<p>&lt;table&gt;</p>")
    }
}
