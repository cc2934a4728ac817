import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// `lang: en`: an English contract's references read in English, and its unnumbered "Parties" and
/// "Background" leave the section numbers as the original has them.
@Suite struct EnglishLabelTests {
    let workspace: Workspace
    let page: String

    init() throws {
        workspace = try loadFixture("engelska")
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        page = String(decoding: try #require(files["working/contract.html"]), as: UTF8.self)
    }

    @Test func sectionNumbersAreTheOriginals() throws {
        let numbers = ReferenceLabels(text: try text(VersionsFile.working, in: workspace)).index["contract"]?.mapValues(\.number)
        #expect(numbers == ["parties": "", "background": "", "definitions": "1", "services": "2", "scope": "2.1",
                            "reporting": "2.2", "acceptance": "2.3", "remedies": "2.4"])
    }

    @Test func referencesReadInEnglish() {
        #expect(page.contains(##"A breach of <a href="#scope" title="section 2.1: Scope">section 2.1</a>"##))
        #expect(page.contains(##"<a href="#scope" title="section 2.1: Scope">sections 2.1</a>–<a href="#acceptance" title="section 2.3: Acceptance">2.3</a>"##))
        #expect(page.contains(##">sections 1</a>, <a href="#scope" title="section 2.1: Scope">2.1</a> and <a href="#acceptance" title="section 2.3: Acceptance">2.3</a>"##))
        #expect(page.contains(##"<a href="#parties" title="Parties">Parties</a>"##))
        #expect(page.contains(##">section 2.2, second paragraph</a>"##))
        #expect(page.contains(##">section 2.2, first paragraph, item 1</a> and <a href="#signed" title="section 2.2, second paragraph, second bullet: Reporting">section 2.2, second paragraph, second bullet</a>"##))
        #expect(page.contains(##"<a href="appendix.html" title="Service Description">Appendix 1</a>"##))
        #expect(page.contains(##">section 1 of Appendix 1</a>"##))
    }
}
