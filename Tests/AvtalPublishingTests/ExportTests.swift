import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The parts of the exports that need no outside tool; the files themselves are tested in their
/// consumers (LibreOffice, python-docx, poppler, the AKN schema) by Tests/Export.
@Suite struct ExportTests {
    @Test func eachRevisionIsSignedByThePatchThatChangedItsClause() throws {
        let workspace = try loadFixture("andringar")
        let diff = try #require(VersionDiff.ofVersion("v2", in: workspace))
        let redline = RedlineDocx(diff: diff, heading: "Ändringar", workspace: workspace, epoch: 0)
        #expect(redline.revision("avtal", "rapportering") == .init(author: "Avtalssekretariatet", date: "2025-04-02T00:00:00Z"))
        #expect(redline.revision("avtal", "avtalstid") == .init(author: "SRO", date: "2025-01-30T00:00:00Z"))
        // A clause no patch of the version touched is the version's own, dated by the export.
        #expect(redline.revision("avtal", "ingen-sadan") == .init(author: "avtal", date: "1970-01-01T00:00:00Z"))
        let html = redline.html()
        let spans = html.components(separatedBy: "class=\"insertion\"").count + html.components(separatedBy: "class=\"deletion\"").count - 2
        #expect(spans == redline.revisionCount)
        #expect(redline.revisionCount > 0)
    }

    @Test func redlineTextIsEscaped() throws {
        let change = TextChange(old: "a <b>", new: "a <script>&")
        let diff = VersionDiff(from: "working", to: "v", documents: [DocumentDiff(
            id: "d", kind: .agreement, title: "T\"<", shortTitle: "T", status: .changed, frontMatter: [], preamble: change, clauses: [])])
        let workspace = try loadFixture("andringar")
        let html = RedlineDocx(diff: diff, heading: "H", workspace: workspace, epoch: 0).html()
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("\"<"))
        #expect(html.contains("script") && html.contains("&lt;") && html.contains("&amp;"))
    }

    @Test func noTextCanLeaveTheCSSStringOfARunningHeader() {
        let css = PrintPages.cssString("a\"; } </style><script>x\\\n")
        #expect(css.hasPrefix("\"") && css.hasSuffix("\""))
        #expect(!css.dropFirst().dropLast().contains("\"") && !css.contains("<") && !css.contains("\n"))
        let page = PrintPages.withRunningHeader("<html><head></head><body><a href=\"b.html#x\">punkt 2</a> <a href=\"#y\">y</a></body></html>",
                                                document: "D", version: "V")
        #expect(page?.contains("<a >punkt 2</a>") == true, "a link to another page prints as text")
        #expect(page?.contains("href=\"#y\"") == true)
    }

    @Test func pdfDatesAreReplacedInTheSameNumberOfBytes() {
        let pdf = Data("1 0 obj <</CreationDate (D:20261202105339+00'00') /ModDate (D:20261202105339+00'00')>>".utf8)
        let fixed = PrintPages.fixingDates(pdf, epoch: 1_738_368_000)
        #expect(fixed.count == pdf.count)
        #expect(String(decoding: fixed, as: UTF8.self).components(separatedBy: "(D:20250201000000+00'00')").count == 3)
    }

    @Test func aknMarkupIsEscapedAndKeepsListTypes() {
        #expect(AknMarkup.escape("<b>&\"\u{1}x") == "&lt;b&gt;&amp;&quot;x")
        let markup = AknMarkup(link: { $0 == "#a" ? ("#sec_a", "punkt 1") : nil })
        let xml = markup.blocks("Se [](#a) och [text](ok).\n\n- ett\n- två\n\n1. första\n2. andra\n\n| A | B |\n|---|---|\n| 1 | 2 |\n")
        #expect(xml.contains("<ref href=\"#sec_a\">punkt 1</ref>"))
        #expect(xml.contains("och text."), "an unresolved link stays as its text")
        #expect(xml.contains("<ul><li>ett</li><li>två</li></ul>") && xml.contains("<ol><li>första</li><li>andra</li></ol>"))
        #expect(xml.contains("<table><tr><th><p>A</p></th><th><p>B</p></th></tr><tr><td><p>1</p></td><td><p>2</p></td></tr></table>"))
    }

    @Test func exportPagesUnlinkTermsAndImagesAndPointToOtherWordFiles() {
        let html = VersionSite.exportLinks(
            "<a class=\"term\" href=\"begrepp.html#t\">vårdgivare</a> <img src=\"https://x/y.png\" alt=\"bild\" /> <a href=\"ok.html#a\">punkt 1</a>",
            documents: ["ok"])
        #expect(html == "vårdgivare bild <a href=\"ok.docx#a\">punkt 1</a>")
    }
}
