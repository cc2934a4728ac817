import AvtalCore
import Foundation

extension VersionSite {
    /// Documents rendered together: enough to keep every core busy, few enough that their HTML is
    /// a small part of a build's memory.
    static var batchSize: Int { max(16, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// The document pages and `alla.html`, the page with every text (37 MB at 170 times the shipped
    /// corpus). Each text is rendered once and serves both; the texts are rendered a batch at a
    /// time, each document's page is written and its part of `alla.html` appended before the next
    /// batch, so neither the texts nor the big page are ever whole in memory.
    func renderTexts(into sink: any FileSink, folder: String, batchSize: Int = VersionSite.batchSize) throws {
        let documents = text.documents
        guard let skeleton = try allPageSkeleton() else {
            // A template that does not show each text once, in order, gets the page made whole.
            let texts = Parallel.map(documents) { rendered($0) }
            for (document, html) in zip(documents, texts) {
                try sink.write("\(folder)/\(document.entry.id).html", try renderDocument(document, html))
            }
            try sink.write("\(folder)/alla.html", try renderAll(texts))
            return
        }
        try sink.write("\(folder)/alla.html") { page in
            var slot = 0
            for start in stride(from: 0, to: documents.count, by: batchSize) {
                let batch = start..<min(start + batchSize, documents.count)
                let texts = Parallel.map(Array(documents[batch])) { rendered($0) }
                for (index, html) in zip(batch, texts) {
                    let document = documents[index]
                    try sink.write("\(folder)/\(document.entry.id).html", try renderDocument(document, html))
                    let view = view(of: document, html, layout: .singlePage, baseLevel: 3)
                    while slot < skeleton.slots.count, skeleton.slots[slot].document == index {
                        try page.append(skeleton.texts[slot])
                        try page.append(skeleton.slots[slot].isPreamble ? view.preambleHTML : view.clausesHTML)
                        slot += 1
                    }
                }
            }
            try page.append(skeleton.texts[slot])
        }
    }

    struct AllPage {
        var title: String
        var parts: [DocumentView]
    }

    /// The page with every document, made whole in memory.
    func renderAll(_ rendered: [RenderedDocument]) throws -> String {
        let parts = zip(text.documents, rendered).map { view(of: $0, $1, layout: .singlePage, baseLevel: 3) }
        return try renderAll(parts: parts)
    }

    func renderAll(parts: [DocumentView]) throws -> String {
        try builder.page("alla", AllPage(title: siteTitle, parts: parts),
                         frame: frame(title: "Hela texten", current: "alla.html"))
    }

    /// `alla.html` rendered with a marker in place of each preamble and clause tree, cut at the
    /// markers; nil when the template does not show each of them exactly once, in document order.
    func allPageSkeleton() throws -> AllPageSkeleton? {
        var slots: [AllPageSkeleton.Slot] = []
        let parts = text.documents.enumerated().map { index, document in
            var view = outline(of: document)
            // An empty text renders as "" either way, so it gets no marker and is not expected.
            if view.hasPreamble {
                slots.append(.init(document: index, isPreamble: true))
                view.preambleHTML = slots.last!.marker
            }
            if !document.clauses.isEmpty {
                slots.append(.init(document: index, isPreamble: false))
                view.clausesHTML = slots.last!.marker
            }
            return view
        }
        return AllPageSkeleton(page: try renderAll(parts: parts), slots: slots)
    }
}

/// A page cut where its big texts go: `texts[0]`, slot 0, `texts[1]`, …, `texts[slots.count]`.
/// Written with the slots filled in, it has the bytes of the page rendered whole.
struct AllPageSkeleton {
    struct Slot {
        var document: Int
        var isPreamble: Bool

        /// Cannot occur in a rendered page by accident: a control character, and a "<" that an
        /// escaping template (`{{clausesHTML}}`) would turn into "&lt;", so that such a template is
        /// found out rather than given unescaped text.
        var marker: String { "\u{1}\(AllPageSkeleton.stem)\(isPreamble ? "preamble" : "clauses"):\(document)>\u{1}" }
    }

    static let stem = "<avtal-slot:"

    let texts: [String]
    let slots: [Slot]

    init?(page: String, slots: [Slot]) {
        var texts: [String] = []
        var rest = page[...]
        for slot in slots {
            guard let found = rest.firstRange(of: slot.marker) else { return nil }
            texts.append(String(rest[..<found.lowerBound]))
            rest = rest[found.upperBound...]
        }
        texts.append(String(rest))
        // A marker shown twice, or out of order, is left in a text.
        guard !texts.contains(where: { $0.contains(Self.stem) }) else { return nil }
        self.texts = texts
        self.slots = slots
    }
}
