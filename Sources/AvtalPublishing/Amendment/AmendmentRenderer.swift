import AvtalCore

/// Renders an `Amendment` as Markdown (the default) or as an HTML page (`Templates/amendments.mustache`).
package struct AmendmentRenderer: Sendable {
    package enum Format: String, CaseIterable, Sendable {
        case markdown, html
    }

    package static let templateName = "amendments"
    package var templates: TemplateLibrary?

    /// `templates` is needed for HTML only.
    package init(templates: TemplateLibrary? = nil) {
        self.templates = templates
    }

    package func render(_ amendment: Amendment, format: Format) throws(TemplateError) -> String {
        switch format {
        case .markdown: Self.markdown(amendment)
        case .html: try html(amendment)
        }
    }

    // MARK: Markdown

    package static func markdown(_ amendment: Amendment) -> String {
        var paragraphs: [String] = ["# \(amendment.title)"]
        paragraphs.append([
            "- \(decision(amendment))",
            "- Referens: \(PlaceholderText.plain(amendment.reference))",
            "- Typ av ändring: \(amendment.kindLabel)",
            "- Ingår i: \(amendment.versionTitle)",
        ].joined(separator: "\n"))
        if !amendment.rationale.isEmpty {
            paragraphs.append("## Skäl")
            paragraphs.append(amendment.rationale)
        }
        for section in amendment.sections {
            paragraphs.append("## \(section.documentTitle)")
            for block in section.blocks {
                switch block {
                case let .sentence(text):
                    paragraphs.append(text)
                case let .dels(intro, items):
                    paragraphs.append(intro)
                    paragraphs += items.map { "dels att \($0)" }
                case let .restatement(number, heading, body):
                    var lines = ["**\(number) \(heading)**"]
                    if !body.isEmpty { lines += [""] + body.components(separatedBy: "\n") }
                    paragraphs.append(lines.map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n"))
                case let .idNote(number, oldID, newID):
                    paragraphs.append("*Anmärkning:* \(idNote(number)) `\(newID)` (tidigare `\(oldID)`). \(idNoteEnd)")
                }
            }
        }
        if let inForce = amendment.inForceSentence {
            paragraphs += ["## \(inForceHeading)", inForce]
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    static let inForceHeading = "Ikraftträdande"

    /// "Beslutat av SRO den 30 januari 2025".
    static func decision(_ amendment: Amendment) -> String {
        "Beslutat av \(amendment.decidedBy) \(SwedishDate.format(amendment.decidedOn))"
    }

    static func idNote(_ number: String) -> String { "Punkt \(number) har fått ett nytt permanent ID:" }
    static let idNoteEnd = "Ändringen är teknisk och påverkar inte texten."

    // MARK: HTML

    /// - Parameter frame: the site around the page; `nil` for a self-contained page, which links to
    ///   the accessibility statement at `statementHref` when there is one.
    package func html(_ amendment: Amendment, frame: PageFrame? = nil, statementHref: String? = nil) throws(TemplateError) -> String {
        guard let templates else {
            throw .missing(name: Self.templateName, path: "(no templates folder given)/\(Self.templateName).mustache")
        }
        let page = Self.page(amendment)
        return try templates.render(page, with: Self.templateName,
                                    frame: frame ?? .standalone(title: page.title, siteTitle: page.title, statementHref: statementHref))
    }

    struct Page {
        let title: String
        let kind: String
        let decision: String
        let referenceHTML: String
        let version: String
        let inForceHeading: String
        let inForce: String
        let hasInForce: Bool
        let rationale: String
        let hasRationale: Bool
        let sections: [SectionView]
    }

    struct SectionView {
        let anchor: String
        let title: String
        let blocks: [BlockView]
    }

    struct ItemView {
        let text: String
    }

    /// One block; exactly one of the `is…` flags is set. Every key exists on every block so that a
    /// template never falls through to an outer value.
    struct BlockView {
        let isSentence: Bool
        let isDels: Bool
        let isRestatement: Bool
        let isNote: Bool
        let text: String
        let items: [ItemView]
        let number: String
        let heading: String
        let body: String
        let hasBody: Bool
        let oldID: String
        let newID: String
        let noteText: String
        let noteEnd: String
    }

    static func page(_ amendment: Amendment) -> Page {
        let sections = amendment.sections.map { section in
            SectionView(anchor: section.documentID, title: section.documentTitle, blocks: section.blocks.map { block in
                var sentence = false, dels = false, restatement = false, note = false
                var text = "", items: [ItemView] = [], number = "", heading = "", body = "", oldID = "", newID = ""
                switch block {
                case let .sentence(value):
                    sentence = true; text = value
                case let .dels(intro, list):
                    dels = true; text = intro; items = list.map { ItemView(text: "dels att " + $0) }
                case let .restatement(n, h, b):
                    restatement = true; number = n; heading = h; body = b
                case let .idNote(n, old, new):
                    note = true; number = n; oldID = old; newID = new
                }
                return BlockView(isSentence: sentence, isDels: dels, isRestatement: restatement, isNote: note, text: text,
                                 items: items, number: number, heading: heading, body: body, hasBody: !body.isEmpty,
                                 oldID: oldID, newID: newID, noteText: note ? idNote(number) : "", noteEnd: idNoteEnd)
            })
        }
        return Page(title: amendment.title, kind: amendment.kindLabel, decision: decision(amendment),
                    referenceHTML: PlaceholderText.html(amendment.reference), version: amendment.versionTitle,
                    inForceHeading: inForceHeading, inForce: amendment.inForceSentence ?? "",
                    hasInForce: amendment.inForceFrom != nil, rationale: amendment.rationale,
                    hasRationale: !amendment.rationale.isEmpty, sections: sections)
    }
}
