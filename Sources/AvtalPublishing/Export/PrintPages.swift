import Foundation

/// What a printed page carries beyond the site's print stylesheet: a running header with the
/// document and the version, "Sida 3 av 12" at the foot (CSS page margin boxes, which Chromium
/// prints), and PDF dates from the version instead of the clock.
package enum PrintPages {
    /// `html` with a style block that sets the page's header; nil when the page has no `</head>`. A
    /// link to another page of the site becomes plain text: printed from a private folder, it would
    /// point into that folder (a path that no reader has, and that differs from run to run).
    package static func withRunningHeader(_ html: String, document: String, version: String) -> String? {
        let html = html.replacing(/<a ([^>]*?)href="(?!#|https?:)[^"]*"/) { "<a \($0.output.1)" }
        guard let head = html.range(of: "</head>") else { return nil }
        let style = """
            <style>@page { @top-left { content: \(cssString(document)); font-size: 8pt; } \
            @top-right { content: \(cssString(version)); font-size: 8pt; } \
            @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-size: 8pt; } }</style>

            """
        return html.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: style)
    }

    /// A quoted CSS string that no text can end early: quotes, backslashes, line breaks and "<" (which
    /// could close the style element) are written as escapes.
    static func cssString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\", "<", ">", "&": out += "\\" + String(scalar.value, radix: 16) + " "
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\" + String(scalar.value, radix: 16) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Chromium writes the clock into /CreationDate and /ModDate; each is replaced by `epoch`, written
    /// in the same number of bytes, so the cross-reference offsets stay right and two prints are equal.
    package static func fixingDates(_ pdf: Data, epoch: Int) -> Data {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        func two(_ n: Int?) -> String { String(format: "%02d", n ?? 0) }
        let stamp = String(format: "D:%04d", c.year ?? 1980) + two(c.month) + two(c.day) + two(c.hour) + two(c.minute) + two(c.second) + "+00'00'"
        var bytes = [UInt8](pdf)
        for key in ["/CreationDate (", "/ModDate ("] {
            let pattern = [UInt8](key.utf8)
            var index = 0
            while let found = find(pattern, in: bytes, from: index) {
                let start = found + pattern.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: ")")) else { break }
                if end - start == stamp.utf8.count { bytes.replaceSubrange(start..<end, with: Array(stamp.utf8)) }
                index = end
            }
        }
        return Data(bytes)
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count, start <= bytes.count - pattern.count else { return nil }
        var i = start
        while i <= bytes.count - pattern.count {
            if bytes[i] == pattern[0], Array(bytes[i..<(i + pattern.count)]) == pattern { return i }
            i += 1
        }
        return nil
    }
}
