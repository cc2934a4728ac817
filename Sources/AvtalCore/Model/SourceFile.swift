import AvtalMarkdown

/// The text of one source file with a line table, to turn byte positions into
/// (line, scalar column) positions and to quote lines in diagnostics.
public struct SourceFile: Sendable {
    /// Path relative to the corpus root, with `/` separators.
    public let path: String
    public let text: String
    private let bytes: [UInt8]
    /// Byte offset at which each line starts; line n (1-based) starts at lineStarts[n - 1].
    private let lineStarts: [Int]

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.bytes = bytes
        self.lineStarts = starts
    }

    /// Lines in the file; a final line terminator does not start another line.
    public var lineCount: Int { bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count }

    /// Line `n` (1-based) without its line terminator; empty past the end.
    public func line(_ n: Int) -> String {
        guard let range = byteRange(ofLine: n) else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func byteRange(ofLine n: Int) -> Range<Int>? {
        guard n >= 1, n <= lineStarts.count else { return nil }  // one past lineCount is the empty end
        let start = lineStarts[n - 1]
        var end = n < lineStarts.count ? lineStarts[n] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return start..<max(start, end)
    }

    /// Converts a 1-based byte column on `line` to a 1-based scalar column.
    public func location(line: Int, byteColumn: Int) -> SourceLocation {
        guard let range = byteRange(ofLine: line) else { return SourceLocation(line: line, column: byteColumn) }
        let limit = min(range.lowerBound + max(byteColumn - 1, 0), range.upperBound)
        var column = 1
        for offset in range.lowerBound..<limit where bytes[offset] & 0xC0 != 0x80 {
            column += 1
        }
        // A column past the end of the line (cmark's end of a line break) stays past it.
        return SourceLocation(line: line, column: column + max(0, range.lowerBound + byteColumn - 1 - limit))
    }

    public func range(_ byteRange: ByteRange) -> SourceRange {
        SourceRange(
            file: path,
            start: location(line: byteRange.start.line, byteColumn: byteRange.start.column),
            end: location(line: byteRange.end.line, byteColumn: byteRange.end.column)
        )
    }

    /// A range on one line, given in scalar columns.
    public func range(line: Int, column: Int, length: Int) -> SourceRange {
        SourceRange(
            file: path,
            start: SourceLocation(line: line, column: column),
            end: SourceLocation(line: line, column: column + length)
        )
    }

    /// The text in `range`, which must lie in this file.
    public func text(in range: SourceRange) -> String {
        var out = ""
        for n in range.start.line...max(range.start.line, range.end.line) {
            let scalars = Array(line(n).unicodeScalars)
            let from = n == range.start.line ? range.start.column - 1 : 0
            let to = n == range.end.line ? range.end.column - 1 : scalars.count
            let lower = min(max(from, 0), scalars.count)
            let upper = min(max(to, lower), scalars.count)
            if n != range.start.line { out += "\n" }
            out.unicodeScalars.append(contentsOf: scalars[lower..<upper])
        }
        return out
    }
}
