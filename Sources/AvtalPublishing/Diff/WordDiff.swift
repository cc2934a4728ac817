/// A stretch of text that is the same in both versions, only in the new one, or only in the old one.
package struct TextRun: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case equal, inserted, deleted
    }

    package var kind: Kind
    package var text: String

    package init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Two versions of a text and their word-level difference.
package struct TextChange: Hashable, Sendable {
    package var old: String
    package var new: String
    /// Equal and deleted runs put together give `old`; equal and inserted runs give `new`.
    package var runs: [TextRun]

    package init(old: String, new: String) {
        self.old = old
        self.new = new
        runs = WordDiff.runs(from: old, to: new)
    }
}

/// Word-level differences with the standard library's `CollectionDifference`.
package enum WordDiff {
    /// Words (letters and digits), runs of spaces, line breaks and single punctuation characters:
    /// joined, the tokens give back the text exactly.
    package static func tokens(_ text: String) -> [String] {
        enum Class { case word, space, newline, other }
        var tokens: [String] = []
        var current = ""
        var currentClass: Class?
        for character in text {
            let cls: Class
            if character.isLetter || character.isNumber {
                cls = .word
            } else if character.isNewline {
                cls = .newline
            } else if character.isWhitespace {
                cls = .space
            } else {
                cls = .other
            }
            if cls == currentClass, cls == .word || cls == .space {
                current.append(character)
            } else {
                if !current.isEmpty { tokens.append(current) }
                current = String(character)
                currentClass = cls
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The runs that turn `old` into `new`. Within a changed stretch the deletion comes first; a single
    /// space between two replaced stretches joins them, so that "31 december 2030" replaced by
    /// "1 januari 2031" reads as one change rather than three.
    package static func runs(from old: String, to new: String) -> [TextRun] {
        if old == new { return old.isEmpty ? [] : [TextRun(.equal, old)] }
        // A clause only in one version: one run, without diffing (Myers on an empty side still walks
        // and validates every token).
        if old.isEmpty { return [TextRun(.inserted, new)] }
        if new.isEmpty { return [TextRun(.deleted, old)] }
        let a = tokens(old), b = tokens(new)
        var removed = [Bool](repeating: false, count: a.count), inserted = [Bool](repeating: false, count: b.count)
        // Myers costs (n + m) × d: a clause rewritten at great length (a megabyte of new text) took
        // minutes. Past `alignLimit` tokens only the common start and end are kept, and what lies
        // between them is shown deleted and inserted whole; ordinary clauses never get near it.
        let lower = a.count + b.count > alignLimit ? commonPrefix(a, b) : 0
        let upper = a.count + b.count > alignLimit ? commonSuffix(a, b, after: lower) : 0
        if a.count + b.count > alignLimit {
            for i in lower..<(a.count - upper) { removed[i] = true }
            for i in lower..<(b.count - upper) { inserted[i] = true }
        } else {
            for change in b.difference(from: a) {
                switch change {
                case let .remove(offset, _, _): removed[offset] = true
                case let .insert(offset, _, _): inserted[offset] = true
                }
            }
        }
        return runs(merging(groups(a, b, removed: removed, inserted: inserted)))
    }

    /// Above this many tokens on both sides together, a changed text is not aligned word by word.
    static let alignLimit = 40_000

    private static func commonPrefix<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        var n = 0
        while n < a.count, n < b.count, a[n] == b[n] { n += 1 }
        return n
    }

    private static func commonSuffix<T: Equatable>(_ a: [T], _ b: [T], after prefix: Int) -> Int {
        var n = 0
        while n < a.count - prefix, n < b.count - prefix, a[a.count - 1 - n] == b[b.count - 1 - n] { n += 1 }
        return n
    }

    /// Equal stretches and changed stretches (deleted text, inserted text), in order.
    private enum Group {
        case equal(String)
        case change(deleted: String, inserted: String)
    }

    /// Tokens joined into stretches; each stretch is built in place, so a long stretch costs its
    /// length, not its length squared.
    private static func groups(_ a: [String], _ b: [String], removed: [Bool], inserted: [Bool]) -> [Group] {
        var groups: [Group] = []
        var equal = "", deleted = "", added = ""
        func flushEqual() {
            if !equal.isEmpty { groups.append(.equal(equal)); equal = "" }
        }
        func flushChange() {
            if !deleted.isEmpty || !added.isEmpty { groups.append(.change(deleted: deleted, inserted: added)) }
            deleted = ""
            added = ""
        }
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed[i] {
                flushEqual(); deleted += a[i]; i += 1
            } else if j < b.count, inserted[j] {
                flushEqual(); added += b[j]; j += 1
            } else {
                flushChange(); equal += a[i]; i += 1; j += 1
            }
        }
        flushEqual()
        flushChange()
        return groups
    }

    /// Replacements separated only by spaces joined, so that "31 december 2030" replaced by
    /// "1 januari 2031" reads as one change rather than three.
    private static func merging(_ groups: [Group]) -> [Group] {
        var merged: [Group] = []
        for group in groups {
            if case let .change(d2, i2) = group, !d2.isEmpty, !i2.isEmpty, merged.count >= 2,
               case let .equal(space) = merged[merged.count - 1], space.allSatisfy({ $0 == " " }),
               case let .change(d1, i1) = merged[merged.count - 2], !d1.isEmpty, !i1.isEmpty {
                merged.removeLast(2)
                merged.append(.change(deleted: d1 + space + d2, inserted: i1 + space + i2))
            } else {
                merged.append(group)
            }
        }
        return merged
    }

    private static func runs(_ groups: [Group]) -> [TextRun] {
        var runs: [TextRun] = []
        for group in groups {
            switch group {
            case let .equal(text): runs.append(TextRun(.equal, text))
            case let .change(deleted, inserted):
                if !deleted.isEmpty { runs.append(TextRun(.deleted, deleted)) }
                if !inserted.isEmpty { runs.append(TextRun(.inserted, inserted)) }
            }
        }
        return runs
    }

    /// The runs split at line breaks: one list of runs per line, without the line breaks.
    package static func lines(_ runs: [TextRun]) -> [[TextRun]] {
        var lines: [[TextRun]] = [[]]
        for run in runs {
            let parts = run.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, part) in parts.enumerated() {
                if index > 0 { lines.append([]) }
                if !part.isEmpty { lines[lines.count - 1].append(TextRun(run.kind, String(part))) }
            }
        }
        return lines
    }
}
