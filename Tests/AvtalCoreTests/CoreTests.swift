import Foundation
import Testing
@testable import AvtalCore

/// The corpus shared by the tool's tests (Tests/Fixtures/remiss-korpus): a main agreement, three
/// statutory agreements and an appendix, a glossary, patient cases, a published version and a remiss.
let remissCorpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/remiss-korpus")

@Suite struct CorpusFixtureTests {
    @Test func theFixtureCorpusIsCleanUnderStrict() throws {
        let result = try CheckAction.run(root: remissCorpus)
        #expect(result.diagnostics.map(Expected.init) == [])
        #expect(result.summary.documents == 5)
        #expect(result.summary.clauses == 40)
        #expect(result.summary.references == 28)
    }

    /// References between documents are found in both directions: the main agreement points into
    /// every other document, and every other document points back into it.
    @Test func crossDocumentReferencesGoBothWays() throws {
        let corpus = try #require(try CorpusLoader.load(root: remissCorpus).corpus)
        var pairs: [(from: String, to: String)] = []
        for document in corpus.documents {
            for reference in document.references {
                switch reference.target {
                case let .clause(target, _), let .document(target):
                    if target != document.id { pairs.append((document.id, target)) }
                default: break
                }
            }
        }
        #expect(pairs.count == 19)
        for document in corpus.documents where document.id != "hos-avtal" {
            #expect(pairs.contains { $0 == ("hos-avtal", document.id) }, "hos-avtal → \(document.id)")
            #expect(pairs.contains { $0 == (document.id, "hos-avtal") }, "\(document.id) → hos-avtal")
        }
    }

    @Test func statutoryAgreementsNameTheirLegalBasis() throws {
        let corpus = try #require(try CorpusLoader.load(root: remissCorpus).corpus)
        let statutory = corpus.documents.filter { $0.entry.kind == .statutoryAgreement }
        #expect(statutory.map(\.id) == ["ok-betalningsansvar", "ok-psykisk-funktionsnedsattning", "ok-munhalsa"])
        #expect(statutory.map { $0.frontMatter?.legalBasis ?? [] } == [
            ["5 kap. 1 § lagen (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård"],
            ["16 kap. 3 § hälso- och sjukvårdslagen (2017:30)"], ["8 a § tandvårdslagen (1985:125)"],
        ])
    }
}

@Suite struct ClauseTreeTests {
    func document(_ markdown: String) throws -> (Document, [Diagnostic]) {
        let folder = try copyFixture("valid")
        let front = "---\nid: avtal\nkind: agreement\ntitle: T\nshort-title: T\nvalid-from: 2027-01-01\nvalid-to: 2030-12-31\n---\n"
        try (front + markdown).write(to: folder.appendingPathComponent("avtal.md"), atomically: true, encoding: .utf8)
        let loaded = try CorpusLoader.load(root: folder)
        return (try #require(loaded.corpus?.documents.first), loaded.diagnostics)
    }

    @Test func numbersFollowTheHeadingTree() throws {
        let (doc, diagnostics) = try document("""
            # A {#a}
            Text.
            ## A1 {#a1}
            Text.
            ## A2 {#a2}
            Text.
            ### A2x {#a2x}
            Text.
            # B {#b}
            Text.
            ## B1 {#b1}
            Text.
            """)
        #expect(diagnostics.isEmpty)
        let numbers = doc.clauses.indices.map { "\(doc.clauses[$0].id)=\(doc.number(of: $0))" }
        #expect(numbers == ["a=1", "a1=1.1", "a2=1.2", "a2x=1.2.1", "b=2", "b1=2.1"])
        #expect(doc.clauses[doc.clauseIndex["a2"]!].children == [doc.clauseIndex["a2x"]!])
    }

    @Test func bodyLinesStopAtTheNextHeading() throws {
        let (doc, _) = try document("# A {#a}\n\nEtt.\n\nTvå.\n\n## B {#b}\n\nTre.\n")
        let a = doc.clauses[0], b = doc.clauses[1]
        #expect(a.bodyLines == 10..<15)
        #expect(b.bodyLines == 16..<18)
    }

    @Test func headingTextExcludesTheID() throws {
        let (doc, _) = try document("# Ändringar och *tillägg* {#andringar}\n\nText.\n")
        #expect(doc.clauses[0].heading == "Ändringar och tillägg")
        #expect(doc.clauses[0].id == "andringar")
    }

    @Test func linksAreClassified() throws {
        let (doc, _) = try document("""
            # A {#a}

            [](#a) [](annat#x) [](annat) [text](https://example.se) [](avtal.md#a) [pdf](filer/x.pdf)
            """)
        let targets = doc.references.map(\.target)
        #expect(targets == [
            .clause(document: "avtal", id: "a"), .clause(document: "annat", id: "x"), .document("annat"),
            .external("https://example.se"), .clause(document: "avtal", id: "a"), .file("filer/x.pdf"),
        ])
        #expect(doc.references.map(\.clause) == Array(repeating: 0, count: 6))
    }
}

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("Förlängning och uppsägning", "forlangning-och-uppsagning"),
        ("Ändringar & tillägg", "andringar-tillagg"),
        ("  Oenighet om tolkning av avtal ", "oenighet-om-tolkning-av-avtal"),
        ("Steg 1: verksamhetsnivå", "steg-1-verksamhetsniva"),
        ("Café Ærø", "cafe-aero"),
        ("§§ –", "punkt"),
    ])
    func clauseIDFromHeading(_ heading: String, _ id: String) {
        #expect(Suggestions.clauseID(fromHeading: heading) == id)
        #expect(Suggestions.isValidID(id))
    }

    @Test func idValidity() {
        for valid in ["a", "a1", "steg-1", "ok-munhalsa", "2027"] { #expect(Suggestions.isValidID(valid), "\(valid)") }
        for invalid in ["", "-a", "a-", "a--b", "A", "å", "a_b", "a b", "a.b"] {
            #expect(!Suggestions.isValidID(invalid), "\(invalid)")
        }
    }

    @Test func nearestCandidates() {
        #expect(Suggestions.nearest(to: "avtalstd", in: ["avtalstid", "syfte", "avvikelser"]) == ["avtalstid"])
        #expect(Suggestions.nearest(to: "steg1", in: ["steg-1", "steg-2", "inledning"]) == ["steg-1", "steg-2"])
        #expect(Suggestions.nearest(to: "xyz", in: ["inledning", "syfte"]).isEmpty)
    }

    @Test func calendarDates() {
        #expect(CalendarDate(iso: "2028-02-29")?.isValid == true)
        #expect(CalendarDate(iso: "2029-02-29")?.isValid == false)
        #expect(CalendarDate(iso: "2000-02-29")?.isValid == true)
        #expect(CalendarDate(iso: "2100-02-29")?.isValid == false)
        #expect(CalendarDate(iso: "2027-13-01")?.isValid == false)
        #expect(CalendarDate(iso: "2027-1-01") == nil)
        #expect(CalendarDate(iso: "idag") == nil)
        #expect(CalendarDate(year: 2027, month: 1, day: 5).description == "2027-01-05")
    }

    @Test func globs() {
        #expect(Glob.matches("README.md", "README.md"))
        #expect(!Glob.matches("README.md", "sub/README.md"))
        #expect(Glob.matches("*.md", "a.md"))
        #expect(!Glob.matches("*.md", "sub/a.md"))
        #expect(Glob.matches("**/*.md", "a.md"))
        #expect(Glob.matches("**/*.md", "x/y/a.md"))
        #expect(Glob.matches("anteckningar/**", "anteckningar/2026/mote.md"))
        #expect(Glob.matches("utkast/?.md", "utkast/a.md"))
    }
}

