import Foundation
import Testing
@testable import AvtalCore

/// Checks the `valid` fixture with its first sentence (line 12) replaced by `sentence`, against the
/// registry entries of the statute texts: the diagnostics, and their summaries.
func checkSentence(_ sentence: String) throws -> (found: [Expected], summaries: [String]) {
    let folder = try copyFixture("valid")
    defer { try? FileManager.default.removeItem(at: folder) }
    try (try String(contentsOf: statuteRegistryCopy, encoding: .utf8))
        .write(to: folder.appendingPathComponent(StatuteRegistry.fileName), atomically: true, encoding: .utf8)
    let url = folder.appendingPathComponent("avtal.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains("Parterna ingår detta avtal."))
    try text.replacingOccurrences(of: "Parterna ingår detta avtal.", with: sentence).write(to: url, atomically: true, encoding: .utf8)
    let result = try CheckAction.run(root: folder)
    return (result.diagnostics.map(Expected.init), result.diagnostics.map(\.summary))
}

/// Real statute text cites several paragraphs of one chapter in one breath; the chapter is written once.
@Suite struct CompoundCitationTests {
    @Test(arguments: [
        // Alternatives: the chapter carries across "eller", and one of them applies, so "§".
        "Parterna ingår detta avtal enligt 8 kap. 4 eller 11 § socialtjänstlagen (2025:400).",
        // A stycke, then another paragraph of the same chapter.
        "Parterna ingår detta avtal enligt 10 kap. 8 § andra stycket och 9 § socialtjänstlagen (2025:400).",
        "Parterna ingår detta avtal enligt 10 kap. 8 § första och andra stycket och 9 § socialtjänstlagen (2025:400).",
        "Parterna ingår detta avtal enligt 10 kap. 8 och 9 §§ socialtjänstlagen (2025:400).",
        "Parterna ingår detta avtal enligt 10 kap. 7–9 §§ socialtjänstlagen (2025:400).",
        "Parterna ingår detta avtal enligt 10 kap. 2–4 och 9 §§ socialtjänstlagen (2025:400).",
        "Parterna ingår detta avtal enligt 10 kap. 8 §, 9 § och 2 kap. 1 § socialtjänstlagen (2025:400).",
        // Paragraphs whose headings carry a conversion artefact ("/24/ 3 c §") in the statute texts.
        "Parterna ingår detta avtal enligt 3 c och 4 b §§ tandvårdslagen (1985:125).",
        "Parterna ingår detta avtal enligt 5 kap. 5 § hälso- och sjukvårdslagen (2017:30).",
    ])
    func compoundCitationsOfParagraphsThatExistPass(sentence: String) throws {
        #expect(try checkSentence(sentence).found == [])
    }

    @Test func theRecognizerCarriesTheChapter() throws {
        let registry = try statuteRegistry()
        #expect(found("8 kap. 4 eller 11 § socialtjänstlagen (2025:400)", registry)
                == [Found(chapter: "8", paragraphs: ["4", "11"], sfs: "2025:400")])
        #expect(found("10 kap. 8 § andra stycket och 9 § socialtjänstlagen (2025:400)", registry)
                == [Found(chapter: "10", paragraphs: ["8"], sfs: "2025:400"), Found(chapter: "10", paragraphs: ["9"], sfs: "2025:400")])
        #expect(found("10 kap. 2–4 och 9 §§ SoL", registry) == [Found(chapter: "10", paragraphs: ["2", "3", "4", "9"], sfs: "2025:400")])
        // A statute named in between ends the chapter: "9 § LSS" is LSS's own 9 §.
        #expect(found("10 kap. 8 § SoL och 9 § LSS", registry)
                == [Found(chapter: "10", paragraphs: ["8"], sfs: "2025:400"), Found(chapter: nil, paragraphs: ["9"], sfs: "1993:387")])
    }

    @Test func aMissingAlternativeIsReportedAtItsNumber() throws {
        let result = try checkSentence("Parterna ingår detta avtal enligt 8 kap. 4 eller 99 § socialtjänstlagen (2025:400).")
        #expect(result.found == [.init(.unknownParagraph, "avtal.md", 12, 50)])
        #expect(result.summaries == ["8 kap. 99 § does not exist in socialtjänstlagen (2025:400)"])
    }

    @Test func aMissingParagraphAfterAStyckeIsReportedAtItsNumber() throws {
        let result = try checkSentence(
            "Parterna ingår detta avtal enligt 10 kap. 8 § andra stycket och 99 § socialtjänstlagen (2025:400).")
        #expect(result.found == [.init(.unknownParagraph, "avtal.md", 12, 65)])
        #expect(result.summaries == ["10 kap. 99 § does not exist in socialtjänstlagen (2025:400)"])
    }

    @Test func eachPartOfACompoundCitationIsCheckedOnItsOwn() throws {
        // "8 kap. 12–14 §§": the range runs past the chapter's end (11 §); "4" exists; "98" does not.
        let result = try checkSentence("Parterna ingår detta avtal enligt 8 kap. 4, 12–14 och 98 §§ socialtjänstlagen (2025:400).")
        #expect(result.found == [.init(.unknownParagraph, "avtal.md", 12, 45), .init(.unknownParagraph, "avtal.md", 12, 55)])
        #expect(result.summaries == ["8 kap. 12 §, 8 kap. 13 § and 8 kap. 14 § do not exist in socialtjänstlagen (2025:400)",
                                     "8 kap. 98 § does not exist in socialtjänstlagen (2025:400)"])
    }

    @Test func alternativesWithTwoSectionSignsAreWarned() throws {
        let result = try checkSentence("Parterna ingår detta avtal enligt 8 kap. 4 eller 11 §§ socialtjänstlagen (2025:400).")
        #expect(result.found == [.init(.sectionSign, "avtal.md", 12, 53)])
    }

    @Test func anUnknownStatuteIsNamedInFull() throws {
        let result = try checkSentence("Parterna ingår detta avtal enligt offentlighets- och sekretesslagen (2009:400).")
        #expect(result.found == [.init(.unknownStatute, "avtal.md", 12, 35)])
        #expect(result.summaries == ["Unknown statute 'offentlighets- och sekretesslagen (2009:400)'"])
    }

    /// The registry generator keeps paragraphs whose headings carry a conversion artefact.
    @Test func theRegistryHasTheParagraphsBehindArtefacts() throws {
        let registry = try statuteRegistry()
        let tandvård = try #require(registry.statute(sfs: "1985:125"))
        #expect(tandvård.paragraphs.isSuperset(of: ["3 c §", "4 b §"]))
        #expect(try #require(registry.statute(sfs: "2017:30")).paragraphs.contains("5 kap. 5 §"))
    }
}
