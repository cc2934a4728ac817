import Testing
@testable import AvtalCore

/// Columns count Unicode scalars, found from checkpoints rather than by scanning the line, so that a
/// line with many links costs its length once, not once per link (issue 11, linear time).
@Suite struct SourceFileTests {
    @Test func columnsCountScalarsAcrossCheckpointsOnALongLine() {
        // 'å' and '§' take two bytes, '€' three: scalars and bytes drift apart across many checkpoints.
        let line = String(repeating: "Vårdplan § 3 € ", count: 200)
        let source = SourceFile(path: "avtal.md", text: "# Rubrik\n" + line + "\nslut")
        var scalars = 0
        var byteColumn = 1
        for scalar in line.unicodeScalars {
            #expect(source.location(line: 2, byteColumn: byteColumn) == SourceLocation(line: 2, column: scalars + 1))
            scalars += 1
            byteColumn += String(scalar).utf8.count
        }
        #expect(source.location(line: 2, byteColumn: byteColumn) == SourceLocation(line: 2, column: scalars + 1))
        #expect(source.location(line: 3, byteColumn: 5) == SourceLocation(line: 3, column: 5))
        #expect(source.location(line: 3, byteColumn: 7) == SourceLocation(line: 3, column: 7), "past the end stays past it")
    }

    @Test func aLineOfAHundredThousandLinksIsReadWithEveryLinkInPlace() {
        let links = String(repeating: "www.a.se ", count: 100_000)
        let document = """
            ---
            id: avtal
            kind: agreement
            title: Provavtal
            short-title: Avtalet
            valid-from: 2027-01-01
            valid-to: 2030-12-31
            ---

            # Inledning {#inledning}

            Länkar: \(links)

            """
        let manifest = "title: Provavtal\nparties: [Region]\ndocuments:\n  - id: avtal\n    file: avtal.md\n    kind: agreement\n"
        let corpus = InMemoryCorpus(files: ["agreement.yml": manifest, "avtal.md": document])
        #expect(corpus.diagnostics.isEmpty)
        let references = corpus.corpus?.documents.first?.references ?? []
        #expect(references.count == 100_000)
        // Each link starts 9 scalars after the one before it, on the line after "Länkar: " (two-byte 'ä').
        let first = references.first?.range.start, last = references.last?.range.start
        #expect(first?.line == 12 && last?.line == 12)
        #expect((last?.column ?? 0) - (first?.column ?? 0) == 99_999 * 9)
    }
}
