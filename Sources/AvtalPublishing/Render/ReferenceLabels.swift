import AvtalCore
import AvtalMarkdown

/// What references in a version's text point to and how they read: "punkt 3.2" within a document,
/// "punkt 3.2 i överenskommelsen om munhälsa" across documents (the document's reference name, as
/// running text names it), that name alone for a whole document.
/// An unnumbered clause reads as its heading: "Parter", "Parter i överenskommelsen om munhälsa".
/// Numbers are the version's own, computed from its clause tree.
package struct ReferenceLabels {
    package struct ClauseInfo {
        package var number: String
        /// The heading as plain text, without a number it states ("4 §").
        package var heading: String
        package var style: NumberingStyle = .decimal
    }

    enum Resolved {
        case clause(document: String, id: String, label: String, title: String)
        case document(id: String, label: String, title: String)
        case external(url: String, label: String, title: String)
    }

    let text: VersionText
    let links: LinkContext
    /// A stycke's or list item's anchor: the clause whose text holds it, and where in that text it is.
    package struct AnchorInfo {
        package var clauseID: String
        package var position: AnchorPosition
    }

    package let index: [String: [String: ClauseInfo]]
    /// Document → anchor ID → anchor. Anchors share the namespace of clause IDs.
    package let anchors: [String: [String: AnchorInfo]]
    let external: ExternalDocuments?

    package init(text: VersionText, links: LinkContext? = nil, external: ExternalDocuments? = nil) {
        self.text = text
        self.external = external
        self.links = links ?? LinkContext(manifest: text.manifest)
        var index: [String: [String: ClauseInfo]] = [:]
        var anchors: [String: [String: AnchorInfo]] = [:]
        for document in text.documents {
            var own: [String: AnchorInfo] = [:]
            for anchor in document.anchors where own[anchor.position.id] == nil {
                own[anchor.position.id] = AnchorInfo(clauseID: anchor.clauseID, position: anchor.position)
            }
            anchors[document.entry.id] = own
            var clauses: [String: ClauseInfo] = [:]
            let style = document.entry.numbering
            let numbering = style == .decimal ? [:] : document.numbering
            let numbers = document.numbersByPath
            document.walk { clause, path in
                let numbered = numbering[path]
                let heading = numbered.map { ClauseNumbering.title(clause.heading, $0) } ?? clause.heading
                // The numbers know kept numbers and the style; the style also trims a stated number off the heading.
                clauses[clause.id] = ClauseInfo(number: numbers[path] ?? "",
                                                heading: Markdown.parse(heading).plainText, style: style)
            }
            index[document.entry.id] = clauses
        }
        self.index = index
        self.anchors = anchors
    }

    /// The target of a link written in `entry`, through aliases; nil for external links, files and
    /// targets that do not exist (the checker reports those).
    func resolve(_ destination: String, from entry: Manifest.Entry) -> Resolved? {
        guard case let .success(target) = links.target(of: destination, from: entry) else { return nil }
        switch target {
        case let .clause(documentID, clauseID):
            let resolved = text.history.resolve(document: documentID, id: clauseID)
            guard let document = text.document(documentID) else { return nil }
            let info: ClauseInfo, part: AnchorPosition?
            if let clause = index[documentID]?[resolved] {
                (info, part) = (clause, nil)
            } else if let anchor = anchors[documentID]?[resolved], let clause = index[documentID]?[anchor.clauseID] {
                (info, part) = (clause, anchor.position)
            } else {
                return nil
            }
            let name = Self.clauseName(info, lang: entry.lang) + (part.map { Self.partName($0, info, lang: entry.lang) } ?? "")
            let label = documentID == entry.id ? name : Self.label(name, in: document, lang: entry.lang)
            let titled = !info.heading.isEmpty && !(info.number.isEmpty && part == nil)
            return .clause(document: documentID, id: resolved, label: label, title: titled ? "\(label): \(info.heading)" : label)
        case let .document(documentID):
            guard let document = text.document(documentID) else { return nil }
            return .document(id: documentID, label: Self.name(of: document, lang: entry.lang), title: document.frontMatter.title)
        case let .externalDocument(id):
            guard let document = external?.document(id) else { return nil }
            return .external(url: document.url, label: document.title, title: document.description ?? document.title)
        case .file, .external:
            return nil
        }
    }

    /// "punkt 3.2", or "16 kap. 4 §" in paragraph style; "section 3.2" in English text. A clause
    /// without a number ("Parter", or any clause of a document numbered `none`) is named by its heading.
    package static func clauseName(_ info: ClauseInfo, lang: LabelLanguage = .sv) -> String {
        if info.number.isEmpty || info.style == .none { return info.heading }
        if lang == .en { return EnglishLabels.clauseName(info.number, style: info.style) }
        return info.style == .paragraph ? info.number : "punkt \(info.number)"
    }

    /// What follows the clause's name for a stycke or list item: " andra stycket", ", second paragraph".
    static func partName(_ position: AnchorPosition, _ info: ClauseInfo, lang: LabelLanguage) -> String {
        lang == .en ? EnglishLabels.part(position) : " " + SubClauseLabel.swedish(position, style: info.style)
    }

    /// A label as another document's text cites it: "punkt 5 i <kortnamn>", "punkt 5 i bilaga 1",
    /// "section 5 of <short title>". The one place that names the target document in a clause's label.
    static func label(_ name: String, in document: EditableDocument, lang: LabelLanguage = .sv) -> String {
        "\(name) \(lang == .en ? "of" : "i") \(Self.name(of: document, lang: lang))"
    }

    /// How running text names a document: its label when the manifest gives one ("bilaga 1" in lower
    /// case within a Swedish sentence, "Appendix 1" as English writes it), else its reference name
    /// in Swedish text ("överenskommelsen om munhälsa") and its short title in English.
    static func name(of document: EditableDocument, lang: LabelLanguage = .sv) -> String {
        guard let label = document.entry.label, let first = label.first else {
            return lang == .en ? document.frontMatter.shortTitle : document.frontMatter.referenceName
        }
        return lang == .en ? label : first.lowercased() + label.dropFirst()
    }

    /// `markdown` with every reference written without text replaced by its label, as plain text:
    /// how a restated clause reads in an amendment. Everything else stays as written. References to
    /// clauses of one document in a row read as one: "punkterna 9.1 och 9.2 i hälso- och sjukvårdsavtalet".
    func plainText(_ markdown: String, from entry: Manifest.Entry) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var replacements: [(line: Int, from: Int, to: Int, text: String)] = []
        let tree = Markdown.parse(markdown)
        // A range or list of references reads as one label ("punkterna 3.1–3.4"), as on the site.
        var runTexts: [ByteLocation: String] = [:]
        for (links, run) in Markdown.linkRuns(in: tree) {
            guard let texts = self.runTexts(run, from: entry) else { continue }
            for (link, text) in zip(links, texts) { if let start = link.range?.start { runTexts[start] = text } }
        }
        tree.forEachDescendant { node in
            guard node.kind == .link, node.children.isEmpty, let range = node.range, range.start.line == range.end.line,
                  let resolved = resolve(node.url ?? "", from: entry)
            else { return }
            let label: String
            switch resolved {
            case let .clause(_, _, text, _), let .document(_, text, _), let .external(_, text, _): label = text
            }
            replacements.append((range.start.line - 1, range.start.column - 1, range.end.column - 1, runTexts[range.start] ?? label))
        }
        // An anchor's `{#id}` is not text: it goes, with the blanks before it.
        for anchor in Markdown.anchors(inText: markdown) where anchor.line - 1 < lines.count {
            let line = lines[anchor.line - 1]
            let scalars = String(decoding: line, as: UTF8.self).unicodeScalars
            var from = scalars.prefix(anchor.column - 1).reduce(0) { $0 + String($1).utf8.count }
            let to = from + scalars.dropFirst(anchor.column - 1).prefix(anchor.length).reduce(0) { $0 + String($1).utf8.count }
            while from > 0, line[from - 1] == UInt8(ascii: " ") || line[from - 1] == UInt8(ascii: "\t") { from -= 1 }
            replacements.append((anchor.line - 1, from, to, ""))
        }
        // From the end of each line backwards, so that earlier columns stay valid.
        for r in replacements.sorted(by: { ($0.line, $0.from) > ($1.line, $1.from) })
        where r.line < lines.count && r.to <= lines[r.line].count {
            lines[r.line].replaceSubrange(r.from..<r.to, with: Array(r.text.utf8))
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }
}
