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
}
