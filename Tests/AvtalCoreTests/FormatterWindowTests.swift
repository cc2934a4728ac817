import Testing
@testable import AvtalCore

/// A human diagnostic on a long line shows a window of the line around the column, not all of it.
@Suite struct FormatterWindowTests {
    func render(_ text: String, line: Int = 1, column: Int, length: Int) -> [String] {
        let source = SourceFile(path: "avtal.md", text: text)
        let diagnostic = Diagnostic(.unknownClause, "Reference to unknown clause 'saknas'",
                                    at: source.range(line: line, column: column, length: length), stage: .check)
        let formatter = DiagnosticFormatter(pathPrefix: "", sources: ["avtal.md": source])
        return formatter.human([diagnostic], summary: nil, color: false).components(separatedBy: "\n")
    }

    /// The scalars of the shown line from the caret on, as many as there are carets.
    func underCarets(_ lines: [String]) -> String {
        let shown = Array(lines[2].unicodeScalars.dropFirst(4))  // "1 | "
        let caretLine = Array(lines[3].unicodeScalars.dropFirst(4))
        let start = caretLine.firstIndex(of: "^") ?? 0
        let count = caretLine.count - start
        return String(String.UnicodeScalarView(shown[start..<min(start + count, shown.count)]))
    }

    @Test func aLongLineIsCutAroundTheColumnWithTheCaretOnTheProblem() {
        // Multi-byte letters before and after: columns count scalars, not bytes.
        let filler = String(repeating: "åäö ", count: 3000)
        let text = filler + "[](#saknas)" + filler + "\n"
        let lines = render(text, column: 12_001, length: 11)
        #expect(lines[2].hasPrefix("1 | …"))
        #expect(lines[2].hasSuffix("…"))
        #expect(lines[2].unicodeScalars.count <= 4 + 2 + DiagnosticFormatter.windowWidth)
        #expect(underCarets(lines) == "[](#saknas)")
    }

    @Test func theStartOfALongLineIsCutOnlyAtTheEnd() {
        let text = "[](#saknas) " + String(repeating: "ord ", count: 1000)
        let lines = render(text, column: 1, length: 11)
        #expect(lines[2].hasPrefix("1 | [](#saknas) ord"))
        #expect(lines[2].hasSuffix("…"))
        #expect(underCarets(lines) == "[](#saknas)")
    }

    @Test func theEndOfALongLineIsCutOnlyAtTheStart() {
        let text = String(repeating: "ord ", count: 1000) + "[](#saknas)"
        let lines = render(text, column: 4001, length: 11)
        #expect(lines[2].hasPrefix("1 | …"))
        #expect(lines[2].hasSuffix("[](#saknas)"))
        #expect(underCarets(lines) == "[](#saknas)")
    }

    @Test func aShortLineIsShownWhole() {
        let text = "Se [](#saknas) här.\n"
        let lines = render(text, column: 4, length: 11)
        #expect(lines[2] == "1 | Se [](#saknas) här.")
        #expect(lines[3] == "  |    ^^^^^^^^^^^")
    }

    /// A combining accent takes no column and a wide character two, as a terminal shows them.
    @Test func caretsCountColumnsAsDisplayed() {
        let lines = render("Cafe\u{301} 日本 [](#saknas)\n", column: 10, length: 11)
        #expect(lines[3] == "  |" + String(repeating: " ", count: 11) + String(repeating: "^", count: 11))
    }

    /// 4,000 problems on one 24 KB line print a window each, not the line each time.
    @Test func manyProblemsOnALongLineStaySmall() {
        let link = "[](#saknas) "
        let source = SourceFile(path: "avtal.md", text: String(repeating: link, count: 2000) + "\n")
        let diagnostics = (0..<2000).map {
            Diagnostic(.unknownClause, "Reference to unknown clause 'saknas'",
                       at: source.range(line: 1, column: 1 + $0 * 12, length: 11), stage: .check)
        }
        let formatter = DiagnosticFormatter(pathPrefix: "", sources: ["avtal.md": source])
        let output = formatter.human(diagnostics + diagnostics, summary: nil, color: false)
        #expect(output.utf8.count < 4000 * 500)
    }
}
