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
        #expect(account.hasSuffix(F.accountLine + "\n"))
        #expect(account.contains("remissvar-goteborg-utkast.json: ersatt (Göteborg)"))
        #expect(account.contains("remissvar-mark-2025-06-08.json: avvisat"))
        #expect(account.contains("enkat-kommuner.csv row 2: godtaget (Skövde)"))
    }

    @Test func rejectedFilesSayWhy() throws {
        let compilation = try F.compile()
        func reasons(_ label: String) throws -> [String] { try F.entry(label, in: compilation).reasons }
        // The first byte that is not UTF-8, where a hex editor and a text editor find it.
        #expect(try reasons("bilaga-skarmdump.png")
            == ["rejected: the file is not UTF-8 text: byte 0x89 at byte offset 0 (line 1, column 1)"])
        #expect(try reasons("remissvar-vanersborg-ansi.json")
            == ["rejected: the file is not UTF-8 text: byte 0xE4 at byte offset 122 (line 6, column 15)"])
        #expect(try reasons("foljebrev-uddevalla.txt")
            == ["rejected: not a response: only .json (the form) and .csv (a survey export) are read"])
        #expect(try reasons("enkat-tom.csv") == ["rejected: the CSV file has a header but no answers"])
        #expect(try reasons("manifest.json")
            == ["rejected: not a response saved by the form: 'format' is not avtal-remissvar/1 (format)"])
        let broken = try reasons("remissvar-mark-2025-06-08.json")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("rejected: not valid JSON") == true, "\(broken)")
        // A row without an organisation is rejected on its own; the file's other rows are read.
        #expect(try reasons("enkat-kommuner.csv row 5") == ["rejected: no organisation in the 'organisation' column"])
        #expect(try F.entry("enkat-kommuner.csv row 4", in: compilation).status == .accepted)
    }

    @Test func acceptedInputsSayWhatWasFlagged() throws {
        let compilation = try F.compile()
        func reasons(_ label: String) throws -> [String] { try F.entry(label, in: compilation).reasons }
        // Grades off the scale, each by its field.
        #expect(try reasons("remissvar-trollhattan-2025-06-10.json") == [
            "grades.hos-avtal.document.grade: 7 is not on the scale 1–4; not counted",
            "grades.hos-avtal.chapters.avtalstid.grade: 0 is not on the scale 1–4; not counted",
            "grades.hos-avtal.chapters.digitalisering.grade: true is not a grade; not counted",
            "grades.hos-avtal.chapters.samverkansstruktur.grade: 'fem' is not on the scale 1–4 or 'ingen synpunkt'; not counted",
        ])
        // A CSV row's problems name the row and the column.
        #expect(try reasons("enkat-export-semikolon.csv row 5") == [
            "row 5: grade:ok-munhalsa: '5' is not on the scale 1–4 or 'ingen synpunkt'; not counted",
            "organisation 'Närhälsan Lerum vårdcentral' is not a consultee: kept, and listed with the other organisations",
        ])
        // Another version: a clause that exists in remiss-2025 is placed, one that does not is kept apart.
        #expect(try reasons("remissvar-alingsas-2025-06-05.json") == [
            "answers version 'working', not 'remiss-2025': IDs mapped through renames where they can be",
            "comments.hos-avtal#avtalsperiod: unknown clause in 'remiss-2025'; kept apart",
        ])
        #expect(try reasons("remissvar-kungalv-2025-06-09.json") == [
            "comments.ok-munhalsa#tandvardsintyg: unknown clause in 'remiss-2025'; kept apart",
            "grades.hos-avtal.chapters.avtalsperiod: not a chapter of 'hos-avtal'; not counted, comment kept apart",
        ])
        #expect(try reasons("remissvar-kungsbacka-2025-06-07.json")
            == ["unknown organisation ID 'kommun-1384' ('Kungsbacka'): kept, and not counted for any consultee"])
        #expect(try reasons("remissvar-pro-vastra-gotaland.json")
            == ["organisation 'PRO Västra Götaland' is not a consultee: kept, and listed with the other organisations"])
        #expect(try reasons("remissvar-lidkoping-2025-06-11.json")
            == ["grades.ok-munhalsa.document.comment: longer than 20000 characters; cut to that length"])
        // Clean inputs carry no reasons: the BOM of the semicolon file does not spoil its first column,
        // an empty version means the version compiled, and a name alone finds the consultee.
        for label in ["enkat-export-semikolon.csv row 2", "enkat-export-semikolon.csv row 4", "enkat-kommuner.csv row 2",
                      "enkat-kommuner.csv row 3", "remissvar-goteborg-2025-06-12.json", "remissvar-boras-2025-06-10.json",
                      "remissvar-regionstyrelsen-2025-06-16.json"] {
            #expect(try reasons(label) == [], "\(label)")
        }
        let falkoping = try #require(compilation.responses.first { $0.label == "enkat-kommuner.csv row 3" })
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
            == ["enkat-export-semikolon.csv row 3", "remissvar-goteborg-utkast.json", "remissvar-harryda-2025-06-04.json"])
        // The later `exported` wins, not the later file: the draft sorts after the final answer.
        #expect(try F.entry("remissvar-goteborg-utkast.json", in: compilation).reasons
            == ["superseded by remissvar-goteborg-2025-06-12.json, saved later by the same organisation"])
        // Across a form save and a survey row.
        #expect(try F.entry("remissvar-harryda-2025-06-04.json", in: compilation).reasons
            == ["superseded by enkat-kommuner.csv row 4, saved later by the same organisation"])
        #expect(try F.entry("enkat-export-semikolon.csv row 3", in: compilation).reasons
            == ["superseded by enkat-export-semikolon.csv row 4, saved later by the same organisation"])
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
