import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// The four files of a compilation, and the dispositions shown in them.
@Suite struct CompilationOutputTests {
    typealias F = ResponsesFixture

    // MARK: Output

    @Test func theSummaryEscapesRespondentText() throws {
        let html = try F.render(try F.compile()).html()
        // The page's one script is its own filters; none comes from a response.
        #expect(html.lowercased().components(separatedBy: "<script").count - 1 == 1, "raw <script> in the summary")
        #expect(html.contains("<script>\n/* The summary's filters."))
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("Texten om samsjuklighet är bra"))
        let lowered = html.lowercased()
        for attribute in ["href=\"javascript:", "href='javascript:", "href=javascript:", "src=\"javascript:"] {
            #expect(!lowered.contains(attribute), "\(attribute) in the summary")
        }
        #expect(html.contains("&lt;a href=&quot;javascript:alert(document.cookie)&quot;&gt;utredningen&lt;/a&gt;"))
        #expect(html.contains("[kommunens boendeplan](javascript:alert(1))"), "the Markdown link is shown as text")
    }

    /// The overview's data table, as (label, [1, 2, 3, 4, ingen synpunkt, total]).
    static func overviewTable(_ html: String) throws -> [(String, [Int])] {
        let start = try #require(html.range(of: "<table id=\"oversikt-tabell\">"))
        let table = html[start.upperBound...]
        let end = try #require(table.range(of: "</table>"))
        return table[..<end.lowerBound].matches(of: #/<th scope="row">([^<]*)</th>((?:<td>\d+</td>)+)</tr>/#).map { match in
            (String(match.output.1), match.output.2.matches(of: #/\d+/#).map { Int($0.output)! })
        }
    }

    @Test func theOverviewCarriesTheCountsOnOneScale() throws {
        let html = try F.render(try F.compile()).html()
        let rows = try Self.overviewTable(html)
        // Counted by hand in the fixture files: nine answers grade the chapter Avtalstid.
        let avtalstid = try #require(rows.first { $0.0 == "6 Avtalstid" })
        #expect(avtalstid.1 == [2, 3, 2, 1, 1, 9])
        #expect(rows.first?.0 == "Hälso- och sjukvårdsavtalet" && rows.first?.1.last == 14)
        // The figure says the same, row by row, and draws every row on the scale of the longest side.
        let figure = try #require(html.firstRange(of: "<figure class=\"overview-figure\" id=\"oversikt\">")
            .map { html[$0.upperBound...] })
        let svg = try #require(figure.firstRange(of: "</svg>").map { String(figure[..<$0.upperBound]) })
        #expect(svg.contains("<title>6 Avtalstid: 1 instämmer inte alls 2, 2 instämmer delvis 3, 3 instämmer till stor del 2, 4 instämmer helt 1, ingen synpunkt 1</title>"))
        let longest = rows.map { max($0.1[0] + $0.1[1], $0.1[2] + $0.1[3]) }.max()!
        let group = try #require(svg.firstRange(of: "<title>6 Avtalstid:").map { svg[$0.lowerBound...] })
        let widths = group.split(separator: "</g>")[0]
            .matches(of: #/<rect x="[0-9.]+" y="\d+" width="([0-9.]+)"/#).map { Double($0.output.1)! }
        let expected = [2, 3, 2, 1].map { (Double($0) * Double(DivergingChart.half) / Double(longest) * 10).rounded() / 10 }
        #expect(widths == expected)
        #expect(group.contains(">9 svar, 1 ingen synpunkt</text>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 2, "one overview, one party split")
    }

    @Test func theCommentsCSVDefusesFormulas() throws {
        let renderer = try F.render(try F.compile())
        let rows = F.parseCSV(renderer.csv(), delimiter: ";")
        let header = try #require(rows.first)
        #expect(header.first == "kommentar-id")
        #expect(rows.count == F.commentCount + 1)
        let text = try #require(header.firstIndex(of: "kommentar"))
        let texts = rows.dropFirst().map { $0[text] }
        for expected in ["'=> Kallelsen ska gå till kommunens samordnare", "'=Tandvårdsstyrelsen upphandlar",
                         "'+ Informationen till den enskilde", "'-3 dagar är för kort tid",
                         "'- Informationsöverföringen via SAMSA", "'@Sekretariatet: vem utbildar"] {
            #expect(texts.contains { $0.hasPrefix(expected) }, "\(expected)")
        }
        for row in rows {
            for cell in row {
                #expect(!"=+-@".contains(cell.first ?? " "), "a cell starts with a formula character: \(cell.prefix(40))")
            }
        }
        // The multi-line comment is one cell.
        #expect(texts.contains { $0.hasPrefix("Tre dagar efter underrättelsen") && $0.contains("\nKommunen föreslår fem dagar") })
    }

    @Test func theFourFilesAreWritten() throws {
        let files = try F.render(try F.compile()).files()
        #expect(Set(files.keys.filter { !$0.hasPrefix("kvitton/") }) == ["sammanstallning.html", "sammanstallning.json", "kommentarer.csv", "redovisning.txt"])
        // A receipt per counted answer (17 accepted), none for the superseded or rejected.
        #expect(files.keys.filter { $0.hasPrefix("kvitton/") && $0.hasSuffix(".html") }.count == 17)
        #expect(files["kvitton/enkat-kommuner-rad-2.html"] != nil)
        #expect(files["kvitton/remissvar-goteborg-utkast.html"] == nil)
        let data = try #require(files["sammanstallning.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["account"] as? [String: Int] == ["read": 27, "accepted": 17, "superseded": 3, "rejected": 7])
        #expect((json["comments"] as? [Any])?.count == F.commentCount)
        #expect(json["openComments"] as? Int == F.commentCount)
    }

    // MARK: Dispositions

    static let knownID = "kommun-1480--hos-avtal--avtalstid--b1512e23"

    static let dispositions = """
        # Arbetsgruppens ställningstaganden till remissvaren.
        dispositions:
          \(knownID):
            disposition: beaktas delvis
            motivation: Avtalstiden behålls, men en gemensam utvärdering görs efter halva tiden.
            carried-by: remiss-2026
          kommun-1480--hos-avtal--avtalstd--b1512e23:
            disposition: beaktas inte
            motivation: Felskrivet ID.

        """

    @Test func aDispositionIsShownAndTheOpenCountGoesDown() throws {
        let without = try F.compile()
        let source = SourceFile(path: DispositionsFile.path(version: F.version), text: Self.dispositions)
        let with = try F.compile(dispositions: source)
        #expect(without.openComments == F.commentCount)
        #expect(with.openComments == F.commentCount - 1)
        let comment = try #require(with.comments.first { $0.id == Self.knownID })
        #expect(comment.disposition?.kind == .partly)
        #expect(comment.disposition?.motivation == "Avtalstiden behålls, men en gemensam utvärdering görs efter halva tiden.")
        #expect(comment.disposition?.carriedBy == "remiss-2026")
        let renderer = try F.render(with)
        let html = try renderer.html()
        let article = try #require(html.range(of: "id=\"\(Self.knownID)\""))
        let shown = html[article.upperBound...].prefix(1500)
        #expect(shown.contains("<strong>Ställningstagande:</strong> Beaktas delvis. Avtalstiden behålls, men en gemensam utvärdering görs efter halva tiden. (genomförs i remiss-2026)"))
        #expect(html.contains("\(F.commentCount - 1) av \(F.commentCount) kommentarer saknar ännu ställningstagande."))
        let rows = F.parseCSV(renderer.csv(), delimiter: ";")
        let row = try #require(rows.first { $0.first == Self.knownID })
        #expect(row.contains("beaktas delvis") && row.contains("remiss-2026"))
    }

    @Test func aDispositionForAnUnknownCommentIsAnAV801AtItsLine() throws {
        let source = SourceFile(path: DispositionsFile.path(version: F.version), text: Self.dispositions)
        let compilation = try F.compile(dispositions: source)
        #expect(compilation.dispositionProblems.count == 1)
        let problem = try #require(compilation.dispositionProblems.first)
        #expect(problem.code.rawValue == "AV801")
        #expect(problem.summary == "Disposition for unknown comment 'kommun-1480--hos-avtal--avtalstd--b1512e23'")
        #expect(problem.range.file == "remissvar/remiss-2025/dispositions.yml")
        #expect(problem.range.start.line == 7)
        #expect(problem.notes.first?.message == "did you mean '\(Self.knownID)'?")
        // The known one still applies.
        #expect(compilation.comments.first { $0.id == Self.knownID }?.disposition != nil)
    }
}
