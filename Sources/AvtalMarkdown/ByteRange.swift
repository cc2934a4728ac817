/// A position in UTF-8 source text: 1-based line, 1-based byte column.
public struct ByteLocation: Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: ByteLocation, b: ByteLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A half-open range of UTF-8 source text. cmark reports inclusive end columns;
/// they are converted here, once, so that nothing downstream has to remember it.
public struct ByteRange: Hashable, Sendable {
    public var start: ByteLocation
    public var end: ByteLocation

    public init(start: ByteLocation, end: ByteLocation) {
        self.start = start
        self.end = end
    }
}
