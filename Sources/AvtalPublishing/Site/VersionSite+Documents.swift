import AvtalCore
import AvtalMarkdown
import Foundation

extension VersionSite {
    /// A clause's or preamble's Markdown as HTML, with every reference turned into a link to its
    /// target and, when written without text, labelled "punkt 3.2" or "punkt 3.2 i <kortnamn>".
    func html(_ markdown: String, in document: EditableDocument, layout: Layout) -> String {
        html(markdown, from: document.entry, annotator: annotator(for: document), layout: layout)
    }

    func html(_ markdown: String, from entry: Manifest.Entry, annotator: TextAnnotator, layout: Layout) -> String {
        Markdown.renderHTML(markdown, rewritingLinks: { link in
            linkRewrite(link, from: entry) { layout.href(document: $0, clause: $1, from: entry.id) }
        }, annotatingText: annotator.annotate, anchoring: { id in
            labels.anchors[entry.id]?[id] == nil ? nil : layout.anchor(document: entry.id, clause: id)
        })
    }

    /// How a reference reads and where it points; `href` places the target in a page layout.
    func linkRewrite(_ link: LinkInfo, from entry: Manifest.Entry, href: (String, String?) -> String) -> LinkRewrite? {
        let resolved = labels.resolve(link.destination, from: entry)
        // One of a range or list of references: each link keeps its target, the texts read as one label.
        if let run = link.run, case let .clause(documentID, clauseID, _, title)? = resolved,
           let texts = labels.runTexts(run, from: entry) {
            return LinkRewrite(destination: href(documentID, clauseID), title: title, text: texts[run.index])
        }
        switch resolved {
        case let .clause(documentID, clauseID, label, title)?:
            return LinkRewrite(destination: href(documentID, clauseID), title: title, text: label)
        case let .document(documentID, label, title)?:
            return LinkRewrite(destination: href(documentID, nil), title: title, text: label)
        case let .external(url, label, title)?:
            return LinkRewrite(destination: url, title: title, text: label)
        case nil:
            return nil
        }
    }

    /// Markdown rendered once for both page layouts (see `LayoutHTML`), or per layout when the text
    /// itself contains the placeholder.
    func layoutHTML(_ markdown: String, in document: EditableDocument) -> LayoutHTML {
        let entry = document.entry
        guard !markdown.containsBytes(LayoutHTML.marker) else {
            return .perLayout(documentPages: html(markdown, in: document, layout: .documentPages),
                              singlePage: html(markdown, in: document, layout: .singlePage))
        }
        var targets: [(document: String, clause: String?, isAnchor: Bool)] = []
        let rendered = Markdown.renderHTML(markdown, rewritingLinks: { link in
            linkRewrite(link, from: entry) { documentID, clauseID in
                targets.append((documentID, clauseID, false))
                return LayoutHTML.marker + String(targets.count - 1)
            }
        }, annotatingText: annotator(for: document).annotate, anchoring: { id in
            guard labels.anchors[entry.id]?[id] != nil else { return nil }
            targets.append((entry.id, id, true))
            return LayoutHTML.marker + String(targets.count - 1)
        })
        return LayoutHTML(html: rendered, targets: targets, from: entry.id)
            ?? .perLayout(documentPages: html(markdown, in: document, layout: .documentPages),
                          singlePage: html(markdown, in: document, layout: .singlePage))
    }

    // MARK: Document pages

    /// A clause as the page shows it; written out by `clausesHTML` and `tocHTML`.
    struct ClauseContext {
        var anchor: String
        var tag: String
        var number: String
        /// How the permalink names the clause: "punkt 3.2", "4 §", or the heading.
        var name: String
        var headingHTML: String
        var headingText: String
        var bodyHTML: String
        var aliases: [String]
        var children: [ClauseContext]
        var hasChildren: Bool
        var cases: [CaseLink] = []
        /// The agreed-wording note (`deviationHTML`), for a working-text clause that differs from it.
        var deviationHTML = ""
        /// "Ändrad genom SRO:s beslut …" for a clause the version's patches changed.
        var decisionsHTML = ""
    }

