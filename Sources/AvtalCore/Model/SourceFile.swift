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
    /// UTF-8 continuation bytes before each multiple of `checkpoint` bytes. A column is then found
    /// by scanning at most `checkpoint` bytes, not the line up to it: a line with thousands of links
    /// would otherwise cost its whole length for each link, quadratic in the line.
    private let continuationsBefore: [Int]
    private static let checkpoint = 256

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        var continuations: [Int] = []
        var count = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % Self.checkpoint == 0 { continuations.append(count) }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            if byte & 0xC0 == 0x80 { count += 1 }
        }
        if bytes.count % Self.checkpoint == 0 { continuations.append(count) }
        self.bytes = bytes
        self.lineStarts = starts
        self.continuationsBefore = continuations
    }

    /// UTF-8 continuation bytes in `bytes[..<offset]`.
    private func continuations(before offset: Int) -> Int {
        let checkpoint = offset / Self.checkpoint
        var count = continuationsBefore[checkpoint]
        for index in (checkpoint * Self.checkpoint)..<offset where bytes[index] & 0xC0 == 0x80 { count += 1 }
        return count
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
        // One column per scalar: every byte but the continuation bytes starts one.
        let column = 1 + (limit - range.lowerBound) - (continuations(before: limit) - continuations(before: range.lowerBound))
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
