import AvtalMarkdown
import Foundation
import Testing
@testable import AvtalCore

let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
let statuteTexts = resources.appendingPathComponent("statutes")
/// The registry entries of the statutes in Resources/statutes, with every paragraph.
let statuteRegistryCopy = resources.appendingPathComponent(StatuteRegistry.fileName)

func statuteRegistry() throws -> StatuteRegistry {
    let url = statuteRegistryCopy
    var diagnostics: [Diagnostic] = []
    let registry = StatuteRegistry.read(SourceFile(path: StatuteRegistry.fileName, text: try String(contentsOf: url, encoding: .utf8)),
                                        diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty)
    return try #require(registry)
}

/// A citation as (chapter, paragraphs, statute SFS), for comparing.
struct Found: Hashable, CustomStringConvertible {
    var chapter: String?
    var paragraphs: [String]
    var sfs: String?
    var description: String { "\(chapter.map { "\($0) kap. " } ?? "")\(paragraphs) \(sfs ?? "-")" }
}

func found(_ text: String, _ registry: StatuteRegistry, on date: CalendarDate = CalendarDate(year: 2027, month: 1, day: 1)) -> [Found] {
    CitationRecognizer(registry: registry).citations(in: text).filter { !$0.paragraphs.isEmpty }.map { citation in
        var sfs: String?
        switch citation.reference {
        case let .abbreviation(a)?: sfs = registry.pick(registry.statutes(abbreviation: a), on: date)?.sfs
        case let .name(name, number)?: sfs = number ?? registry.statute(name: name, on: date)?.sfs
        case let .number(number)?: sfs = number
        default: sfs = nil
        }
        return Found(chapter: citation.chapter, paragraphs: citation.citedParagraphs, sfs: sfs)
    }
}

@Suite struct CitationTests {
    /// The forms the working group writes, each with what it cites.
    @Test func theSwedishFormsAreRecognized() throws {
        let registry = try statuteRegistry()
        #expect(found("enligt 16 kap. 3 § HSL ska", registry) == [Found(chapter: "16", paragraphs: ["3"], sfs: "2017:30")])
        #expect(found("8 a § tandvårdslagen (1985:125)", registry) == [Found(chapter: nil, paragraphs: ["8 a"], sfs: "1985:125")])
        #expect(found("16 kap. 1 § andra stycket hälso- och sjukvårdslagen (2017:30)", registry)
                == [Found(chapter: "16", paragraphs: ["1"], sfs: "2017:30")])
        #expect(found("6 kap. 12–14 §§ SoL", registry) == [Found(chapter: "6", paragraphs: ["12", "13", "14"], sfs: "2025:400")])
        #expect(found("7 kap. 2 § första stycket 2 SoL", registry) == [Found(chapter: "7", paragraphs: ["2"], sfs: "2025:400")])
        #expect(found("10 kap. 8 och 9 §§ socialtjänstlagen (2025:400)", registry)
                == [Found(chapter: "10", paragraphs: ["8", "9"], sfs: "2025:400")])
        let mention = CitationRecognizer(registry: registry).citations(
            in: "lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård")
        #expect(mention.map(\.reference) == [.number("2017:612")])
    }

    /// The recognizer over real statute texts: the citations they make of each other are found with
    /// the right chapter, paragraph and statute.
    @Test func citationsInTheStatuteTextsAreFound() throws {
        let registry = try statuteRegistry()
        var all: [String: Set<Found>] = [:]
        for file in ["sfs-2017-612.md", "sfs-2017-30.md", "sfs-2025-400.md", "sfs-1985-125.md"] {
            let text = try String(contentsOf: statuteTexts.appendingPathComponent(file), encoding: .utf8)
            Markdown.parse(text).forEachDescendant { node in
                guard node.kind == .paragraph else { return }
                all[file, default: []].formUnion(found(node.plainText, registry))
            }
        }
        // 4 kap. 2 § LUS: "16 kap. 4 § tredje och fjärde styckena hälso- och sjukvårdslagen (2017:30)".
        #expect(all["sfs-2017-612.md"]?.contains(Found(chapter: "16", paragraphs: ["4"], sfs: "2017:30")) == true)
        // 5 kap. LUS: "26 kap. 1 § första stycket 2 socialtjänstlagen (2025:400)".
        #expect(all["sfs-2017-612.md"]?.contains(Found(chapter: "26", paragraphs: ["1"], sfs: "2025:400")) == true)
        // Every citation found in the texts that names a statute of the registry cites a paragraph it has.
        for (file, citations) in all {
            for citation in citations {
                guard let sfs = citation.sfs, let statute = registry.statute(sfs: sfs), !statute.paragraphs.isEmpty,
                      citation.chapter != nil || !statute.hasChapters else { continue }
                for paragraph in citation.paragraphs {
                    let key = (citation.chapter.map { "\($0) kap. " } ?? "") + "\(paragraph) §"
                    #expect(statute.paragraphs.contains(key), "\(file): \(citation) → \(key) not in \(sfs)")
                }
            }
        }
        #expect(all.values.map(\.count).reduce(0, +) > 50)
    }

    @Test func aParagraphThatDoesNotExistFailsTheCheck() throws {
        let folder = try copyFixture("valid")
        try (try String(contentsOf: statuteRegistryCopy, encoding: .utf8))
            .write(to: folder.appendingPathComponent(StatuteRegistry.fileName), atomically: true, encoding: .utf8)
        let url = folder.appendingPathComponent("avtal.md")
        try (try String(contentsOf: url, encoding: .utf8))
            .replacingOccurrences(of: "Parterna ingår detta avtal.", with: "Parterna ingår detta avtal enligt 16 kap. 99 § HSL.")
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try CheckAction.run(root: folder)
        let problem = try #require(result.diagnostics.first { $0.code == .unknownParagraph })
        #expect(Expected(problem) == .init(.unknownParagraph, "avtal.md", 12, 43))
        #expect(problem.summary == "16 kap. 99 § does not exist in hälso- och sjukvårdslagen (2017:30)")
        #expect(result.summary.errors == 1)
    }

    @Test func citingTheRepealedSocialServicesActFromTwentyTwentySevenFails() throws {
        let folder = try copyFixture("valid")
        try (try String(contentsOf: statuteRegistryCopy, encoding: .utf8))
            .write(to: folder.appendingPathComponent(StatuteRegistry.fileName), atomically: true, encoding: .utf8)
        let url = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "Parterna ingår detta avtal.", with: "Parterna ingår detta avtal enligt 2 kap. 7 § socialtjänstlagen (2001:453) och 16 kap. 99 § hälso- och sjukvårdslagen (2017:30).")
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try CheckAction.run(root: folder)
        let codes = result.diagnostics.map(Expected.init)
        #expect(codes.contains(.init(.repealedStatute, "avtal.md", 12, 46)))
        #expect(codes.contains(.init(.unknownParagraph, "avtal.md", 12, 87)))
        let repealed = try #require(result.diagnostics.first { $0.code == .repealedStatute })
        #expect(repealed.summary.contains("2025:400"))
        #expect(repealed.notes.contains { $0.message == "replaced by socialtjänstlagen (2025:400)" })
    }
}