    struct CaseLink {
        var href: String
        var title: String
        var comma: Bool
    }

    /// The clause tree as HTML. Written here rather than by a recursive partial: hundreds of clauses
    /// per page through swift-mustache's name lookups were most of the time of a site build. Every
    /// value is escaped here; headingHTML and bodyHTML come from cmark.
    static func clausesHTML(_ clauses: [ClauseContext]) -> String {
        var out = ""
        func write(_ clause: ClauseContext) {
            let e = HTML.escape
            out += "<section class=\"clause\" id=\"\(e(clause.anchor))\">\n"
            // An unnumbered clause shows no number, and its permalink is named by its heading.
            let numbered = !clause.number.isEmpty
            out += "<\(clause.tag) class=\"clause-heading\">"
            if numbered { out += "<span class=\"number\">\(e(clause.number))</span> " }
            out += "<span class=\"heading-text\">\(clause.headingHTML)</span> <a class=\"permalink\" href=\"#\(e(clause.anchor))\">#"
            out += "<span class=\"visually-hidden\"> Länk till \(e(clause.name))</span></a></\(clause.tag)>\n"
            for alias in clause.aliases { out += "<span class=\"alias-anchor\" id=\"\(e(alias))\"></span>\n" }
            out += clause.decisionsHTML
            out += clause.deviationHTML
            out += clause.bodyHTML
            if !clause.cases.isEmpty {
                out += "<p class=\"cases\">Belyses av patientfall: "
                out += clause.cases.map { "<a href=\"\(e($0.href))\">\(e($0.title))</a>" }.joined(separator: ", ")
                out += "</p>\n"
            }
            for child in clause.children { write(child) }
            out += "</section>\n"
        }
        for clause in clauses { write(clause) }
        return out
    }

    /// cmark writes a table as a bare `<table>`, and the stylesheet makes it a box that scrolls
    /// sideways, which a screen reader announces without a name: each gets a caption that says
    /// where it stands ("Tabell i punkt 5.2 Ansvar"; numbered when a text has several).
    static func captioningTables(_ html: String, in place: String) -> String {
        let tag = "<table>"
        guard html.containsBytes(tag) else { return html }
        let parts = html.components(separatedBy: tag)
        var out = parts[0]
        for (index, part) in parts.dropFirst().enumerated() {
            let name = parts.count > 2 ? "Tabell \(index + 1) i \(place)" : "Tabell i \(place)"
            out += "\(tag)\n<caption>\(HTML.escape(name))</caption>" + part
        }
        return out
    }

    /// The table of contents as nested lists.
    static func tocHTML(_ clauses: [ClauseContext]) -> String {
        var out = ""
        func write(_ clause: ClauseContext) {
            let e = HTML.escape
            let number = clause.number.isEmpty ? "" : "<span class=\"number\">\(e(clause.number))</span> "
            out += "<li><a href=\"#\(e(clause.anchor))\">\(number)\(e(clause.headingText))</a>"
            if !clause.children.isEmpty {
                out += "\n<ol>\n"
                for child in clause.children { write(child) }
                out += "</ol>\n"
            }
            out += "</li>\n"
        }
        for clause in clauses { write(clause) }
        return out
    }

    /// A document's texts as HTML, rendered once for both layouts.
    struct RenderedDocument {
        var preamble: LayoutHTML
        var headings: [String: String]
        var bodies: [String: LayoutHTML]
    }

    func rendered(_ document: EditableDocument) -> RenderedDocument {
        var headings: [String: String] = [:]
        var bodies: [String: LayoutHTML] = [:]
        let numbering = document.entry.numbering == .paragraph ? document.numbering : [:]
        document.walk { clause, path in
            // A heading that states its number ("4 §") shows it once, as the number.
            let heading = numbering[path].map { ClauseNumbering.title(clause.heading, $0) } ?? clause.heading
            headings[clause.id] = Markdown.renderInlineHTML(heading)
            bodies[clause.id] = layoutHTML(clause.body, in: document)
        }
        return RenderedDocument(preamble: layoutHTML(document.preamble, in: document), headings: headings, bodies: bodies)
    }

