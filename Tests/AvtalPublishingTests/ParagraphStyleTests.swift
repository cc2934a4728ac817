import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// `numbering: paragraph` and `label: Bilaga 1` in the manifest: a statute-like appendix keeps the
/// numbers its headings state ("16 kap.", "4 §", "4 a §"), shows each number once, and references to
/// it, down to its stycken and list items, read as statutes are cited.
@Suite struct ParagraphStyleTests {
    let workspace: Workspace
    let files: [String: Data]

    init() throws {
        workspace = try loadFixture("paragrafer")
        files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
    }

    func page(_ path: String) throws -> String {
        String(decoding: try #require(files[path]), as: UTF8.self)
    }

    func label(_ destination: String, from document: String) throws -> String? {
        let labels = ReferenceLabels(text: try text(VersionsFile.working, in: workspace))
        let entry = try #require(workspace.working?.manifest.documents.first { $0.id == document })
        switch labels.resolve(destination, from: entry) {
        case let .clause(_, _, label, _)?, let .document(_, label, _)?: return label
        default: return nil
        }
    }

    @Test func numbersAreTheStatutesOwn() throws {
        let numbers = ReferenceLabels(text: try text(VersionsFile.working, in: workspace)).index["utdrag"]?.mapValues(\.number)
        #expect(numbers == ["kap15": "15 kap.", "p15-1": "15 kap. 1 §", "kap16": "16 kap.", "p16-1": "16 kap. 1 §",
                            "p16-4": "16 kap. 4 §", "p16-4a": "16 kap. 4 a §", "p16-ny": "16 kap. 5 §", "p16-6": "16 kap. 6 §"])
    }

    @Test func referencesReadAsStatutesAreCited() throws {
        #expect(try label("utdrag", from: "avtal") == "bilaga 1")
        #expect(try label("utdrag#p16-4", from: "avtal") == "16 kap. 4 § i bilaga 1")
        #expect(try label("utdrag#p16-4-st2", from: "avtal") == "16 kap. 4 § andra stycket i bilaga 1")
        #expect(try label("utdrag#p16-4-2", from: "avtal") == "16 kap. 4 § första stycket 2 i bilaga 1")
        // A paragraph of one stycke: its item is cited without the stycke, "6 § 1".
        #expect(try label("utdrag#p16-6-1", from: "avtal") == "16 kap. 6 § 1 i bilaga 1")
        #expect(try label("utdrag#p16-4a", from: "avtal") == "16 kap. 4 a § i bilaga 1")
        #expect(try label("utdrag#p16-ny", from: "avtal") == "16 kap. 5 § i bilaga 1")
        #expect(try label("utdrag#kap16", from: "avtal") == "16 kap. i bilaga 1")
        #expect(try label("#p16-4-st2", from: "utdrag") == "16 kap. 4 § andra stycket")
    }

    /// "4 §" is shown once, as the number; the appendix is called by its label.
    @Test func thePageShowsEachNumberOnce() throws {
        let page = try self.page("working/utdrag.html")
        #expect(page.contains(##"<span class="number">16 kap. 4 §</span> <span class="heading-text"></span>"##))
        #expect(page.contains(##"<span class="number">16 kap.</span> <span class="heading-text">Andra exempelkapitlet</span>"##))
        #expect(page.contains(##"<span class="number">16 kap. 5 §</span> <span class="heading-text">Paragraf utan nummer i rubriken</span>"##))
        #expect(page.contains("Länk till 16 kap. 4 §<"))
        #expect(!page.contains("4 § 4 §") && !page.contains("1.1"))
        #expect(page.contains("Bilaga 1"))
        #expect(page.contains(##"<a href="#p16-4-st2" title="16 kap. 4 § andra stycket">16 kap. 4 § andra stycket</a>"##))
        let agreement = try self.page("working/avtal.html")
        #expect(agreement.contains(##"<a href="utdrag.html#p16-4" title="16 kap. 4 § i bilaga 1">16 kap. 4 § i bilaga 1</a>"##))
        #expect(agreement.contains(##"<a href="utdrag.html" title="Utdrag ur en författning">bilaga 1</a>"##))
    }

    /// `kinds` in the manifest: a statute is a document of its own kind, named by the nouns declared.
    @Test func aDeclaredKindIsNamedByItsNouns() throws {
        let kind = try #require(workspace.working?.manifest.documents.first { $0.id == "utdrag" }?.kind)
        #expect(kind.rawValue == "forfattning")
        #expect(VersionSite.kindLabel(kind) == "Författning" && VersionSite.kindLabel(kind, lang: .en) == "Statute")
        #expect(Swedish.definite(kind) == "författningen" && Swedish.definite(kind, count: 2) == "författningarna")
        #expect(Swedish.indefinite(kind, count: 1) == "en författning" && Swedish.indefinite(kind, count: 3) == "tre författningar")
        #expect(Swedish.throughout([.agreement, kind]) == "i hela avtalet och i författningen")
    }
}
