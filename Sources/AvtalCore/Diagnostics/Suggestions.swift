import Foundation

/// "Did you mean" proposals and clause IDs derived from heading text.
public enum Suggestions {
    /// Candidates close to `word`, nearest first. A candidate qualifies when its edit distance is at
    /// most a third of the word's length (at least 2), or when one contains the other.
    public static func nearest(to word: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let needle = Array(word.lowercased().unicodeScalars)
        let threshold = max(2, needle.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates where candidate != word {
            let lowered = candidate.lowercased()
            var distance = editDistance(needle, Array(lowered.unicodeScalars), limit: threshold + 1)
            if distance > threshold, needle.count >= 4, lowered.contains(word.lowercased()) || word.lowercased().contains(lowered) {
                distance = threshold
            }
            if distance <= threshold { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
            .prefix(limit).map(\.candidate)
    }

    /// Levenshtein distance, giving up (returning `limit`) once every path costs at least `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if abs(a.count - b.count) >= limit { return limit }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum >= limit { return limit }
            swap(&previous, &current)
        }
        return min(a.isEmpty ? b.count : previous[b.count], limit)
    }

    /// An ID for a heading: lower case, å and ä → a, ö → o (every other diacritic dropped),
    /// runs of anything else → one dash.
    public static func clauseID(fromHeading heading: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in heading.lowercased().decomposedScalars {
            let ascii: String
            switch scalar {
            case "a"..."z", "0"..."9": ascii = String(scalar)
            case "æ": ascii = "ae"
            case "ø": ascii = "o"
            case "ß": ascii = "ss"
            case "\u{0300}"..."\u{036F}": continue // combining marks left by decomposition
            default:
                pendingDash = true
                continue
            }
            if pendingDash, !out.isEmpty { out += "-" }
            pendingDash = false
            out += ascii
        }
        return out.isEmpty ? "punkt" : out
    }

    /// a-z, 0-9 and single hyphens inside. One pass over the bytes: every comment of every response is
    /// checked, and the scalar ranges and substring search showed in a profile of 2 000 responses.
    public static func isValidID(_ id: String) -> Bool {
        var previous: UInt8 = 0
        var count = 0
        for byte in id.utf8 {
            let hyphen = byte == UInt8(ascii: "-")
            guard (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || hyphen,
                  !(hyphen && (count == 0 || previous == UInt8(ascii: "-")))
            else { return false }
            previous = byte
            count += 1
        }
        return count > 0 && previous != UInt8(ascii: "-")
    }
}

extension String {
    /// Canonical decomposition (NFD), so that "å" becomes "a" followed by a combining ring.
    var decomposedScalars: String.UnicodeScalarView {
        decomposedStringWithCanonicalMapping.unicodeScalars
    }
}
