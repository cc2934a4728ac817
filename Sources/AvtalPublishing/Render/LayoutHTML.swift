/// A text rendered once for both page layouts of a version: on a document's own page a reference
/// points to `doc.html#clause`, on the page with every document to `#doc--clause`. Everything else
/// (labels, citations, terms) is the same, so cmark renders the text once with a placeholder in each
/// such href, and each layout fills in its own.
enum LayoutHTML {
    case shared(html: String, documentPages: [String], singlePage: [String])
    /// Rendered once per layout: the text contained the placeholder itself.
    case perLayout(documentPages: String, singlePage: String)

    static let marker = "avtal:ref:"
    private static let hrefMarker = "href=\"" + marker

    /// nil when a target's href has a character cmark would escape, or the text has a placeholder of
    /// its own: the caller then renders per layout.
    init?(html: String, targets: [(document: String, clause: String?)], from current: String) {
        let documentPages = targets.map { VersionSite.Layout.documentPages.href(document: $0.document, clause: $0.clause, from: current) }
        let singlePage = targets.map { VersionSite.Layout.singlePage.href(document: $0.document, clause: $0.clause, from: current) }
        // A link the text wrote to the placeholder itself (through an escape) would be filled in too.
        guard html.components(separatedBy: Self.hrefMarker).count == targets.count + 1,
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
            let parts = html.components(separatedBy: Self.hrefMarker)
            var out = parts[0]
            out.reserveCapacity(html.utf8.count + hrefs.count * 24)
            for part in parts.dropFirst() {
                // Each part starts with the target's index, then the closing quote of the href.
                let digits = part.prefix { $0.isASCII && $0.isNumber }
                out += "href=\""
                if let index = Int(digits), index < hrefs.count {
                    out += hrefs[index]
                    out += part.dropFirst(digits.count)
                } else {
                    out += Self.marker + part
                }
            }
            return out
        }
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
