import Foundation
import Testing
@testable import AvtalCore

let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// One expected diagnostic: its code, and where (corpus-relative file, line, column).
struct Expected: Hashable, Sendable, CustomStringConvertible {
    var code: DiagnosticCode
    var file: String
    var line: Int
    var column: Int

    init(_ code: DiagnosticCode, _ file: String, _ line: Int, _ column: Int) {
        (self.code, self.file, self.line, self.column) = (code, file, line, column)
    }

    init(_ d: Diagnostic) {
        self.init(d.code, d.range.file, d.range.start.line, d.range.start.column)
    }

    var description: String { "\(code.rawValue) \(file):\(line):\(column)" }
}

struct FixtureCase: Sendable, CustomTestStringConvertible {
    var fixture: String
    var expected: [Expected]
    var testDescription: String { fixture }
}

/// Each fixture corpus differs from `valid` in one way and must report exactly these diagnostics:
/// the problem it plants, at the right place, and nothing that cascades from it.
let fixtureCases: [FixtureCase] = [
    .init(fixture: "AV100-yaml-syntax", expected: [.init(.yamlSyntax, "agreement.yml", 9, 9)]),
    .init(fixture: "AV101-unknown-key", expected: [.init(.unknownKey, "avtal.md", 8, 1)]),
    .init(fixture: "AV102-missing-key", expected: [.init(.missingKey, "avtal.md", 2, 1)]),
    .init(fixture: "AV103-wrong-type", expected: [.init(.wrongType, "agreement.yml", 2, 10)]),
    .init(fixture: "AV104-invalid-date", expected: [.init(.invalidDate, "avtal.md", 7, 11)]),
    .init(fixture: "AV105-invalid-value", expected: [.init(.invalidValue, "agreement.yml", 8, 11)]),
    .init(fixture: "AV106-missing-front-matter", expected: [.init(.missingFrontMatter, "avtal.md", 1, 1)]),
    .init(fixture: "AV107-front-matter-mismatch", expected: [.init(.frontMatterMismatch, "avtal.md", 2, 5)]),
    // A site's accessibility statement needs someone to contact; a manifest without one is warned about.
    .init(fixture: "AV120-missing-site-contact", expected: [.init(.missingSiteContact, "agreement.yml", 1, 1)]),
    .init(fixture: "AV201-document-file-missing", expected: [.init(.documentFileMissing, "agreement.yml", 10, 11)]),
    .init(fixture: "AV202-unlisted-file", expected: [.init(.unlistedFile, "utkast/gammal.md", 1, 1)]),
    .init(fixture: "AV203-duplicate-document-id", expected: [.init(.duplicateDocumentID, "agreement.yml", 9, 9)]),
    .init(fixture: "AV204-duplicate-document-file", expected: [.init(.duplicateDocumentFile, "agreement.yml", 10, 11)]),
    // A registry in Latin-1: reported at its first bad byte, and not taken for a missing registry.
    .init(fixture: "AV206-not-utf8", expected: [.init(.notUTF8, "begrepp.yml", 3, 20)]),
    .init(fixture: "AV301-heading-without-id", expected: [.init(.headingWithoutID, "avtal.md", 18, 1)]),
    .init(fixture: "AV302-malformed-id", expected: [.init(.malformedID, "avtal.md", 18, 16)]),
    .init(fixture: "AV303-duplicate-clause-id", expected: [.init(.duplicateClauseID, "avtal.md", 18, 19)]),
    .init(fixture: "AV304-skipped-heading-level", expected: [.init(.skippedHeadingLevel, "avtal.md", 18, 1)]),
    .init(fixture: "AV305-empty-clause", expected: [.init(.emptyClause, "avtal.md", 18, 1)]),
    .init(fixture: "AV401-unknown-clause", expected: [.init(.unknownClause, "avtal.md", 17, 9)]),
    .init(fixture: "AV402-unknown-document", expected: [.init(.unknownDocument, "avtal.md", 17, 9)]),
    .init(fixture: "AV403-missing-local-file", expected: [.init(.missingLocalFile, "avtal.md", 17, 4)]),
    .init(fixture: "AV404-malformed-reference", expected: [.init(.malformedReference, "avtal.md", 17, 9)]),
    // "punkt 3" on a link to clause 1; the link whose text states no number is left alone.
    .init(fixture: "AV405-link-text-mismatch", expected: [.init(.linkTextMismatch, "avtal.md", 16, 23)]),
    .init(fixture: "AV501-raw-html", expected: [
        .init(.rawHTML, "avtal.md", 17, 16), .init(.rawHTML, "avtal.md", 17, 24),
    ]),
    // The 101st `>` opens the level past the limit.
    .init(fixture: "AV502-nesting-too-deep", expected: [.init(.nestingTooDeep, "avtal.md", 18, 101)]),
    .init(fixture: "AV601-unknown-patch", expected: [.init(.unknownPatch, "versions.yml", 8, 9)]),
    .init(fixture: "AV602-unknown-target", expected: [.init(.unknownTarget, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV603-guard-mismatch", expected: [.init(.guardMismatch, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV604-phrase-not-found", expected: [.init(.phraseNotFound, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV605-phrase-ambiguous", expected: [.init(.phraseAmbiguous, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV606-invalid-change", expected: [.init(.invalidChange, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV607-id-conflict", expected: [.init(.idConflict, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV608-unknown-version", expected: [.init(.unknownVersion, "versions.yml", 6, 11)]),
    .init(fixture: "AV609-duplicate-version-id", expected: [.init(.duplicateVersionID, "versions.yml", 9, 9)]),
    .init(fixture: "AV610-missing-snapshot", expected: [.init(.missingSnapshot, "versions.yml", 2, 9)]),
    // The reference in the untouched sources broke because the patch deleted its target: reported at the patch.
    .init(fixture: "AV613-retired-reference", expected: [.init(.retiredReference, "patches/p1.yml", 9, 5)]),
    .init(fixture: "AV614-unused-patch", expected: [.init(.unusedPatch, "patches/p2.yml", 1, 5)]),
    .init(fixture: "AV615-interrupted-publish", expected: [.init(.interruptedPublish, "versions.yml", 2, 9)]),
    // Text written by a patch that refers to a clause that does not exist: reported at the patch change.
    // The working group agreed the wording of avtalstid; a word was added afterwards, without a decision.
    .init(fixture: "AV650-agreed-wording-changed", expected: [.init(.agreedWordingChanged, "avtal.md", 14, 1)]),
    // The agreed clause was renamed without an alias: the agreement now points at nothing.
    .init(fixture: "AV651-agreed-clause-gone", expected: [.init(.agreedClauseGone, "agreed.yml", 5, 13)]),
    // The entry's text was edited by hand; its hash still is the agreed text's, so it is not trusted.
    .init(fixture: "AV652-agreed-entry-altered", expected: [.init(.agreedEntryAltered, "agreed.yml", 5, 13)]),
    .init(fixture: "AV701-remiss-deadline-before-opening", expected: [.init(.remissDeadlineBeforeOpening, "remiss/v1.yml", 13, 9)]),
    .init(fixture: "AV702-unknown-consultee-group", expected: [.init(.unknownConsulteeGroup, "remiss/v1.yml", 19, 5)]),
    .init(fixture: "AV703-missing-remiss-contact", expected: [.init(.missingRemissContact, "remiss/v1.yml", 7, 11)]),
    .init(fixture: "AV704-duplicate-consultee", expected: [.init(.duplicateConsultee, "remissinstanser.yml", 12, 13)]),
    .init(fixture: "AV705-remiss-for-unknown-version", expected: [.init(.remissForUnknownVersion, "remiss/v2.yml", 1, 1)]),
    // Placeholders are allowed while the remiss is prepared; `avtal remiss` refuses them (RemissActionTests).
    .init(fixture: "AV711-remiss-placeholder", expected: []),
    .init(fixture: "AV712-missing-remiss-sender", expected: [.init(.missingRemissSender, "remiss/v1.yml", 5, 10)]),
    .init(fixture: "AV713-missing-remiss-consultees", expected: [.init(.missingRemissConsultees, "remiss/v1.yml", 17, 13)]),
    .init(fixture: "remiss-base", expected: []),
    .init(fixture: "AV802-unknown-disposition", expected: [.init(.unknownDisposition, "remissvar/v1/dispositions.yml", 4, 18)]),
    .init(fixture: "AV803-unknown-carrier", expected: [.init(.unknownCarrier, "remissvar/v1/dispositions.yml", 6, 17)]),
    .init(fixture: "AV901-unknown-statute", expected: [.init(.unknownStatute, "avtal.md", 12, 91)]),
    .init(fixture: "AV902-unknown-paragraph", expected: [.init(.unknownParagraph, "avtal.md", 12, 43)]),  // at "99", the number that does not exist
    .init(fixture: "AV903-repealed-statute", expected: [.init(.repealedStatute, "avtal.md", 12, 46)]),
    .init(fixture: "AV904-range-hyphen", expected: [.init(.rangeHyphen, "avtal.md", 12, 98)]),
    .init(fixture: "AV905-section-sign", expected: [.init(.sectionSign, "avtal.md", 12, 51)]),
    .init(fixture: "AV906-missing-sfs-number", expected: [.init(.missingSFSNumber, "avtal.md", 12, 47)]),
    .init(fixture: "AV911-avoided-word", expected: [.init(.avoidedWord, "avtal.md", 12, 43)]),
    .init(fixture: "AV912-unused-term", expected: [.init(.unusedTerm, "begrepp.yml", 5, 11)]),
    .init(fixture: "AV921-unknown-theme", expected: [.init(.unknownTheme, "patientfall/syrgas-1.md", 4, 8)]),
    .init(fixture: "AV931-unknown-external-document", expected: [.init(.unknownExternalDocument, "avtal.md", 12, 32)]),
    // Anchors of stycken and list items: written like clause IDs, in the same namespace; a link to one
    // is checked like a link to a clause, and its text against the number of the clause that holds it.
    // An escaped `\{#id}` is text.
    .init(fixture: "stycke-anchors", expected: [
        .init(.malformedID, "avtal.md", 14, 42), .init(.duplicateClauseID, "avtal.md", 16, 51),
        .init(.unknownClause, "avtal.md", 22, 18), .init(.linkTextMismatch, "avtal.md", 22, 36),
    ]),
    // Acceptance of issue 13: "Section 12" on a link to the clause numbered 10; "bilaga 2" on a link to
    // the document labelled "Bilaga 1", also as part of a clause's label. Right numbers, and text
    // without a number, pass.
    .init(fixture: "link-text-labels", expected: [
        .init(.linkTextMismatch, "avtal.md", 60, 24), .init(.linkTextMismatch, "avtal.md", 60, 66),
        .init(.linkTextMismatch, "avtal.md", 64, 6),
    ]),
    // `kinds` declares a kind of document: a built-in kind cannot be declared again, and a document's
    // kind must be built in or declared (the fix proposes the nearest).
    .init(fixture: "declared-kinds", expected: [
        .init(.invalidValue, "agreement.yml", 11, 11), .init(.invalidValue, "agreement.yml", 18, 9),
    ]),
    .init(fixture: "versions-patch-breaks-reference", expected: [.init(.unknownClause, "patches/p1.yml", 9, 5)]),
]

func check(_ folder: URL) throws -> CheckResult {
    try CheckAction.run(root: folder)
}

@Suite struct FixtureTests {
    @Test(arguments: fixtureCases)
    func fixtureReportsExactlyItsProblem(_ fixtureCase: FixtureCase) throws {
        let result = try check(fixturesFolder.appendingPathComponent(fixtureCase.fixture))
        #expect(result.diagnostics.map(Expected.init) == fixtureCase.expected)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.severity == diagnostic.code.defaultSeverity)
            #expect(!diagnostic.summary.hasSuffix("."), "summaries are headlines without a final period")
        }
    }

    @Test func validFixtureIsClean() throws {
        let result = try check(fixturesFolder.appendingPathComponent("valid"))
        #expect(result.diagnostics.isEmpty)
        #expect(result.summary == CheckSummary(documents: 1, clauses: 2, references: 1, errors: 0, warnings: 0))
    }

    @Test func everyCodeHasAFixture() {
        var covered = Set(fixtureCases.flatMap { $0.expected.map(\.code) })
        covered.insert(.unreadableFile) // see unreadableFolderIsReported
        covered.formUnion([.snapshotChanged, .lostID]) // see VersionTests: they need a published snapshot
        covered.insert(.unknownComment) // see ResponsesTests in AvtalResponsesTests: it needs compiled responses
        covered.insert(.remissPlaceholder) // see RemissActionTests in AvtalPublishingTests: only packaging refuses it
        #expect(covered == Set(DiagnosticCode.allCases))
    }

    /// docs/diagnostics.md documents every code under its name and severity, and no code that does not exist.
    @Test func everyCodeIsDocumented() throws {
        let page = try String(contentsOf: fixturesFolder.appendingPathComponent("../../../docs/diagnostics.md"), encoding: .utf8)
        let lines = page.components(separatedBy: "\n")
        var documented: [String: String] = [:]
        for (i, line) in lines.enumerated() where line.hasPrefix("### AV") {
            let parts = line.dropFirst(4).split(separator: " ")
            documented["\(parts[0]) \(parts[1])"] = lines[i + 1].components(separatedBy: " ·").first
        }
        let expected = Dictionary(uniqueKeysWithValues: DiagnosticCode.allCases.map {
            ("\($0.rawValue) \($0.name)", $0.defaultSeverity.rawValue)
        })
        #expect(documented == expected)
    }

    @Test func unreadableDocumentIsReportedNotFatal() throws {
        let folder = try copyFixture("valid")
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]).write(to: folder.appendingPathComponent("avtal.md"))
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.notUTF8, "avtal.md", 2, 1)])
    }

    @Test func unreadableFolderIsReported() throws {
        let folder = try copyFixture("valid")
        try Data("inte en mapp\n".utf8).write(to: folder.appendingPathComponent("patches"))
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.unreadableFile, "patches", 1, 1)])
    }

    /// Someone else's corpus in this format, in another style (setext headings, CRLF, a BOM,
    /// reference links, tables, code that looks like HTML and links, ignore globs, nested folders).
    @Test func foreignCorpusHasNoFalseAlarms() throws {
        let result = try check(fixturesFolder.appendingPathComponent("foreign-corpus"))
        #expect(result.diagnostics.map(Expected.init) == [])
        #expect(result.summary.documents == 3)
        #expect(result.summary.clauses == 8)
        #expect(result.summary.references == 10)
    }

    @Test func missingCorpusCannotRun() {
        #expect(throws: CorpusUnreadable.self) {
            try check(fixturesFolder.appendingPathComponent("no-such-corpus"))
        }
        #expect(throws: CorpusUnreadable.self) {
            try check(fixturesFolder.appendingPathComponent("valid/avtal.md"))
        }
    }

    /// The proposed fixes are real: applied to the source, the problem goes away.
    @Test(arguments: ["AV101-unknown-key", "AV301-heading-without-id", "AV302-malformed-id",
                      "AV401-unknown-clause", "AV405-link-text-mismatch", "AV107-front-matter-mismatch", "AV304-skipped-heading-level"])
    func applyingTheFixMakesTheCorpusClean(_ fixture: String) throws {
        let folder = try copyFixture(fixture)
        let before = try check(folder)
        let fix = try #require(before.diagnostics.first?.fix)
        let url = folder.appendingPathComponent(fix.range.file)
        let text = try String(contentsOf: url, encoding: .utf8)
        try apply(fix, to: text).write(to: url, atomically: true, encoding: .utf8)
        let after = try check(folder)
        #expect(after.diagnostics.map(Expected.init) == [])
    }

    @Test func misspeltKeyIsReportedOnceWithItsFix() throws {
        let folder = try copyFixture("valid")
        let url = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "short-title:", with: "short_title:").write(to: url, atomically: true, encoding: .utf8)
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.unknownKey, "avtal.md", 5, 1)])
        #expect(result.diagnostics.first?.fix?.replacement == "short-title")
    }

    @Test func duplicateClauseNotePointsAtTheFirstUse() throws {
        let result = try check(fixturesFolder.appendingPathComponent("AV303-duplicate-clause-id"))
        let note = try #require(result.diagnostics.first?.notes.first?.range)
        #expect((note.file, note.start.line, note.start.column) == ("avtal.md", 14, 13))
    }

    @Test func unknownClauseSuggestsTheNearestID() throws {
        let result = try check(fixturesFolder.appendingPathComponent("AV401-unknown-clause"))
        #expect(result.diagnostics.first?.notes.first?.message == "did you mean 'avtalstid'?")
    }

    @Test func anUnknownKindProposesADeclaredOne() throws {
        let result = try check(fixturesFolder.appendingPathComponent("declared-kinds"))
        #expect(result.diagnostics.first?.fix?.replacement == "policy")
        #expect(result.diagnostics.first?.summary == "'kind' must be one of agreement, statutory-agreement, appendix, policy, not 'polcy'")
    }

    @Test func headingWithoutIDProposesOneFromTheHeading() throws {
        let result = try check(fixturesFolder.appendingPathComponent("AV301-heading-without-id"))
        #expect(result.diagnostics.first?.fix?.replacement == " {#forlangning-och-uppsagning}")
    }
}

/// Copies a fixture to a fresh temporary folder, for tests that change it.
func copyFixture(_ name: String) throws -> URL {
    let target = FileManager.default.temporaryDirectory
        .appendingPathComponent("avtal-tests-\(UUID().uuidString)")
    try FileManager.default.copyItem(at: fixturesFolder.appendingPathComponent(name), to: target)
    return target
}

/// Replaces the fix's range (line/scalar-column positions) with its replacement.
func apply(_ fix: Fix, to text: String) -> String {
    var lines = text.components(separatedBy: "\n").map { Array($0.unicodeScalars) }
    let start = fix.range.start, end = fix.range.end
    let head = lines[start.line - 1][..<(start.column - 1)]
    let tail = lines[end.line - 1][(end.column - 1)...]
    let replaced = Array(head) + Array(fix.replacement.unicodeScalars) + Array(tail)
    lines.replaceSubrange((start.line - 1)...(end.line - 1), with: [replaced])
    return lines.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\n")
}
