/// Short, readable differences for guard failures: the words that differ, with a little context.
enum TextComparison {
    static func quote(_ text: String, limit: Int = 160) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: "⏎")
        return "“" + (flat.count > limit ? String(flat.prefix(limit)) + "…" : flat) + "”"
    }

    static func notes(expected: String, found: String, labels: (String, String) = ("expected", "found")) -> [DiagnosticNote] {
        let a = words(expected), b = words(found)
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        func excerpt(_ w: [String]) -> String {
            let start = max(0, prefix - 4), end = min(w.count, w.count - suffix + 4)
            let middle = w[prefix..<(w.count - suffix)].joined(separator: " ")
            let before = w[start..<prefix].joined(separator: " ")
            let after = w[(w.count - suffix)..<end].joined(separator: " ")
            var out = start > 0 ? "… " : ""
            out += [before, "[\(middle)]", after].filter { !$0.isEmpty }.joined(separator: " ")
            if end < w.count { out += " …" }
            return out
        }
        // The two labels padded to one width, so that the excerpts line up.
        let width = max(labels.0.count, labels.1.count) + 1
        func label(_ text: String) -> String { (text + ":").padding(toLength: width + 1, withPad: " ", startingAt: 0) }
        return [DiagnosticNote(label(labels.0) + excerpt(a)), DiagnosticNote(label(labels.1) + excerpt(b))]
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
    }
}
