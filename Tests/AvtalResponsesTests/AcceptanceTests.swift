import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// Issue 15's acceptance fixture, Tests/Fixtures/remissvar-60 (see its generate.py): 60 inputs against
/// remiss-2025 of the remiss corpus with the full consultee list (49 municipalities in four
/// kommunalförbund, the four kommunalförbund, eight region boards). 46 municipalities, the four
/// kommunalförbund, six boards and one other organisation answer; Göteborg saved twice before its final
/// answer; three answers came after kl. 12.00 den 19 juni 2025; one file is a cover letter.
@Suite struct AcceptanceTests {
    static let fixture = testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remissvar-60")
    static let late = ["remissvar-stromstad-2025-06-19.json", "enkatverktyg-export.csv rad 4", "remissvar-halso-och-sjukvardsstyrelsen.json"]

    /// The remiss corpus with the fixture's consultee list, and with `late` set when given.
    static func corpus(late: String? = nil) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-acceptance-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ResponsesFixture.corpus, to: root)
        let list = root.appendingPathComponent("remissinstanser.yml")
        try FileManager.default.removeItem(at: list)
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("remissinstanser.yml"), to: list)
        if let late {
            let settings = root.appendingPathComponent("remiss/remiss-2025.yml")
            try (try String(contentsOf: settings, encoding: .utf8) + "late: \(late)\n").write(to: settings, atomically: true, encoding: .utf8)
        }
        return root
    }

    static func compile(late: String? = nil) throws -> (Compilation, CompilationRenderer) {
        let workspace = try Workspace.load(root: try corpus(late: late))
        #expect(workspace.diagnostics.filter { $0.severity == .error }.isEmpty, "\(workspace.diagnostics)")
        let text = try #require(workspace.texts["remiss-2025"])
        let settings = try #require(workspace.remiss["remiss-2025"])
        let compilation = try Compilation.compile(folder: fixture.appendingPathComponent("svar"), text: text,
                                                  consultees: workspace.consultees, workspace: workspace, dispositions: nil,
                                                  remiss: settings)
        var renderer = CompilationRenderer(compilation: compilation, text: text, consultees: workspace.consultees,
                                           templates: try TemplateLibrary(folder: templatesFolder).preloaded(),
                                           versionTitle: VersionDiff.title(of: "remiss-2025", in: workspace))
        renderer.remiss = settings
        return (compilation, renderer)
    }

    @Test func theAccountAddsUpAndMarksTheLateAnswers() throws {
        let (compilation, renderer) = try Self.compile()
        #expect(compilation.accountLine == "files: 60 read, 57 accepted, 2 superseded, 1 rejected")
        #expect(compilation.entries.filter(\.late).map(\.label).sorted() == Self.late.sorted())
        for label in Self.late {
            let entry = try #require(compilation.entries.first { $0.label == label })
            #expect(entry.status == .accepted)
            #expect(entry.reasons.first?.hasPrefix("kom in för sent: sparat ") == true, "\(entry.reasons)")
            #expect(entry.reasons.first?.contains("efter sista svarsdagen kl. 12.00 den 19 juni 2025") == true)
        }
        // Saved the day before: on time.
        let onTime = try #require(compilation.entries.first { $0.label == "remissvar-goteborg-2025-06-18.json" })
        #expect(!onTime.late)
        let superseded = compilation.entries.filter { $0.status == .superseded }.map(\.label)
        #expect(superseded == ["remissvar-goteborg-utkast-1.json", "remissvar-goteborg-utkast-2.json"])
        let account = renderer.account()
        #expect(account.hasSuffix("Inlästa: 60, godtagna: 57, ersatta: 2, avvisade: 1 (för sent inkomna: 3)\n"))
        #expect(account.contains("remissvar-stromstad-2025-06-19.json: godtaget, för sent inkommet – Strömstad\n"))
        #expect(account.contains("foljebrev.txt: avvisat\n  - avvisat: inget remissvar: bara .json"))
        #expect(account.contains("ersatt av remissvar-goteborg-2025-06-18.json, som samma organisation sparade senare"))
    }

    @Test func lateRejectRejectsTheLateAnswers() throws {
        let (compilation, renderer) = try Self.compile(late: "reject")
        #expect(compilation.accountLine == "files: 60 read, 54 accepted, 2 superseded, 4 rejected")
        for label in Self.late {
            let entry = try #require(compilation.entries.first { $0.label == label })
            #expect(entry.status == .rejected && entry.late)
            #expect(entry.reasons.first?.hasSuffix("avvisat enligt inställningen late: reject") == true)
        }
        #expect(!compilation.comments.contains { $0.late }, "nothing of a rejected answer is counted")
        #expect(renderer.account().hasSuffix("Inlästa: 60, godtagna: 54, ersatta: 2, avvisade: 4 (för sent inkomna: 3)\n"))
    }

    @Test func theOverviewHasEveryDocumentAndChapterOnOneScale() throws {
        let (_, renderer) = try Self.compile()
        let html = try renderer.html()
        let main = try #require(html.firstRange(of: "<main").map { html[$0.lowerBound...] })
        // The page opens with its title, then the overview figure, then the rest.
        let afterTitle = try #require(main.firstRange(of: "</h1>").map { main[$0.upperBound...] })
        #expect(afterTitle.trimmingPrefix(while: \.isWhitespace).hasPrefix("<section class=\"overview\""))
        let figure = try #require(afterTitle.firstRange(of: "</figure>").map { String(afterTitle[..<$0.lowerBound]) })
        #expect(figure.contains("<figcaption>"))
        #expect(figure.components(separatedBy: "<figcaption>")[0].contains("<figure"), "the caption comes first in the figure")
        #expect(!figure.contains("<table"), "the data table is beside the figure, not inside it between caption and chart")
        // Every document answered by all 57 accepted answers, each on the same scale.
        for title in ["Hälso- och sjukvårdsavtalet", "Överenskommelsen om betalningsansvar", "Överenskommelsen om munhälsa",
                      "Överenskommelsen om psykisk funktionsnedsättning"] {
            #expect(figure.contains(title), "\(title)")
        }
        #expect(figure.components(separatedBy: ">57 svar").count - 1 >= 4, "each document row: 57 answers")
        #expect(html.components(separatedBy: "<figure").count - 1 == 2, "one overview and one party split, no figure per chapter")
        #expect(html.components(separatedBy: "<table id=\"oversikt-tabell\"").count - 1 == 1)
    }

    @Test func thePartySplitSetsTheRegionAgainstTheMunicipalities() throws {
        let (_, renderer) = try Self.compile()
        let html = try renderer.html()
        let part = try #require(html.firstRange(of: "id=\"parter-tabell\"").map { String(html[$0.lowerBound...]) })
        let table = String(part[..<(part.firstRange(of: "</table>")?.lowerBound ?? part.endIndex)])
        let rows = table.matches(of: #/<tr><th scope="row">([^<]*)</th>((?:<td>\d+</td>)+)</tr>/#).map { match in
            (String(match.output.1), match.output.2.matches(of: #/\d+/#).map { Int($0.output)! })
        }
        func total(_ label: String) -> Int? { rows.first { $0.0 == label }?.1.last }
        #expect(total("Hälso- och sjukvårdsavtalet: Alla kommuner") == 46)
        #expect(total("Hälso- och sjukvårdsavtalet: Västra Götalandsregionens nämnder och styrelser") == 6)
        #expect(total("Hälso- och sjukvårdsavtalet: Kommunalförbund") == 4)
        #expect(total("Hälso- och sjukvårdsavtalet: Andra organisationer") == 1)
        let groups = ["Kommuner i Fyrbodals kommunalförbund", "Kommuner i Göteborgsregionens kommunalförbund (GR)",
                      "Kommuner i Skaraborgs kommunalförbund", "Kommuner i Boråsregionen Sjuhärads kommunalförbund"]
        let municipal = groups.compactMap { total("Hälso- och sjukvårdsavtalet: \($0)") }
        #expect(municipal.count == 4 && municipal.reduce(0, +) == 46, "\(municipal)")
    }

    @Test func theNonRespondentsAreListed() throws {
        let (_, renderer) = try Self.compile()
        let html = try renderer.html()
        #expect(html.contains("<span class=\"missing\">Dals-Ed</span>"))
        #expect(html.contains("<span class=\"missing\">Bollebygd</span>"))
        #expect(html.contains("<span class=\"missing\">Gullspång</span>"))
        #expect(html.contains("<span class=\"missing\">Styrelsen för Södra Älvsborgs Sjukhus, Styrelsen för NU-sjukvården</span>"))
        #expect(html.contains("<p>4 av 4 har svarat.</p>"), "every kommunalförbund answered")
        #expect(html.contains("56 av 61 remissinstanser har svarat."))
    }

    @Test func thePositiveCommentsAreMarkedAndTheCSVIsForExcel() throws {
        let (compilation, renderer) = try Self.compile()
        let positive = compilation.comments.filter(\.positive)
        #expect(!positive.isEmpty && positive.allSatisfy { $0.grade == nil })
        let html = try renderer.html()
        #expect(html.components(separatedBy: "<span class=\"tag positive\">Fungerar bra</span>").count - 1 == positive.count + 1)
        let csv = renderer.csv()
        #expect(csv.hasPrefix("\u{FEFF}\"kommentar-id\";"))
        let rows = ResponsesFixture.parseCSV(csv, delimiter: ";")
        let header = try #require(rows.first)
        let late = try #require(header.firstIndex(of: "for-sent"))
        let kind = try #require(header.firstIndex(of: "slag"))
        #expect(rows.count == compilation.comments.count + 1)
        #expect(rows.dropFirst().filter { $0[late] == "ja" }.count == compilation.comments.filter(\.late).count)
        #expect(rows.dropFirst().filter { $0[kind] == "fungerar bra" }.count == positive.count)
        var comma = renderer
        comma.csvDialect = .comma
        #expect(comma.csv().hasPrefix("\"kommentar-id\","))
    }

    @Test func eachCountedAnswerHasAReceiptForTheDiarium() throws {
        let (compilation, renderer) = try Self.compile()
        let files = try renderer.files()
        let receipts = files.keys.filter { $0.hasPrefix("kvitton/") }.sorted()
        #expect(receipts.count == 57, "one per accepted answer")
        #expect(!receipts.contains { $0.contains("utkast") }, "no receipt for a superseded save")
        let data = try #require(files["kvitton/remissvar-stromstad-2025-06-19.html"])
        let page = String(decoding: data, as: UTF8.self)
        #expect(page.contains("<h1>Remissvar från Strömstad</h1>"))
        #expect(page.contains("2025-06-19T10:30:00Z – <strong>kom in efter sista svarsdagen kl. 12.00 den 19 juni 2025</strong>"))
        // Every comment of the answer, and the documents in the order of the version.
        let own = compilation.comments.filter { $0.source == "remissvar-stromstad-2025-06-19.json" }
        #expect(!own.isEmpty)
        for comment in own { #expect(page.contains(HTML.escape(comment.text)), "\(comment.text)") }
        let order = ["Hälso- och sjukvårdsavtal", "betalningsansvar", "psykisk funktionsnedsättning", "munhälsa"]
            .compactMap { page.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(files["kvitton/enkatverktyg-export-rad-4.html"] != nil, "a survey row's receipt is named by its row")
    }
}
