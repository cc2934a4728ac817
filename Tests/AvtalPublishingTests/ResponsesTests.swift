import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The compilation of remiss responses against the shipped corpus, with the fixture set in
/// Fixtures/responses/remiss-2025: form saves (JSON), two survey exports (CSV, one with commas, one
/// with semicolons and a BOM) and files that are not responses at all. Every expectation below was
/// worked out from the fixture files by hand, not read back from the compiler.
enum ResponsesFixture {
    static let version = "remiss-2025"
    static let folder = fixturesFolder.appendingPathComponent("responses/remiss-2025")
    static let corpus = testsFolder.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Agreement")

    /// Loaded once: the corpus is read-only in these tests.
    static let workspace: Result<Workspace, CorpusUnreadable> = Result { () throws(CorpusUnreadable) in try Workspace.load(root: corpus) }

    /// Every input, in the order it is read (files by name, CSV rows in order), with its status.
    static let statuses: [(String, Compilation.Status)] = [
        ("bilaga-skarmdump.png", .rejected),
        ("enkat-export-semikolon.csv row 2", .accepted),
        ("enkat-export-semikolon.csv row 3", .superseded),
        ("enkat-export-semikolon.csv row 4", .accepted),
        ("enkat-export-semikolon.csv row 5", .accepted),
        ("enkat-kommuner.csv row 2", .accepted),
        ("enkat-kommuner.csv row 3", .accepted),
        ("enkat-kommuner.csv row 4", .accepted),
        ("enkat-kommuner.csv row 5", .rejected),
        ("enkat-tom.csv", .rejected),
        ("foljebrev-uddevalla.txt", .rejected),
        ("manifest.json", .rejected),
        ("remissvar-alingsas-2025-06-05.json", .accepted),
        ("remissvar-boras-2025-06-10.json", .accepted),
        ("remissvar-goteborg-2025-06-12.json", .accepted),
        ("remissvar-goteborg-utkast.json", .superseded),
        ("remissvar-gr-2025-06-13.json", .accepted),
        ("remissvar-harryda-2025-06-04.json", .superseded),
        ("remissvar-kungalv-2025-06-09.json", .accepted),
        ("remissvar-kungsbacka-2025-06-07.json", .accepted),
        ("remissvar-lidkoping-2025-06-11.json", .accepted),
        ("remissvar-mark-2025-06-08.json", .rejected),
        ("remissvar-pro-vastra-gotaland.json", .accepted),
        ("remissvar-regionstyrelsen-2025-06-16.json", .accepted),
        ("remissvar-tandvardsstyrelsen-2025-06-14.json", .accepted),
        ("remissvar-trollhattan-2025-06-10.json", .accepted),
        ("remissvar-vanersborg-ansi.json", .rejected),
    ]

    static let accountLine = "files: 27 read, 17 accepted, 3 superseded, 7 rejected"
    /// Comments in the accepted responses, counted in the files by hand.
    static let commentCount = 45

    static func load() throws -> (Workspace, VersionText) {
        let workspace = try workspace.get()
        let text = try #require(workspace.texts[version], "version \(version) was not built")
        return (workspace, text)
    }

    static func compile(_ folder: URL = folder, dispositions: SourceFile? = nil) throws -> Compilation {
        let (workspace, text) = try load()
        return try Compilation.compile(folder: folder, text: text, consultees: workspace.consultees, workspace: workspace,
                                       dispositions: dispositions)
    }

    static func render(_ compilation: Compilation) throws -> CompilationRenderer {
        let (workspace, text) = try load()
        return CompilationRenderer(compilation: compilation, text: text, consultees: workspace.consultees,
                                   templates: try TemplateLibrary(folder: templatesFolder).preloaded(),
                                   versionTitle: VersionDiff.title(of: version, in: workspace))
    }

    static func entry(_ label: String, in compilation: Compilation) throws -> Compilation.Entry {
        try #require(compilation.entries.first { $0.label == label }, "no input \(label)")
    }

