/// A request target read as a path of the site: percent-decoded once, and refused when it names
/// anything that is not a plain path below the site's root.
enum SitePath: Equatable {
    /// A file of the site, relative and "/"-separated; a folder means its `index.html`.
    case inside(String)
    /// Not a path at all: an absolute URI, bad percent-encoding, a NUL or a backslash.
    case malformed
    /// A path that leaves the site (`..`, `.`, empty segments), however it is encoded.
    case outside

    static func parse(_ target: String) -> SitePath {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return .malformed }
        guard let decoded = percentDecoded(path), !decoded.contains("\0"), !decoded.contains("\\") else {
            return .malformed
        }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments[segments.count - 1] = "index.html" }
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return .outside }
        return .inside(segments.joined(separator: "/"))
    }

    /// The path with `%XX` escapes decoded, or nil when an escape is broken or the bytes are not UTF-8.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
