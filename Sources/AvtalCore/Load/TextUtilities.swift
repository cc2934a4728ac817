// String helpers for hot paths. Foundation's NSString-backed `trimmingCharacters`, `components` and
// `range(of:options:)` dominate a profile of `avtal check` on Linux; these stay in the standard library.

extension StringProtocol where SubSequence == Substring {
    // Public for the publishing library, which reads untrusted text with the same rules.
    /// Without leading and trailing whitespace.
    public var trimmed: String {
        var s = self[...]
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
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
