import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// Which inputs are accepted, superseded or rejected, and why; who answered.
@Suite struct ResponsesTests {
    typealias F = ResponsesFixture

    // MARK: The account

    @Test func everyInputHasItsStatusInReadingOrder() throws {
        let compilation = try F.compile()
        #expect(compilation.entries.map(\.label) == F.statuses.map(\.0))
        for (label, status) in F.statuses {
            #expect(try F.entry(label, in: compilation).status == status, "\(label)")
        }
        // The spreadsheet's hidden lock file is not an input.
        #expect(!compilation.entries.contains { $0.label.hasPrefix(".") })
    }

    @Test func theAccountAddsUp() throws {
        let compilation = try F.compile()
        #expect(compilation.read == compilation.count(.accepted) + compilation.count(.superseded) + compilation.count(.rejected))
        #expect(compilation.accountLine == F.accountLine)
        // Inputs counted from the folder: every visible file, a CSV file once per answered row (or once
        // when it has none).
        var inputs = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: F.folder.path) where !name.hasPrefix(".") {
            if name.hasSuffix(".csv") {
                let rows = F.parseCSV(try String(contentsOf: F.folder.appendingPathComponent(name), encoding: .utf8))
                inputs += max(rows.dropFirst().filter { !$0.allSatisfy(\.isEmpty) }.count, 1)
            } else {
                inputs += 1
            }
        }
        #expect(compilation.read == inputs)
        let account = try F.render(compilation).account()
        #expect(account.hasSuffix("Inlästa: 27, godtagna: 17, ersatta: 3, avvisade: 7\n"), "the same sums as \(F.accountLine)")
        #expect(account.contains("remissvar-goteborg-utkast.json: ersatt – Göteborg"))
        #expect(account.contains("remissvar-mark-2025-06-08.json: avvisat"))
        #expect(account.contains("enkat-kommuner.csv rad 2: godtaget – Skövde"))
    }

    @Test func rejectedFilesSayWhy() throws {
        let compilation = try F.compile()
        func reasons(_ label: String) throws -> [String] { try F.entry(label, in: compilation).reasons }
        // The first byte that is not UTF-8, where a hex editor and a text editor find it.
        #expect(try reasons("bilaga-skarmdump.png")
            == ["avvisat: filen är inte text i UTF-8: byte 0x89 at byte offset 0 (på rad 1, kolumn 1)"])
        #expect(try reasons("remissvar-vanersborg-ansi.json")
            == ["avvisat: filen är inte text i UTF-8: byte 0xE4 at byte offset 122 (på rad 6, kolumn 15)"])
        #expect(try reasons("foljebrev-uddevalla.txt")
            == ["avvisat: inget remissvar: bara .json (formuläret) och .csv (en export från ett enkätverktyg) läses in"])
        #expect(try reasons("enkat-tom.csv") == ["avvisat: CSV-filen har en rubrikrad men inga svar"])
        #expect(try reasons("manifest.json")
            == ["avvisat: inget svar sparat med formuläret: 'format' är inte avtal-remissvar/1 (format)"])
        let broken = try reasons("remissvar-mark-2025-06-08.json")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("avvisat: ingen giltig JSON") == true, "\(broken)")
        // A row without an organisation is rejected on its own; the file's other rows are read.
        #expect(try reasons("enkat-kommuner.csv rad 5") == ["avvisat: ingen organisation i kolumnen 'organisation'"])
        #expect(try F.entry("enkat-kommuner.csv rad 4", in: compilation).status == .accepted)
    }

    @Test func acceptedInputsSayWhatWasFlagged() throws {
        let compilation = try F.compile()
        func reasons(_ label: String) throws -> [String] { try F.entry(label, in: compilation).reasons }
        // Grades off the scale, each by its field.
        #expect(try reasons("remissvar-trollhattan-2025-06-10.json") == [
            "grades.hos-avtal.document.grade: 7 finns inte på skalan 1–4; räknas inte",
            "grades.hos-avtal.chapters.avtalstid.grade: 0 finns inte på skalan 1–4; räknas inte",
            "grades.hos-avtal.chapters.digitalisering.grade: true är inget betyg; räknas inte",
            "grades.hos-avtal.chapters.samverkansstruktur.grade: 'fem' finns inte på skalan 1–4 eller ingen synpunkt; räknas inte",
        ])
        // A CSV row's problems name the row and the column.
        #expect(try reasons("enkat-export-semikolon.csv rad 5") == [
            "rad 5: grade:ok-munhalsa: '5' finns inte på skalan 1–4 eller ingen synpunkt; räknas inte",
            "'Närhälsan Lerum vårdcentral' är ingen remissinstans: svaret räknas med och redovisas under Andra organisationer",
        ])
        // Another version: a clause that exists in remiss-2025 is placed, one that does not is kept apart.
        #expect(try reasons("remissvar-alingsas-2025-06-05.json") == [
            "svarar på versionen 'working', inte 'remiss-2025': punkterna har förts över till versionen där det går",
            "comments.hos-avtal#avtalsperiod: punkten finns inte i 'remiss-2025'; kommentaren redovisas separat",
        ])
        #expect(try reasons("remissvar-kungalv-2025-06-09.json") == [
            "comments.ok-munhalsa#tandvardsintyg: punkten finns inte i 'remiss-2025'; kommentaren redovisas separat",
            "grades.hos-avtal.chapters.avtalsperiod: inget kapitel i 'hos-avtal'; betyget räknas inte och kommentaren redovisas separat",
        ])
        #expect(try reasons("remissvar-kungsbacka-2025-06-07.json")
            == ["okänt organisations-id 'kommun-1384' ('Kungsbacka'): svaret räknas med men inte för någon remissinstans"])
        #expect(try reasons("remissvar-pro-vastra-gotaland.json")
            == ["'PRO Västra Götaland' är ingen remissinstans: svaret räknas med och redovisas under Andra organisationer"])
        #expect(try reasons("remissvar-lidkoping-2025-06-11.json")
            == ["grades.ok-munhalsa.document.comment: längre än 20000 tecken; texten har kortats till den längden"])
        // Clean inputs carry no reasons: the BOM of the semicolon file does not spoil its first column,
        // an empty version means the version compiled, and a name alone finds the consultee.
        for label in ["enkat-export-semikolon.csv rad 2", "enkat-export-semikolon.csv rad 4", "enkat-kommuner.csv rad 2",
                      "enkat-kommuner.csv rad 3", "remissvar-goteborg-2025-06-12.json", "remissvar-boras-2025-06-10.json",
                      "remissvar-regionstyrelsen-2025-06-16.json"] {
            #expect(try reasons(label) == [], "\(label)")
        }
        let falkoping = try #require(compilation.responses.first { $0.label == "enkat-kommuner.csv rad 3" })
        #expect(falkoping.organisationID == "kommun-1499")
    }

    @Test func theOversizedTextIsCutNotDropped() throws {
        let compilation = try F.compile()
        let comment = try #require(compilation.comments.first { $0.organisationName == "Lidköping" })
        #expect(comment.text.count == ResponseReader.maxTextLength)
        #expect(comment.text.hasPrefix("1.1 Lidköpings kommun har låtit socialnämnden"))
        #expect(comment.place == .document("ok-munhalsa"))
    }

    // MARK: Who answered

    @Test func theSameOrganisationTwiceKeepsTheLaterSave() throws {
        let compilation = try F.compile()
        let superseded = compilation.entries.filter { $0.status == .superseded }
        #expect(superseded.map(\.label)
            == ["enkat-export-semikolon.csv rad 3", "remissvar-goteborg-utkast.json", "remissvar-harryda-2025-06-04.json"])
        // The later `exported` wins, not the later file: the draft sorts after the final answer.
        #expect(try F.entry("remissvar-goteborg-utkast.json", in: compilation).reasons
            == ["ersatt av remissvar-goteborg-2025-06-12.json, som samma organisation sparade senare"])
        // Across a form save and a survey row.
        #expect(try F.entry("remissvar-harryda-2025-06-04.json", in: compilation).reasons
            == ["ersatt av enkat-kommuner.csv rad 4, som samma organisation sparade senare"])
        #expect(try F.entry("enkat-export-semikolon.csv rad 3", in: compilation).reasons
            == ["ersatt av enkat-export-semikolon.csv rad 4, som samma organisation sparade senare"])
        // One answer per organisation remains, and nothing of a superseded answer is counted or shown.
        let labels = compilation.responses.map(\.label)
        #expect(labels.count == 17)
        #expect(Set(labels).isDisjoint(with: superseded.map(\.label)))
        let keys = compilation.responses.map { $0.organisationID ?? "name:" + $0.organisationName.lowercased() }
        #expect(Set(keys).count == keys.count)
        #expect(!compilation.comments.contains { $0.text.hasPrefix("Utkast") || $0.text.hasPrefix("Preliminär") })
        #expect(!compilation.comments.contains { superseded.map(\.label).contains($0.source) })
        #expect(compilation.tallies["hos-avtal"]?.counts[0] == 0, "the superseded grades 1 must not count")
    }

    @Test func unknownOrganisationsAreKept() throws {
        let compilation = try F.compile()
        let others = compilation.responses.filter { $0.organisationID == nil }.map(\.organisationName).sorted()
        #expect(others == ["Kungsbacka", "Närhälsan Lerum vårdcentral", "PRO Västra Götaland"])
        for name in others {
            #expect(compilation.comments.contains { $0.organisationName == name }, "\(name)")
        }
        let html = try F.render(compilation).html()
        let section = try #require(html.range(of: "<h3>Andra organisationer</h3>"))
        let list = html[section.upperBound...].prefix(600)
        for name in ["Kungsbacka", "Närhälsan Lerum vårdcentral", "PRO Västra Götaland"] {
            #expect(list.contains("<li>\(name) "), "\(name) is not listed with the other organisations")
        }
        // The consultees who did not answer are listed as missing; those who did are not.
        let summary = try JSONSerialization.jsonObject(with: F.render(compilation).json()) as? [String: Any]
        let ids = try #require(summary?["missing"] as? [String])
        #expect(ids.count == 22 - 14)
        #expect(!ids.contains("kommun-1480") && !ids.contains("kommun-1499") && !ids.contains("tandvardsstyrelsen"))
        #expect(ids.contains("kommun-1463"), "Mark's file was rejected: Mark has not answered")
    }
}
