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
    /// Scalars that start before byte offset k × `blockSize`, for each k: with it, a byte column
    /// becomes a scalar column in a bounded number of steps however long the line, so that
    /// positions on one long line cost linear time in total, not quadratic.
    private let scalarsBeforeBlock: [Int]
    private static let blockSize = 64

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        let bytes = Array(text.utf8)
        var starts = [0]
        var blocks: [Int] = []
        blocks.reserveCapacity(bytes.count / Self.blockSize + 1)
        var scalars = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % Self.blockSize == 0 { blocks.append(scalars) }
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        if bytes.count % Self.blockSize == 0 { blocks.append(scalars) }
        self.bytes = bytes
        self.lineStarts = starts
        self.scalarsBeforeBlock = blocks
    }

    /// How many scalars start before byte `offset` (at most the file's length).
    private func scalars(before offset: Int) -> Int {
        let block = offset / Self.blockSize
        var count = scalarsBeforeBlock[block]
        for i in (block * Self.blockSize)..<offset where bytes[i] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Lines in the file; a final line terminator does not start another line.
    public var lineCount: Int { bytes.last == UInt8(ascii: "\n") ? lineStarts.count - 1 : lineStarts.count }

    /// How many scalars line `n` has, without its line terminator; 0 past the end.
    public func scalarCount(ofLine n: Int) -> Int {
        guard let range = byteRange(ofLine: n) else { return 0 }
        return scalars(before: range.upperBound) - scalars(before: range.lowerBound)
    }

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
        let column = 1 + scalars(before: limit) - scalars(before: range.lowerBound)
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

    /// The text in `range`, which must lie in this file. Costs the length of the text, not of its lines.
    public func text(in range: SourceRange) -> String {
        guard let first = byteRange(ofLine: range.start.line) else { return "" }
        let lastLine = max(range.start.line, range.end.line)
        let from = byteOffset(column: range.start.column, in: first)
        let to: Int
        if let last = byteRange(ofLine: lastLine) {
            to = lastLine == range.end.line ? byteOffset(column: range.end.column, in: last) : last.upperBound
        } else {
            to = bytes.count
        }
        guard from < to else { return "" }
        // Line terminators inside the range are written as "\n", as `line(_:)` gives the lines.
        return String(decoding: bytes[from..<to], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The byte offset of 1-based scalar `column` on the line at `line`, clamped to the line.
    private func byteOffset(column: Int, in line: Range<Int>) -> Int {
        let wanted = scalars(before: line.lowerBound) + max(column - 1, 0)
        // The last block that starts at or before the wanted scalar, then at most one block of steps.
        var low = line.lowerBound / Self.blockSize, high = scalarsBeforeBlock.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if scalarsBeforeBlock[middle] <= wanted { low = middle } else { high = middle - 1 }
        }
        var offset = max(low * Self.blockSize, line.lowerBound)
        var count = scalars(before: offset)
        while offset < line.upperBound {
            if bytes[offset] & 0xC0 != 0x80 {
                if count == wanted { return offset }
                count += 1
            }
            offset += 1
        }
        return line.upperBound
    }
}
