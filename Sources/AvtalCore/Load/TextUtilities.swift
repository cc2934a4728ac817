// String helpers for hot paths. Foundation's NSString-backed `trimmingCharacters`, `components` and
// `range(of:options:)` dominate a profile of `avtal check` on Linux; these stay in the standard library.

extension StringProtocol where SubSequence == Substring {
    // Public for the publishing library, which reads untrusted text with the same rules.
    /// Without leading and trailing whitespace.
    public var trimmed: String {
        // On scalars, not Characters: grapheme breaking made trimming a heading cost thousands of
        // instructions, and a whitespace scalar never starts a grapheme that is not whitespace in text.
        let scalars = self[...].unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTrimmedSpace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isTrimmedSpace })!
        return String(scalars[first...last])
    }

    /// Lines split at "\n", empty lines kept.
    public var lines: [Substring] { split(separator: "\n", omittingEmptySubsequences: false) }
}

extension String {
    /// The last occurrence of `needle`, compared byte for byte.
    func lastRange(of needle: String) -> Range<Index>? {
        let hay = Array(utf8), n = Array(needle.utf8)
        guard !n.isEmpty, n.count <= hay.count else { return nil }
        var i = hay.count - n.count
        while i >= 0 {
            if hay[i] == n[0], hay[i..<(i + n.count)].elementsEqual(n) {
                let lower = utf8.index(startIndex, offsetBy: i)
                return lower..<utf8.index(lower, offsetBy: n.count)
            }
            i -= 1
        }
        return nil
    }
}

extension String {
    /// Whether `needle` occurs, compared byte for byte. `contains(_: String)` goes through NSString on
    /// Linux and was a tenth of a site build when asked once per clause.
    public func containsBytes(_ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        let hay = utf8
        guard hay.count >= n.count else { return false }
        var i = hay.startIndex
        let last = hay.index(hay.endIndex, offsetBy: -n.count)
        while i <= last {
            if hay[i] == first, hay[i...].starts(with: n) { return true }
            i = hay.index(after: i)
        }
        return false
    }
}

extension Unicode.Scalar {
    /// Whitespace as `Character.isWhitespace` has it, with ASCII answered without a property lookup.
    var isTrimmedSpace: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}
