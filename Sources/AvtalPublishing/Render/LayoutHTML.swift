/// A text rendered once for both page layouts of a version: on a document's own page a reference
/// points to `doc.html#clause`, on the page with every document to `#doc--clause`. Everything else
/// (labels, citations, terms) is the same, so cmark renders the text once with a placeholder in each
/// such href (and in the id of each anchored stycke or list item), and each layout fills in its own.
enum LayoutHTML {
    case shared(html: String, documentPages: [String], singlePage: [String])
    /// Rendered once per layout: the text contained the placeholder itself.
    case perLayout(documentPages: String, singlePage: String)

    static let marker = "avtal:ref:"
    /// After `href` or `id`.
    private static let hrefMarker = "=\"" + marker

    /// nil when a target's href has a character cmark would escape, or the text has a placeholder of
    /// its own: the caller then renders per layout.
    /// A target with `isAnchor` is an element's own id (a sub-clause anchor), not a link's href.
    init?(html: String, targets: [(document: String, clause: String?, isAnchor: Bool)], from current: String) {
        func value(_ layout: VersionSite.Layout, _ target: (document: String, clause: String?, isAnchor: Bool)) -> String {
            if target.isAnchor, let clause = target.clause { return layout.anchor(document: target.document, clause: clause) }
            return layout.href(document: target.document, clause: target.clause, from: current)
        }
        let documentPages = targets.map { value(.documentPages, $0) }
        let singlePage = targets.map { value(.singlePage, $0) }
        // A link the text wrote to the placeholder itself (through an escape) would be filled in too.
        guard Self.pieces(of: html).count == targets.count + 1,
              (documentPages + singlePage).allSatisfy(Self.needsNoEscaping) else { return nil }
        self = .shared(html: html, documentPages: documentPages, singlePage: singlePage)
    }

    func html(_ layout: VersionSite.Layout) -> String {
        switch self {
        case let .perLayout(documentPages, singlePage):
            return layout == .documentPages ? documentPages : singlePage
        case let .shared(html, documentPages, singlePage):
            let hrefs = layout == .documentPages ? documentPages : singlePage
            guard !hrefs.isEmpty else { return html }
            let parts = Self.pieces(of: html)
            var out = String(decoding: parts[0], as: UTF8.self)
            out.reserveCapacity(html.utf8.count + hrefs.count * 24)
            for part in parts.dropFirst() {
                // Each part starts with the target's index, then the closing quote of the href.
                let digits = part.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
                out += "=\""
                if let index = Int(String(decoding: digits, as: UTF8.self)), index < hrefs.count {
                    out += hrefs[index]
                    out += String(decoding: part.dropFirst(digits.count), as: UTF8.self)
                } else {
                    out += Self.marker + String(decoding: part, as: UTF8.self)
                }
            }
            return out
        }
    }

    /// `html` split at each placeholder href, on its bytes: Foundation's `components(separatedBy:)`
    /// was a third of a site build.
    private static func pieces(of html: String) -> [Substring.UTF8View] {
        let bytes = html.utf8
        let needle = Array(hrefMarker.utf8)
        var pieces: [Substring.UTF8View] = []
        var start = bytes.startIndex
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == needle[0], bytes[i...].starts(with: needle) {
                pieces.append(html[start..<i].utf8)
                i = bytes.index(i, offsetBy: needle.count)
                start = i
            } else {
                i = bytes.index(after: i)
            }
        }
        pieces.append(html[start...].utf8)
        return pieces
    }

    /// Characters that cmark's href escaping leaves as they are and that need no HTML escaping.
    private static func needsNoEscaping(_ href: String) -> Bool {
        href.utf8.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
                 UInt8(ascii: "."), UInt8(ascii: "#"), UInt8(ascii: "/"):
                true
            default:
                false
            }
        }
    }
}
