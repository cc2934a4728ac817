import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The letter, the form, the read-me and the accessibility statement say only what the corpus says:
/// a corpus of one statutory agreement with other parties, other dates and another deciding body gets
/// nothing of the shipped agreement's facts.
@Suite struct FactsFromDataTests {
    let corpus = fixturesFolder.appendingPathComponent("en-overenskommelse")
    let foreignFacts = ["Västra Götaland", "2027", "SRO"]

    /// Every file of the remiss package of `v1`, as text (the package has no binary files without PDFs).
    func packageFiles(root: URL? = nil) throws -> [String: String] {
        let workspace = try Workspace.load(root: root ?? corpus)
        let package = try RemissPackage(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder), version: "v1")
        return try package.files().mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func theCorpusIsClean() throws {
        _ = try loadFixture("en-overenskommelse")
    }

    @Test func noFileOfThePackageNamesAnotherAgreementsFacts() throws {
        let files = try packageFiles()
        #expect(files[RemissPackage.letter] != nil && files["webbplats/tillganglighet.html"] != nil)
        for (path, text) in files {
            for fact in foreignFacts {
                #expect(!text.contains(fact), "\(path) says '\(fact)'")
            }
        }
    }

    @Test func theSiteStatementNamesOnlyThisCorpus() throws {
        let workspace = try loadFixture("en-overenskommelse")
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        let statement = String(decoding: try #require(files["tillganglighet.html"]), as: UTF8.self)
        for fact in foreignFacts { #expect(!statement.contains(fact), "the statement says '\(fact)'") }
        #expect(statement.contains("Region Jämtland Härjedalen och Östersunds kommun står bakom"))
        #expect(statement.contains("kontakta samverkanskansliet på <a href=\"mailto:samverkan@example.org\">samverkan@example.org</a> eller på telefon 063-000 00 00."))
    }

    @Test func theLetterTakesItsFactsFromTheData() throws {
        let letter = try #require(try packageFiles()[RemissPackage.letter])
        #expect(letter.contains("Region Jämtland Härjedalen och Östersunds kommun skickar härmed förslaget till Överenskommelse om hemsjukvård i Östersund på remiss."))
        #expect(letter.contains("Överenskommelsen ska gälla från och med den 1 mars 2026 och tills vidare."))
        #expect(letter.contains("Parter är Region Jämtland Härjedalen och Östersunds kommun."))
        #expect(letter.contains("består av ett dokument:"))
        #expect(letter.contains("Samverkansnämnden har före remissen beslutat om följande rättelse. Den är införd i texterna"))
        #expect(letter.contains("senast kl. 15.00 den 30 april 2026"))
    }

    @Test func severalDocumentsAndDecisionsAreCountedInTheirOwnWords() throws {
        let workspace = try Workspace.load(root: testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus"))
        let package = try RemissPackage(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder), version: "remiss-2025")
        let letter = try package.renderLetter()
        #expect(letter.contains("med tre lagreglerade överenskommelser och en bilaga på remiss."))
        #expect(letter.contains("Avtalet ska gälla från och med den 1 januari 2027"))
        #expect(letter.contains("består av fem dokument:"))
        #expect(letter.contains("De är införda i texterna"))
    }

    @Test func swedishFollowsNumberAndGender() {
        #expect(Swedish.documents(1) == "ett dokument")
        #expect(Swedish.documents(2) == "två dokument")
        #expect(Swedish.documents(14) == "14 dokument")
        #expect(Swedish.indefinite(.agreement, count: 1) == "ett avtal")
        #expect(Swedish.indefinite(.statutoryAgreement, count: 1) == "en lagreglerad överenskommelse")
        #expect(Swedish.indefinite(.statutoryAgreement, count: 4) == "fyra lagreglerade överenskommelser")
        #expect(Swedish.indefinite(.appendix, count: 2) == "två bilagor")
        #expect(Swedish.throughout([.agreement, .statutoryAgreement, .statutoryAgreement, .appendix])
            == "i hela avtalet, i överenskommelserna och i bilagan")
        #expect(Swedish.throughout([.statutoryAgreement]) == "i hela överenskommelsen")
        #expect(Swedish.throughout([.agreement, .agreement]) == "i hela avtalen")
    }

    @Test func decisionsNameTheirDecidersAndKinds() throws {
        let workspace = try Workspace.load(root: testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus"))
        let patches = workspace.patches.values.sorted { $0.id < $1.id }
        #expect(patches.count == 2)
        var mixed = patches
        mixed[0].kind = .adjustment
        mixed[1].kind = .correction
        mixed[1].decidedBy = "Regionstyrelsen"
        #expect(RemissPackage.decisionsIntroduction(mixed) == "SRO och Regionstyrelsen har före remissen beslutat om följande justeringar och rättelser.")
        mixed[0].kind = .correction
        #expect(RemissPackage.decisionsIntroduction([mixed[0]]) == "SRO har före remissen beslutat om följande rättelse.")
    }

    /// A manifest without a contact is warned about (AV120), and the statement names the parties
    /// instead of leaving a blank.
    @Test func aStatementWithoutContactNamesThePublisher() throws {
        let workspace = try Workspace.load(root: coreFixtures.appendingPathComponent("AV120-missing-site-contact"))
        #expect(workspace.diagnostics.map(\.code) == [.missingSiteContact])
        let files = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
        let statement = String(decoding: try #require(files["tillganglighet.html"]), as: UTF8.self)
        #expect(statement.contains("kontakta Region och Kommun."))
        #expect(!statement.contains("kontakta ."))
    }
}