    func clauses(of document: EditableDocument, _ rendered: RenderedDocument, layout: Layout, baseLevel: Int) -> [ClauseContext] {
        // Old IDs stay resolvable on the page: an alias gets an empty anchor inside the clause it names now.
        var aliasesByID: [String: [String]] = [:]
        for (key, _) in text.history.aliases {
            guard let target = Target(key), target.document == document.entry.id, let old = target.clause else { continue }
            aliasesByID[text.history.resolve(document: target.document, id: old), default: []].append(old)
        }
        let info = labels.index[document.entry.id] ?? [:]
        func build(_ clause: EditableClause, _ path: [Int]) -> ClauseContext {
            let children = clause.children.enumerated().map { build($1, path + [$0]) }
            let number = info[clause.id]?.number ?? document.number(at: path)
            let name = info[clause.id].map { ReferenceLabels.clauseName($0) } ?? clause.heading
            var context = ClauseContext(
                anchor: layout.anchor(document: document.entry.id, clause: clause.id),
                tag: "h\(min(6, baseLevel + path.count - 1))",
                number: number, name: name,
                headingHTML: rendered.headings[clause.id] ?? "",
                headingText: labels.index[document.entry.id]?[clause.id]?.heading ?? clause.heading,
                bodyHTML: Self.captioningTables(rendered.bodies[clause.id]?.html(layout) ?? "",
                                                in: number.isEmpty ? clause.heading : "\(name) \(clause.heading)"),
                aliases: (aliasesByID[clause.id] ?? []).sorted().map { layout.anchor(document: document.entry.id, clause: $0) },
                children: children, hasChildren: !children.isEmpty,
                cases: (casesByClause["\(document.entry.id)#\(clause.id)"] ?? []).enumerated().map { index, patientCase in
                    let all = casesByClause["\(document.entry.id)#\(clause.id)"] ?? []
                    return CaseLink(href: "patientfall.html#\(patientCase.id)", title: patientCase.title, comma: index < all.count - 1)
                })
            context.deviationHTML = deviationsByClause["\(document.entry.id)#\(clause.id)"].map(Self.deviationHTML) ?? ""
            context.decisionsHTML = Self.decisionsHTML(decisionsByClause["\(document.entry.id)#\(clause.id)"] ?? [])
            return context
        }
        return document.clauses.enumerated().map { build($1, [$0]) }
    }

    /// A document as a page shows it: on its own page, or as a part of the page with every document.
    struct DocumentView {
        var anchor: String
        var title: String
        var kindLabel: String
        var validity: String
        var legalBasis: [String]
        var hasLegalBasis: Bool
        var preambleHTML: String
        var hasPreamble: Bool
        var tocHTML: String
        var clausesHTML: String
    }

    func view(of document: EditableDocument, _ rendered: RenderedDocument, layout: Layout, baseLevel: Int) -> DocumentView {
        let clauses = clauses(of: document, rendered, layout: layout, baseLevel: baseLevel)
        var view = outline(of: document)
        view.preambleHTML = Self.captioningTables(rendered.preamble.html(layout), in: document.frontMatter.title)
        view.tocHTML = layout == .documentPages ? Self.tocHTML(clauses) : ""
        view.clausesHTML = Self.clausesHTML(clauses)
        return view
    }

    /// A document's facts as a page shows them, without its texts.
    func outline(of document: EditableDocument) -> DocumentView {
        let front = document.frontMatter
        return DocumentView(
            anchor: document.entry.id, title: front.title, kindLabel: document.entry.label ?? Self.kindLabel(document.entry.kind, lang: document.entry.lang),
            validity: validity(front),
            legalBasis: front.legalBasis, hasLegalBasis: !front.legalBasis.isEmpty,
            preambleHTML: "", hasPreamble: !document.preamble.isEmpty, tocHTML: "", clausesHTML: "")
    }

    func renderDocument(_ document: EditableDocument, _ rendered: RenderedDocument) throws -> String {
        try builder.page("document", view(of: document, rendered, layout: .documentPages, baseLevel: 2),
                         frame: frame(title: document.frontMatter.title, current: "\(document.entry.id).html"))
    }
}
