import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The working text's page marks a clause whose wording differs from what the working group agreed,
/// with the meeting and a redline; a version's pages do not (its differences are decisions).
@Suite struct AgreedWordingPageTests {
    @Test func aDeviatingClauseIsMarkedWithTheMeetingAndARedline() throws {
        let root = coreFixtures.appendingPathComponent("AV650-agreed-wording-changed")
        let output = try actionFolder().appendingPathComponent("site")
        _ = try BuildAction.run(root: root, templates: TemplateSearch(given: templatesFolder, corpus: root, environment: [:]),
                                version: nil, output: output)
        let page = try String(contentsOf: output.appendingPathComponent("working/avtal.html"), encoding: .utf8)
        let aside = try #require(page.range(of: "<aside class=\"agreed-deviation\"").map { String(page[$0.lowerBound...].prefix(600)) })
        #expect(aside.contains("Avviker från arbetsgruppens överenskomna lydelse (2025-03-03)</strong> – Arbetsgruppens möte"))
        #expect(aside.contains("<ins><span class=\"visually-hidden\">Infogat: </span>alltid"))
        #expect(!aside.contains("<del>"), "only a word was added")
        // The note sits in the clause it concerns, and no other clause has one.
        let clause = try #require(page.range(of: "id=\"avtalstid\"")).lowerBound
        #expect(page.range(of: "agreed-deviation")!.lowerBound > clause)
        #expect(page.components(separatedBy: "class=\"agreed-deviation\"").count == 2)
    }

    @Test func possessiveFollowsSwedish() {
        #expect(VersionSite.possessive("arbetsgruppen") == "arbetsgruppens")
        #expect(VersionSite.possessive("SRO") == "SRO:s")
        #expect(VersionSite.possessive("Hälsans") == "Hälsans")
    }
}
