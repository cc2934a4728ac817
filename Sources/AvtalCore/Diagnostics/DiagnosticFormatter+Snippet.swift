/// The source line under a human diagnostic: a window of it around the column, with carets.
extension DiagnosticFormatter {
    /// At most this many scalars of the line are shown: a long line (minified, or thousands of links)
    /// must not be repeated whole under each of its diagnostics.
    static let windowWidth = 160
    /// How many scalars before the column a cut line keeps, so that what leads up to it shows.
    static let windowLead = 60

    /// The range's first line, cut to a window around its start, with a caret line under it, as
    /// swiftc and rustc print them. `…` marks a cut end.
    func snippet(_ range: SourceRange, style: Style) -> String {
        guard let source = sources[range.file], range.start.line <= source.lineCount else { return "" }
        let n = range.start.line
        let length = source.scalarCount(ofLine: n)
        let start = min(max(range.start.column - 1, 0), length)
        let end = range.end.line == n ? min(max(range.end.column - 1, start), length) : length
        var window = Self.window(around: start, length: length)
        // Only the window is read from the line, so each diagnostic costs the window, not the line.
        var text = Array(source.text(in: SourceRange(
            file: range.file, start: .init(line: n, column: window.lowerBound + 1),
            end: .init(line: n, column: window.upperBound + 1))).unicodeScalars)
        // A combining mark cut from its base would sit on the `…`: the window starts after it.
        while window.lowerBound > 0, window.lowerBound < start, let first = text.first, Self.width(first) == 0 {
            text.removeFirst()
            window = (window.lowerBound + 1)..<window.upperBound
        }
        func width(_ from: Int, _ to: Int) -> Int {
            text[(from - window.lowerBound)..<(to - window.lowerBound)].reduce(0) { $0 + Self.width($1) }
        }
        let cutBefore = window.lowerBound > 0, cutAfter = window.upperBound < length
        var shown = cutBefore ? "…" : ""
        // Other control characters are shown escaped, so a source line cannot act on the terminal.
        for scalar in text {
            shown += scalar == "\t" ? "    " : scalar.isActiveOnTerminal ? scalar.escapedForTerminal : String(scalar)
        }
        if cutAfter { shown += "…" }
        let indent = (cutBefore ? 1 : 0) + width(window.lowerBound, start)
        let carets = String(repeating: "^", count: max(1, width(start, min(end, window.upperBound))))
        let gutter = String(n)
        let pad = String(repeating: " ", count: gutter.count)
        var out = style.paint("\(pad) |", "1;34") + "\n"
        out += style.paint("\(gutter) |", "1;34") + " \(shown)\n"
        out += style.paint("\(pad) |", "1;34") + " " + String(repeating: " ", count: indent)
        out += style.paint(carets, "1;31") + "\n"
        return out
    }

    /// The scalars of a line of `length` shown for a diagnostic at `start` (0-based).
    static func window(around start: Int, length: Int) -> Range<Int> {
        guard length > windowWidth else { return 0..<length }
        let upper = min(length, max(start - windowLead, 0) + windowWidth)
        return (upper - windowWidth)..<upper
    }

    /// Terminal columns a scalar takes: tabs are shown as four spaces, other control characters as
    /// their escape, combining marks and format characters take none, wide East Asian characters and emoji take two.
    static func width(_ scalar: Unicode.Scalar) -> Int {
        if scalar == "\t" { return 4 }
        if scalar.isActiveOnTerminal { return scalar.escapedForTerminal.unicodeScalars.count }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
