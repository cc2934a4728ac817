import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// Clauses say where their wording comes from: a version's pages mark each clause its decisions
/// changed, and the working text's pages mark a clause whose wording differs from what the working
/// group agreed, with the meeting and a redline.
@Suite struct ClauseMarksTests {
    @Test func aVersionsPagesNameTheDecisionThatChangedAClause() throws {
        let root = testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus")
        let output = try actionFolder().appendingPathComponent("site")
        _ = try BuildAction.run(root: root, templates: TemplateSearch(given: templatesFolder, corpus: root, environment: [:]),
                                version: nil, output: output)
        let page = try String(contentsOf: output.appendingPathComponent("remiss-2025/ok-betalningsansvar.html"), encoding: .utf8)
        let clause = try #require(page.range(of: "id=\"kallelse-till-sip\"")).upperBound
        let next = page.range(of: "<section", range: clause..<page.endIndex)?.lowerBound ?? page.endIndex
        #expect(page[clause..<next].contains(
            "<p class=\"changed-by\">Ändrad genom <a href=\"beslut-sro-2025-01-30-rattelse.html\">SRO:s beslut den 30 januari 2025</a>.</p>"))
        #expect(page.components(separatedBy: "class=\"changed-by\"").count == 2, "only the clause the rättelse changed")
        let working = try String(contentsOf: output.appendingPathComponent("working/ok-betalningsansvar.html"), encoding: .utf8)
        #expect(!working.contains("changed-by"), "the working text has no decisions of its own")
    }

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
