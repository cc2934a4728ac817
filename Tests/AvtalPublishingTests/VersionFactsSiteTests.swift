import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// What a version's decisions change on its pages: a new title for the agreement, and when a
/// decision takes effect.
@Suite struct VersionFactsSiteTests {
    func site(_ workspace: Workspace) throws -> [String: String] {
        try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
            .mapValues { String(decoding: $0, as: UTF8.self) }
    }

    static let oldTitle = "Hälso- och sjukvårdsavtal mellan Västra Götalandsregionen och kommunerna i Västra Götalands län"
    static let newTitle = "Hälso- och sjukvårdsavtal mellan kommunerna i Västra Götaland och Västra Götalandsregionen"

    /// SRO retitled the agreement in remiss-2025: the banner and the page with every text say so, as
    /// the agreement's own heading does. The working text and the list of versions keep the manifest's.
    @Test func aVersionsNewTitleIsItsTitleEverywhere() throws {
        let pages = try site(try Workspace.load(root: remissCorpus))
        for name in ["remiss-2025/index.html", "remiss-2025/alla.html", "remiss-2025/ok-munhalsa.html",
                     "remiss-2025/beslut-sro-2025-01-30-rattelse.html"] {
            let page = try #require(pages[name])
            #expect(page.contains(##"<p class="site-name"><a href="../index.html">\##(Self.newTitle)</a></p>"##), "\(name)")
            #expect(!page.contains(Self.oldTitle), "\(name)")
        }
        #expect(try #require(pages["remiss-2025/alla.html"]).contains("<h1>\(Self.newTitle)</h1>"))
        let working = try #require(pages["working/alla.html"])
        #expect(working.contains("<h1>\(Self.oldTitle)</h1>"))
        #expect(try #require(pages["index.html"]).contains("<h1>\(Self.oldTitle)</h1>"))
    }

    /// A patch with `in-force-from` says when it takes effect under the decision on the start page.
    @Test func theStartPageSaysWhenADecisionTakesEffect() throws {
        let start = try #require(try site(try loadFixture("andringar"))["v2/index.html"])
        #expect(start.contains(##"<span class="muted">Justering. Beslutad av SRO den 30 januari 2025. Träder i kraft den 1 januari 2027.</span>"##))
        #expect(start.contains(##"<span class="muted">Justering. Beslutad av SRO den 14 mars 2025.</span>"##))
    }
}