@Suite struct FormatterTests {
    let source = SourceFile(path: "avtal.md", text: "# Rubrik {#r}\n\n\tSe även [](#avtalstd) här.\n")

    var diagnostic: Diagnostic {
        Diagnostic(.unknownClause, "Reference to unknown clause 'avtalstd'",
                   at: source.range(line: 3, column: 10, length: 13), stage: .check,
                   notes: [DiagnosticNote("did you mean 'avtalstid'?")],
                   fix: Fix("use 'avtalstid'", range: source.range(line: 3, column: 10, length: 13),
                            replacement: "[](#avtalstid)"))
    }

    let summary = CheckSummary(documents: 1, clauses: 1, references: 1, errors: 1, warnings: 0)

    @Test func humanPrintsTheLineWithCaretsUnderTheRange() {
        let formatter = DiagnosticFormatter(pathPrefix: "Agreement", sources: ["avtal.md": source])
        let lines = formatter.human([diagnostic], summary: summary, color: false).components(separatedBy: "\n")
        #expect(lines[0] == "Agreement/avtal.md:3:10: error[AV401]: Reference to unknown clause 'avtalstd'")
        #expect(lines[2] == "3 |     Se även [](#avtalstd) här.")
        // The tab is shown as four spaces; "Se även " is eight scalars although "ä" is two bytes.
        #expect(lines[3] == "  |             ^^^^^^^^^^^^^")
        #expect(lines[4] == "   = note: did you mean 'avtalstid'?")
        #expect(lines[5] == "   = fix: use 'avtalstid': replace 3:10–3:23 with '[](#avtalstid)'")
        #expect(lines.contains("1 error, 0 warnings in 1 document (1 clause, 1 reference)"))
        #expect(!formatter.human([diagnostic], summary: summary, color: false).contains("\u{1B}["))
        #expect(formatter.human([diagnostic], summary: summary, color: true).contains("\u{1B}[1;31m"))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let formatter = DiagnosticFormatter(pathPrefix: "Agreement", sources: [:])
        let data = Data(formatter.json([diagnostic], summary: summary).utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "Agreement/avtal.md")
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 10)
        #expect(first["endLine"] as? Int == 3)
        #expect(first["endColumn"] as? Int == 23)
        #expect(first["severity"] as? String == "error")
        #expect(first["code"] as? String == "AV401")
        #expect(first["message"] as? String == "Reference to unknown clause 'avtalstd'")
        let counts = try #require(object["summary"] as? [String: Int])
        #expect(counts == ["documents": 1, "clauses": 1, "references": 1, "errors": 1, "warnings": 0])
    }

    @Test func githubEscapesDataAndProperties() {
        var d = diagnostic
        d.summary = "50% klart, se: a,b"
        d.range.file = "mapp:x/avtal.md"
        let line = DiagnosticFormatter(pathPrefix: "", sources: [:]).github([d])
        #expect(line.hasPrefix("::error file=mapp%3Ax/avtal.md,line=3,col=10,endLine=3,endColumn=23,title=AV401 unknown-clause::50%25 klart, se: a,b%0Anote: did you mean 'avtalstid'?%0Afix: use 'avtalstid'\n"))
    }
}