    /// A small RFC 4180 reader of our own, so that the expectations do not depend on the CSV library
    /// the compiler uses: quoted cells, doubled quotes, line breaks in cells, a BOM, `,` or `;`.
    static func parseCSV(_ raw: String, delimiter: Character? = nil) -> [[String]] {
        var text = Substring(raw)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator = delimiter ?? (header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ",")
        let characters = Array(text)
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character != "\"" {
                    cell.append(character)
                } else if index < characters.count, characters[index] == "\"" {
                    cell.append("\"") // "" inside a quoted cell
                    index += 1
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                row.append(cell)
                cell = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }

    /// What the compiler must keep of a text: trimmed, or cut to 20 000 characters when longer.
    static func kept(_ raw: String) -> String? {
        if raw.count > ResponseReader.maxTextLength { return String(raw.prefix(ResponseReader.maxTextLength)) }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// (input label, comment text) for every comment in the accepted inputs, read from the files.
    static func commentsInFiles(accepted: Set<String>) throws -> [String] {
        var found: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            if name.hasSuffix(".json"), accepted.contains(name) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
                for (_, value) in object["grades"] as? [String: Any] ?? [:] {
                    let entry = value as? [String: Any] ?? [:]
                    if let comment = (entry["document"] as? [String: Any])?["comment"] as? String, let text = kept(comment) {
                        found.append("\(name)\n\(text)")
                    }
                    for (_, chapter) in entry["chapters"] as? [String: Any] ?? [:] {
                        if let comment = (chapter as? [String: Any])?["comment"] as? String, let text = kept(comment) {
                            found.append("\(name)\n\(text)")
                        }
                    }
                }
                for (_, value) in object["comments"] as? [String: Any] ?? [:] {
                    if let comment = value as? String, let text = kept(comment) { found.append("\(name)\n\(text)") }
                }
            } else if name.hasSuffix(".csv") {
                let rows = parseCSV(try String(contentsOf: url, encoding: .utf8))
                guard let header = rows.first else { continue }
                for (index, row) in rows.enumerated().dropFirst() where accepted.contains("\(name) row \(index + 1)") {
                    for (column, cell) in zip(header, row) where column.hasPrefix("comment:") {
                        if let text = kept(cell) { found.append("\(name) row \(index + 1)\n\(text)") }
                    }
                }
            }
        }
        return found
    }
}

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
        #expect(try reasons("bilaga-skarmdump.png") == ["rejected: the file is not UTF-8 text"])
        #expect(try reasons("remissvar-vanersborg-ansi.json") == ["rejected: the file is not UTF-8 text"])
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
        #expect(ids.count == 61 - 14)
        #expect(!ids.contains("kommun-1480") && !ids.contains("kommun-1499") && !ids.contains("tandvardsstyrelsen"))
        #expect(ids.contains("kommun-1463"), "Mark's file was rejected: Mark has not answered")
    }

    // MARK: Grades

    @Test func talliesOfKnownDocumentsAndChapters() throws {
        let compilation = try F.compile()
        // [1, 2, 3, 4, ingen synpunkt], counted by hand from the accepted answers.
        let expected: [String: [Int]] = [
            "hos-avtal": [0, 2, 7, 3, 2],
            "hos-avtal/avtalstid": [2, 3, 2, 1, 1],
            "hos-avtal/samverkansstruktur": [0, 0, 1, 1, 0],
            "hos-avtal/digitalisering": [0, 0, 0, 0, 1],
            "ok-betalningsansvar": [1, 3, 2, 0, 0],
            "ok-betalningsansvar/processen": [1, 2, 1, 0, 1],
            "ok-munhalsa": [0, 2, 2, 3, 0],
            "ok-munhalsa/parternas-ansvar": [0, 1, 1, 0, 0],
            "eskaleringstrappa": [0, 0, 0, 0, 1],
        ]
        for (key, counts) in expected {
            #expect(compilation.tallies[key]?.counts == counts, "\(key)")
        }
        // An unknown chapter is not counted anywhere.
        #expect(compilation.tallies["hos-avtal/avtalsperiod"] == nil)
        #expect(compilation.tallies.count == 12)
    }

    // MARK: Comments

    @Test func everyCommentOfEveryAcceptedResponseAppearsExactlyOnce() throws {
        let compilation = try F.compile()
        let accepted = Set(F.statuses.filter { $0.1 == .accepted }.map(\.0))
        let inFiles = try F.commentsInFiles(accepted: accepted)
        #expect(inFiles.count == F.commentCount)
        #expect(compilation.comments.count == F.commentCount)
        let compiled = compilation.comments.map { "\($0.source)\n\($0.text)" }
        #expect(compiled.sorted() == inFiles.sorted())
    }

    @Test func commentsArePlacedAndInDocumentOrder() throws {
        let (_, text) = try F.load()
        let compilation = try F.compile()
        var position: [String: Int] = [:]
        var next = 0
        for document in text.documents {
            position[document.entry.id] = next
            next += 1
            document.walk { clause, _ in
                position["\(document.entry.id)#\(clause.id)"] = next
                next += 1
            }
        }
        func rank(_ place: Compilation.Place) -> Int {
            switch place {
            case let .document(document): position[document] ?? -1
            case let .chapter(document, clause), let .clause(document, clause): position["\(document)#\(clause)"] ?? -1
            case .unplaced: Int.max
            }
        }
        let ranks = compilation.comments.map { rank($0.place) }
        #expect(!ranks.contains(-1), "a comment placed where the version has nothing")
        #expect(ranks == ranks.sorted(), "comments are not in the order of the text")
        #expect(compilation.comments.first?.place == .document("hos-avtal"))
        // Document, chapter and clause level all occur.
        let goteborg = compilation.comments.filter { $0.organisationID == "kommun-1480" }.map(\.place)
        #expect(goteborg.contains(.document("hos-avtal")))
        #expect(goteborg.contains(.chapter(document: "hos-avtal", chapter: "avtalstid")))
        #expect(goteborg.contains(.clause(document: "ok-betalningsansvar", clause: "kallelse-till-sip")))
        // A clause that exists in both versions is placed although the answer was to `working`.
        #expect(compilation.comments.contains { $0.organisationName == "Alingsås" && $0.place == .clause(document: "hos-avtal", clause: "avtalstid") })
    }

    @Test func unplacedCommentsAreKeptAndShownApart() throws {
        let compilation = try F.compile()
        let unplaced = compilation.comments.filter { if case .unplaced = $0.place { true } else { false } }
        #expect(unplaced.map(\.place) == [.unplaced("hos-avtal#avtalsperiod"), .unplaced("hos-avtal/avtalsperiod"),
                                          .unplaced("ok-munhalsa#tandvardsintyg")])
        #expect(unplaced.map(\.organisationName) == ["Alingsås", "Kungälv", "Kungälv"])
        let html = try F.render(compilation).html()
        let section = try #require(html.range(of: "<h2>Kommentarer som inte kunde placeras</h2>"))
        for comment in unplaced {
            #expect(html[section.upperBound...].contains(comment.id), "\(comment.id)")
        }
        #expect(html[section.upperBound...].contains("Intyget om nödvändig tandvård bör kunna utfärdas av kommunens sjuksköterska."))
    }

    @Test func commentIDsAreStableAndUnique() throws {
        let first = try F.compile(), second = try F.compile()
        #expect(first.comments.map(\.id) == second.comments.map(\.id))
        #expect(Set(first.comments.map(\.id)).count == first.comments.count)
        // Pinned: a disposition recorded against this ID must keep finding its comment.
        let avtalstid = try #require(first.comments.first { $0.organisationID == "kommun-1480" && $0.place == .chapter(document: "hos-avtal", chapter: "avtalstid") })
        #expect(avtalstid.id == "kommun-1480--hos-avtal--avtalstid--b1512e23")
        for comment in first.comments {
            #expect(comment.id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9-]+--[0-9a-f]{8}$", options: .regularExpression) != nil, "\(comment.id)")
        }
        // The same set in another order of reading (another folder, other file names) gives the same IDs.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-responses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: F.folder.path) {
            try FileManager.default.copyItem(at: F.folder.appendingPathComponent(name), to: copy.appendingPathComponent("z-" + name))
        }
        let moved = try F.compile(copy)
        #expect(Set(moved.comments.map(\.id)) == Set(first.comments.map(\.id)))
    }

    /// The same text written as a chapter's comment and as a comment on the chapter's own clause (the
    /// form offers both) is two comments and needs two IDs, or one disposition silently answers both
    /// and the summary page holds the same `id` twice.
    @Test func aChapterCommentAndAClauseCommentWithTheSameTextGetDifferentIDs() throws {
        let same = "Avtalstiden är för lång."
        let folder = try scratchFolder([
            "remissvar-boras.json": """
                {"format": "avtal-remissvar/1", "version": "remiss-2025",
                 "organisation": {"id": "kommun-1490", "name": "Borås"},
                 "contact": {"name": "Lena Dahl", "email": "lena.dahl@boras.example.se"},
                 "grades": {"hos-avtal": {"chapters": {"avtalstid": {"grade": 2, "comment": "\(same)"}}}},
                 "comments": {"hos-avtal#avtalstid": "\(same)"}, "exported": "2025-06-10T16:45:00Z"}
                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(compilation.comments.count == 2)
        #expect(Set(compilation.comments.map(\.id)).count == 2, "IDs: \(compilation.comments.map(\.id))")
    }

    /// A folder of its own for a test, removed afterwards by the caller.
    func scratchFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-responses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    func formSave(exported: String, comment: String) -> String {
        """
        {"format": "avtal-remissvar/1", "version": "remiss-2025",
         "organisation": {"id": "kommun-1490", "name": "Borås"},
         "contact": {"name": "Lena Dahl", "email": "lena.dahl@boras.example.se"},
         "grades": {}, "comments": {"hos-avtal#avtalstid": "\(comment)"}, "exported": "\(exported)"}
        """
    }

    /// `exported` with fractional seconds is an ISO 8601 (RFC 3339) time and valid by svar.schema.json
    /// ("format": "date-time"); the answer saved on 10 June must win over the one saved on 1 June.
    @Test func fractionalSecondsInExportedAreATimeAndTheLaterSaveWins() throws {
        let folder = try scratchFolder([
            "a-nyare.json": formSave(exported: "2025-06-10T09:30:00.500Z", comment: "Det nyare svaret."),
            "b-aldre.json": formSave(exported: "2025-06-01T09:30:00Z", comment: "Det äldre svaret."),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(try F.entry("a-nyare.json", in: compilation).status == .accepted)
        #expect(try F.entry("b-aldre.json", in: compilation).status == .superseded)
        #expect(try F.entry("a-nyare.json", in: compilation).reasons == [], "a valid time is reported as not ISO 8601")
        #expect(compilation.comments.map(\.text) == ["Det nyare svaret."])
    }

    /// Survey tools write their own time format ("2025-06-11 10:00"). Two rows from Ale: the one
    /// saved on 11 June must win, and no reason may claim that the 1 June row was "saved later".
    @Test func aSurveyRowSavedLaterWinsWhateverItsTimeFormat() throws {
        let folder = try scratchFolder([
            "enkat.csv": """
                organisation-id,organisation,contact-email,exported,comment:hos-avtal#avtalstid
                kommun-1440,Ale,anna@ale.example.se,2025-06-01 10:00,Första svaret.
                kommun-1440,Ale,anna@ale.example.se,2025-06-11 10:00,Det slutliga svaret.

                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(try F.entry("enkat.csv row 2", in: compilation).status == .superseded)
        #expect(try F.entry("enkat.csv row 3", in: compilation).status == .accepted)
        #expect(compilation.comments.map(\.text) == ["Det slutliga svaret."])
    }

    // MARK: Output

    @Test func theSummaryEscapesRespondentText() throws {
        let html = try F.render(try F.compile()).html()
        #expect(!html.lowercased().contains("<script"), "raw <script> in the summary")
        #expect(html.contains("&lt;script&gt;alert("))
        #expect(html.contains("Texten om samsjuklighet är bra"))
        let lowered = html.lowercased()
        for attribute in ["href=\"javascript:", "href='javascript:", "href=javascript:", "src=\"javascript:"] {
            #expect(!lowered.contains(attribute), "\(attribute) in the summary")
        }
        #expect(html.contains("&lt;a href=&quot;javascript:alert(document.cookie)&quot;&gt;utredningen&lt;/a&gt;"))
        #expect(html.contains("[kommunens boendeplan](javascript:alert(1))"), "the Markdown link is shown as text")
    }

    @Test func theChartsCarryTheCountsAsText() throws {
        let html = try F.render(try F.compile()).html()
        let start = try #require(html.range(of: "<figure class=\"grades\" id=\"betyg-hos-avtal--avtalstid\">"))
        let figure = html[start.upperBound...]
        let end = try #require(figure.range(of: "</svg>"))
        let svg = String(figure[..<end.upperBound])
        #expect(svg.contains("aria-label=\"Fördelning av betyg, 9 Avtalstid: 1 instämmer inte alls 2, 2 instämmer delvis 3, 3 instämmer till stor del 2, 4 instämmer helt 1, ingen synpunkt 1\""))
        let texts = svg.matches(of: #/<text [^>]*>([^<]*)</text>/#).map { String($0.output.1) }
        #expect(texts == ["1 instämmer inte alls", "2", "2 instämmer delvis", "3", "3 instämmer till stor del", "2",
                          "4 instämmer helt", "1", "ingen synpunkt", "1"])
        // The table beside it says the same, and the whole-document chart holds its total.
        #expect(figure.contains("<figcaption>9 Avtalstid (9 svar)</figcaption>"))
        #expect(html.contains("<figcaption>Hela dokumentet (14 svar)</figcaption>"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 12)
    }

    @Test func theCommentsCSVDefusesFormulas() throws {
        let renderer = try F.render(try F.compile())
        let rows = F.parseCSV(renderer.csv(), delimiter: ",")
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
        #expect(Set(files.keys) == ["sammanstallning.html", "sammanstallning.json", "kommentarer.csv", "redovisning.txt"])
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
        let rows = F.parseCSV(renderer.csv(), delimiter: ",")
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
