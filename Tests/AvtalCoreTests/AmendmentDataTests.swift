import Testing
@testable import AvtalCore

/// The data an amendment text is written from: a document's reference name, a patch's
/// `in-force-from`, and what the check says when they are wrong.
@Suite struct AmendmentDataTests {
    static let manifest = """
        title: Provavtal
        parties:
          - Region
          - Kommun
        contact:
          name: Sekretariatet
          email: avtal@example.org
        documents:
          - id: avtal
            file: avtal.md
            kind: agreement
        """

    static func document(_ extra: String, shortTitle: String = "Provavtalet") -> String {
        """
        ---
        id: avtal
        kind: agreement
        title: Provavtal om samverkan
        short-title: \(shortTitle)
        \(extra)valid-from: 2027-01-01
        valid-to: 2030-12-31
        ---

        # Avtalstid {#avtalstid}

        Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030.

        """
    }

    static func corpus(_ document: String) -> InMemoryCorpus {
        InMemoryCorpus(files: ["agreement.yml": manifest, "avtal.md": document])
    }

    @Test func aGivenReferenceNameIsReadAndWrittenBackIntoTheVersionText() throws {
        let corpus = Self.corpus(Self.document("reference-name: provavtalet om samverkan\n"))
        #expect(corpus.diagnostics.isEmpty)
        let front = try #require(corpus.corpus?.documents.first?.frontMatter)
        #expect(front.referenceName == "provavtalet om samverkan")
        let loaded = try #require(corpus.corpus)
        let text = try #require(Workspace.text(of: loaded, id: "v1", history: IDHistory()))
        let written = try #require(text.documents.first?.frontMatterText)
        #expect(written.contains("short-title: Provavtalet\nreference-name: provavtalet om samverkan\nvalid-from:"))
    }

    @Test func withoutAReferenceNameTheShortTitleReadsInRunningText() throws {
        func name(_ shortTitle: String) throws -> String {
            let corpus = Self.corpus(Self.document("", shortTitle: shortTitle))
            return try #require(corpus.corpus?.documents.first?.frontMatter).referenceName
        }
        #expect(try name("Hälso- och sjukvårdsavtalet") == "hälso- och sjukvårdsavtalet")
        #expect(try name("Överenskommelse om munhälsa") == "överenskommelsen om munhälsa")
        #expect(try name("Bilaga om eskalering") == "bilagan om eskalering")
        #expect(try name("Bilaga 1") == "bilaga 1")
        #expect(try name("Avtal") == "avtalet")
        #expect(try name("VGR:s avtal") == "VGR:s avtal")
        // The snapshot of a version from before the key keeps its bytes: no line is added.
        let corpus = Self.corpus(Self.document(""))
        let loaded = try #require(corpus.corpus)
        let text = try #require(Workspace.text(of: loaded, id: "v1", history: IDHistory()))
        #expect(!(text.documents.first?.frontMatterText.contains("reference-name") ?? true))
    }

    /// How LÄSMIG and reference names put a title inside a sentence: an abbreviation keeps its capitals.
    @Test func aTitleInRunningTextKeepsItsAbbreviations() {
        #expect("Remissversion".lowercasingFirstWord == "remissversion")
        #expect("SRO:s justerade version".lowercasingFirstWord == "SRO:s justerade version")
        #expect("VGR-versionen".lowercasingFirstWord == "VGR-versionen")
        #expect("Ändrad version".lowercasingFirstWord == "ändrad version")
        #expect("".lowercasingFirstWord == "")
    }

    @Test func anEmptyReferenceNameIsAnInvalidValue() throws {
        let corpus = Self.corpus(Self.document("reference-name: \"  \"\n"))
        let problem = try #require(corpus.diagnostics.first)
        #expect(problem.code == .invalidValue)
        #expect(problem.range.start.line == 6)
        #expect(problem.summary.contains("'reference-name' is empty"))
    }

    static func patch(_ inForce: String) -> String {
        """
        id: p-avtalstid
        kind: adjustment
        title: Förlängd avtalstid
        decided-by: SRO
        decided-on: 2025-01-30
        \(inForce)reference: SRO:s protokoll den 30 januari 2025, § 4
        rationale: Avtalet förlängs.
        changes:
          - target: avtal#avtalstid
            replace: 31 december 2030
            with: 31 december 2031
        """
    }

    @Test func inForceFromIsReadAndMayNotPrecedeTheDecision() throws {
        var diagnostics: [Diagnostic] = []
        let patch = PatchReader.read(SourceFile(path: "patches/p-avtalstid.yml", text: Self.patch("in-force-from: 2027-01-01\n")),
                                     diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        #expect(patch?.inForceFrom == CalendarDate(iso: "2027-01-01"))
        let without = PatchReader.read(SourceFile(path: "patches/p-avtalstid.yml", text: Self.patch("")), diagnostics: &diagnostics)
        #expect(without != nil && without?.inForceFrom == nil)

        _ = PatchReader.read(SourceFile(path: "patches/p-avtalstid.yml", text: Self.patch("in-force-from: 2025-01-29\n")),
                             diagnostics: &diagnostics)
        let problem = try #require(diagnostics.first)
        #expect(problem.code == .invalidValue)
        #expect(problem.range.start.line == 6 && problem.range.start.column == 16)
        #expect(problem.summary == "'in-force-from' 2025-01-29 is before 'decided-on' 2025-01-30")
    }

    /// AV501 on a comment suggests deleting it: escaping would publish the hidden note as text.
    @Test func theFixForACommentDeletesIt() throws {
        let inline = Self.corpus(Self.document("") + "Text <!-- intern anteckning --> här.\n")
        let inlineProblem = try #require(inline.diagnostics.first { $0.code == .rawHTML })
        #expect(inlineProblem.fix?.replacement == "")
        #expect(inlineProblem.fix?.summary.hasPrefix("delete the comment") == true)

        let block = Self.corpus(Self.document("") + "\n<!--\nintern anteckning\n-->\n")
        let blockProblem = try #require(block.diagnostics.first { $0.code == .rawHTML })
        #expect(blockProblem.fix?.replacement == "")
        #expect(blockProblem.fix?.range.start.line == 14)

        // Other raw HTML keeps the fix that shows it as text.
        let tag = Self.corpus(Self.document("") + "Text <b>fet</b>.\n")
        #expect(tag.diagnostics.first { $0.code == .rawHTML }?.fix?.replacement == "\\<b>")
    }
}
