import AvtalCore
import AvtalMarkdown
import Foundation
import Mustache

/// The render stage: the HTML site of the working text and of every version, from values only.
public struct SiteBuilder {
    public let workspace: Workspace
    public let templates: TemplateLibrary
    let library: MustacheLibrary
    let termIndex: (index: PhraseIndex, termOfForm: [Int])?

    /// Version diffs a caller already has (the remiss package needs the same one), by version ID.
    let diffs: [String: VersionDiff]

    public init(workspace: Workspace, templates: TemplateLibrary, diffs: [String: VersionDiff] = [:]) throws(TemplateError) {
        self.workspace = workspace
        self.diffs = diffs
        self.templates = try templates.preloaded()
        library = try self.templates.library()
        termIndex = workspace.context.glossary?.termIndex
    }

    /// The site's folder names for versions: `working` keeps its name.
    public var versionIDs: [String] {
        [VersionsFile.working] + workspace.versions.map(\.id).filter { workspace.texts[$0] != nil }
    }

    /// Every file of the site, by path relative to the site folder, rendered in memory. Nothing is
    /// written here: `SiteWriter` puts the files in place only when all of them rendered.
    public func render(only: String? = nil) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let versions = only.map { [$0] } ?? versionIDs
        for id in versions {
            guard let text = workspace.texts[id] else { continue }
            for (path, html) in try VersionSite(builder: self, id: id, text: text).render() {
                files["\(id)/\(path)"] = Data(html.utf8)
            }
        }
        files["index.html"] = Data(try renderIndex(versions: versions).utf8)
        files["tillganglighet.html"] = Data(try renderAccessibilityStatement().utf8)
        files["style.css"] = try templates.asset(named: "style.css")
        return files
    }

    func page(_ template: String, _ content: Any, frame: PageFrame) throws -> String {
        try templates.render(content, with: template, frame: frame, library: library)
    }

    /// The frame of a page at the site's root.
    func rootFrame(title: String, current: String) -> PageFrame {
        PageFrame(pageTitle: title, siteTitle: siteTitle, root: "",
                  nav: [.init(href: "index.html", label: "Versioner", current: current == "index.html"),
                        .init(href: "tillganglighet.html", label: "Tillgänglighet", current: current == "tillganglighet.html")],
                  footer: footer)
    }

    var siteTitle: String { workspace.working?.manifest.title ?? "Avtal" }

    var footer: String {
        let manifest = workspace.working?.manifest
        let parties = manifest.map { Swedish.list($0.parties) } ?? ""
        return parties.isEmpty ? siteTitle : "Parter: \(parties)."
    }

    struct IndexPage {
        var siteTitle: String
        var versions: [VersionEntry]
    }

    struct VersionEntry {
        var href: String
        var title: String
        var status: String
        var id: String
    }

    func renderIndex(versions: [String]) throws -> String {
        let entries = versions.map { id in
            VersionEntry(href: "\(id)/index.html", title: versionTitle(id), status: versionStatus(id), id: id)
        }
        return try page("index", IndexPage(siteTitle: siteTitle, versions: entries),
                        frame: rootFrame(title: siteTitle, current: "index.html"))
    }

    struct StatementPage {
        var publisher: String
        var contactName: String
        var contactEmail: String
        var hasContactEmail: Bool
        var assessedOn: String
    }

    func renderAccessibilityStatement() throws -> String {
        let manifest = workspace.working?.manifest
        // The date of the newest decision or publication, never the clock: same input, same bytes.
        let dates = workspace.versions.compactMap(\.publishedOn) + workspace.patches.values.map(\.decidedOn)
        let assessed = dates.max().map(SwedishDate.format) ?? ""
        return try page("tillganglighet", StatementPage(
            publisher: manifest?.publisher ?? Swedish.list(manifest?.parties ?? []),
            contactName: manifest?.contact?.name ?? "", contactEmail: manifest?.contact?.email ?? "",
            hasContactEmail: manifest?.contact?.email != nil, assessedOn: assessed),
            frame: rootFrame(title: "Tillgänglighetsredogörelse – \(siteTitle)", current: "tillganglighet.html"))
    }

    func versionTitle(_ id: String) -> String {
        if id == VersionsFile.working { return "Arbetsversion" }
        return workspace.versions.first { $0.id == id }?.title ?? id
    }

    func versionStatus(_ id: String) -> String {
        guard let version = workspace.versions.first(where: { $0.id == id }) else {
            return "arbetstext, ej beslutad"
        }
        switch version.status {
        case .published: return version.publishedOn.map { "publicerad \(SwedishDate.format($0))" } ?? "publicerad"
        case .draft: return "utkast"
        }
    }
}

/// The pages of one version.
struct VersionSite {
    let builder: SiteBuilder
    let id: String
    let text: VersionText
    let labels: ReferenceLabels

    init(builder: SiteBuilder, id: String, text: VersionText) {
        self.builder = builder
        self.id = id
        self.text = text
        labels = ReferenceLabels(text: text, links: builder.workspace.corpora[id].map(LinkContext.init),
                                 external: builder.workspace.context.externalDocuments)
        var cases: [String: [PatientCase]] = [:]
        for patientCase in builder.workspace.context.patientCases {
            for (target, _) in patientCase.illustrates {
                guard let clause = target.clause else { continue }
                let resolved = text.history.resolve(document: target.document, id: clause)
                cases["\(target.document)#\(resolved)", default: []].append(patientCase)
            }
        }
        casesByClause = cases
        let hasGlossary = builder.workspace.context.glossary.map { !$0.terms.isEmpty } ?? false
        navItems = Self.nav(of: text, version: builder.workspace.versions.first { $0.id == id },
                            hasGlossary: hasGlossary, hasCases: !builder.workspace.context.patientCases.isEmpty)
        navFragment = NavFragment(navItems, library: builder.library)
    }

    /// The navigation every page of the version shows, rendered once.
    let navItems: [PageFrame.NavItem]
    let navFragment: NavFragment

    /// Patient cases by the clause ("document#clause") they illustrate.
    let casesByClause: [String: [PatientCase]]

    var hasGlossary: Bool { builder.workspace.context.glossary.map { !$0.terms.isEmpty } ?? false }
    var hasCases: Bool { !builder.workspace.context.patientCases.isEmpty }

    func annotator(for document: EditableDocument?) -> TextAnnotator {
        let validFrom = document?.frontMatter.validFrom
            ?? text.documents.first { $0.entry.kind == .agreement }?.frontMatter.validFrom
        // Registries and settings come from the working corpus: a snapshot carries only its texts.
        return TextAnnotator(recognizer: builder.workspace.context.citations, statuteURL: builder.workspace.working?.manifest.statuteURL,
                             glossary: builder.workspace.context.glossary, terms: builder.termIndex, validFrom: validFrom,
                             glossaryPage: "begrepp.html")
    }

    /// Where anchors live: one page per document, or everything on one page.
    enum Layout {
        case documentPages
        case singlePage

        func href(document: String, clause: String?, from current: String) -> String {
            switch self {
            case .documentPages:
                let page = document == current ? "" : "\(document).html"
                return clause.map { "\(page)#\($0)" } ?? (page.isEmpty ? "#" : page)
            case .singlePage:
                return "#" + (clause.map { "\(document)--\($0)" } ?? document)
            }
        }

        func anchor(document: String, clause: String) -> String {
            self == .singlePage ? "\(document)--\(clause)" : clause
        }
    }

    var version: Version? { builder.workspace.versions.first { $0.id == id } }

    /// The version's changes against its base, for the start page and the redline.
    var diff: VersionDiff? {
        builder.diffs[id] ?? VersionDiff.ofVersion(id, in: builder.workspace)
    }

    func render() throws -> [(String, String)] {
        var pages: [(String, String)] = []
        let diff = diff
        pages.append(("index.html", try renderStart(diff)))
        for document in text.documents {
            pages.append(("\(document.entry.id).html", try renderDocument(document)))
        }
        pages.append(("alla.html", try renderAll()))
        if hasGlossary { pages.append(("begrepp.html", try renderGlossary())) }
        if hasCases { pages.append(("patientfall.html", try renderCases())) }
        if let diff, let version {
            let html = try RedlineRenderer(templates: builder.templates).render(
                diff, fromTitle: builder.versionTitle(version.base), toTitle: builder.versionTitle(id),
                frame: frame(title: "Ändringar", current: "andringar.html"))
            pages.append(("andringar.html", html))
            for patchID in version.patches {
                guard let patch = builder.workspace.patches[patchID] else { continue }
                // A published version's patches were made on the working text of their day; when that
                // has moved on they may no longer apply. The site still builds, and says so.
                let amendment = (try? Amendment.build(patchID: patchID, in: builder.workspace, version: id))
                    ?? Amendment.factsOnly(patch, version: id)
                let html = try AmendmentRenderer(templates: builder.templates).html(
                    amendment, frame: frame(title: amendment.title, current: "beslut-\(patchID).html"))
                pages.append(("beslut-\(patchID).html", html))
            }
        }
        return pages
    }

    // MARK: Shared page parts

    func frame(title: String, current: String) -> PageFrame {
        PageFrame(pageTitle: "\(title) – \(builder.versionTitle(id))", siteTitle: builder.siteTitle, root: "../",
                  versionTitle: builder.versionTitle(id), versionStatus: builder.versionStatus(id),
                  nav: navItems, navItemsHTML: navFragment.html(current: current), footer: builder.footer)
    }

    /// The version's navigation with no page marked; `NavFragment` marks the current one per page.
    static func nav(of text: VersionText, version: Version?, hasGlossary: Bool, hasCases: Bool) -> [PageFrame.NavItem] {
        func item(_ href: String, _ label: String) -> PageFrame.NavItem { .init(href: href, label: label, current: false) }
        var items = [item("index.html", "Översikt")]
        items += text.documents.map { item("\($0.entry.id).html", $0.frontMatter.shortTitle) }
        items.append(item("alla.html", "Hela texten"))
        if hasGlossary { items.append(item("begrepp.html", "Begrepp")) }
        if hasCases { items.append(item("patientfall.html", "Patientfall")) }
        if version != nil { items.append(item("andringar.html", "Ändringar")) }
        items.append(.init(href: "../index.html", label: "Alla versioner", current: false))
        return items
    }

    // MARK: Text

    func validity(_ front: FrontMatter) -> String { Self.validityText(front) }

    static func validityText(_ front: FrontMatter) -> String {
        switch front.validity {
        case let .until(end): "Från och med \(SwedishDate.format(front.validFrom)) till och med \(SwedishDate.format(end))"
        case .untilFurtherNotice: "Från och med \(SwedishDate.format(front.validFrom)) och tills vidare"
        }
    }

    static func kindLabel(_ kind: DocumentKind) -> String {
        switch kind {
        case .agreement: "Avtal"
        case .statutoryAgreement: "Lagreglerad överenskommelse"
        case .appendix: "Bilaga"
        }
    }

    /// A clause's or preamble's Markdown as HTML, with every reference turned into a link to its
    /// target and, when written without text, labelled "punkt 3.2" or "punkt 3.2 i <kortnamn>".
    func html(_ markdown: String, in document: EditableDocument, layout: Layout) -> String {
        html(markdown, from: document.entry, annotator: annotator(for: document), layout: layout)
    }

    func html(_ markdown: String, from entry: Manifest.Entry, annotator: TextAnnotator, layout: Layout) -> String {
        let document = (entry: entry, ())
        return Markdown.renderHTML(markdown, rewritingLinks: { link in
            switch labels.resolve(link.destination, from: document.entry) {
            case let .clause(documentID, clauseID, label, title)?:
                return LinkRewrite(destination: layout.href(document: documentID, clause: clauseID, from: document.entry.id),
                                   title: title, text: label)
            case let .document(documentID, label, title)?:
                return LinkRewrite(destination: layout.href(document: documentID, clause: nil, from: document.entry.id),
                                   title: title, text: label)
            case let .external(url, label, title)?:
                return LinkRewrite(destination: url, title: title, text: label)
            case nil:
                return nil
            }
        }, annotatingText: annotator.annotate)
    }

    // MARK: Document pages

    /// A clause as the page shows it; written out by `clausesHTML` and `tocHTML`.
    struct ClauseContext {
        var anchor: String
        var tag: String
        var number: String
        var headingHTML: String
        var headingText: String
        var bodyHTML: String
        var aliases: [String]
        var children: [ClauseContext]
        var hasChildren: Bool
        var cases: [CaseLink] = []
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
            out += "<\(clause.tag) class=\"clause-heading\"><span class=\"number\">\(e(clause.number))</span> "
            out += "<span class=\"heading-text\">\(clause.headingHTML)</span> <a class=\"permalink\" href=\"#\(e(clause.anchor))\">#"
            out += "<span class=\"visually-hidden\"> Länk till punkt \(e(clause.number))</span></a></\(clause.tag)>\n"
            for alias in clause.aliases { out += "<span class=\"alias-anchor\" id=\"\(e(alias))\"></span>\n" }
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

    /// The table of contents as nested lists.
    static func tocHTML(_ clauses: [ClauseContext]) -> String {
        var out = ""
        func write(_ clause: ClauseContext) {
            let e = HTML.escape
            out += "<li><a href=\"#\(e(clause.anchor))\"><span class=\"number\">\(e(clause.number))</span> \(e(clause.headingText))</a>"
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

    func clauses(of document: EditableDocument, layout: Layout, baseLevel: Int) -> [ClauseContext] {
        // Old IDs stay resolvable on the page: an alias gets an empty anchor inside the clause it names now.
        var aliasesByID: [String: [String]] = [:]
        for (key, _) in text.history.aliases {
            guard let target = Target(key), target.document == document.entry.id, let old = target.clause else { continue }
            aliasesByID[text.history.resolve(document: target.document, id: old), default: []].append(old)
        }
        func build(_ clause: EditableClause, _ path: [Int]) -> ClauseContext {
            let children = clause.children.enumerated().map { build($1, path + [$0]) }
            let headingHTML = Markdown.renderInlineHTML(clause.heading)
            return ClauseContext(
                anchor: layout.anchor(document: document.entry.id, clause: clause.id),
                tag: "h\(min(6, baseLevel + path.count - 1))",
                number: EditableDocument.number(path), headingHTML: headingHTML,
                headingText: labels.index[document.entry.id]?[clause.id]?.heading ?? clause.heading,
                bodyHTML: html(clause.body, in: document, layout: layout),
                aliases: (aliasesByID[clause.id] ?? []).sorted().map { layout.anchor(document: document.entry.id, clause: $0) },
                children: children, hasChildren: !children.isEmpty,
                cases: (casesByClause["\(document.entry.id)#\(clause.id)"] ?? []).enumerated().map { index, patientCase in
                    let all = casesByClause["\(document.entry.id)#\(clause.id)"] ?? []
                    return CaseLink(href: "patientfall.html#\(patientCase.id)", title: patientCase.title, comma: index < all.count - 1)
                })
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

    func view(of document: EditableDocument, layout: Layout, baseLevel: Int) -> DocumentView {
        let front = document.frontMatter
        let clauses = clauses(of: document, layout: layout, baseLevel: baseLevel)
        return DocumentView(
            anchor: document.entry.id, title: front.title, kindLabel: Self.kindLabel(front.kind), validity: validity(front),
            legalBasis: front.legalBasis, hasLegalBasis: !front.legalBasis.isEmpty,
            preambleHTML: html(document.preamble, in: document, layout: layout), hasPreamble: !document.preamble.isEmpty,
            tocHTML: layout == .documentPages ? Self.tocHTML(clauses) : "", clausesHTML: Self.clausesHTML(clauses))
    }

    func renderDocument(_ document: EditableDocument) throws -> String {
        try builder.page("document", view(of: document, layout: .documentPages, baseLevel: 2),
                         frame: frame(title: document.frontMatter.title, current: "\(document.entry.id).html"))
    }

    // MARK: All documents on one page

    struct AllPage {
        var title: String
        var parts: [DocumentView]
    }

    func renderAll() throws -> String {
        let parts = text.documents.map { view(of: $0, layout: .singlePage, baseLevel: 3) }
        let title = builder.siteTitle
        return try builder.page("alla", AllPage(title: title, parts: parts),
                                frame: frame(title: "Hela texten", current: "alla.html"))
    }

    // MARK: Glossary and patient cases

    struct TermView {
        var id: String
        var term: String
        var abbreviation: String
        var hasAbbreviation: Bool
        var definition: String
        var source: String
        var avoid: String
        var hasAvoid: Bool
    }

    struct AvoidView {
        var word: String
        var instead: String
    }

    struct GlossaryPage {
        var terms: [TermView]
        var avoid: [AvoidView]
        var hasAvoid: Bool
    }

    func renderGlossary() throws -> String {
        let glossary = builder.workspace.context.glossary
        let sorted = (glossary?.terms ?? []).sorted { $0.term.lowercased() < $1.term.lowercased() }
        let terms: [TermView] = sorted.map { (term: Glossary.Term) -> TermView in
            TermView(id: term.id, term: term.term, abbreviation: term.abbreviation ?? "", hasAbbreviation: term.abbreviation != nil,
                     definition: term.definition, source: term.source, avoid: Swedish.list(term.avoid), hasAvoid: !term.avoid.isEmpty)
        }
        let avoid: [AvoidView] = (glossary?.avoid ?? []).map { AvoidView(word: $0.word, instead: $0.instead) }
        return try builder.page("begrepp", GlossaryPage(terms: terms, avoid: avoid, hasAvoid: !avoid.isEmpty),
                                frame: frame(title: "Begrepp", current: "begrepp.html"))
    }

    struct IllustrationView {
        var href: String
        var label: String
        var comma: Bool
    }

    struct CaseView {
        var id: String
        var title: String
        var bodyHTML: String
        var illustrates: [IllustrationView]
    }

    struct ThemeView {
        var id: String
        var title: String
        var cases: [CaseView]
    }

    struct CasesPage {
        var themes: [ThemeView]
    }

    func renderCases() throws -> String {
        let cases = builder.workspace.context.patientCases
        let themes: [ThemeView] = (builder.workspace.working?.manifest.themes ?? []).compactMap { theme in
            let inTheme = cases.filter { $0.theme == theme.id }.sorted { $0.id < $1.id }
            guard !inTheme.isEmpty else { return nil }
            return ThemeView(id: "tema-\(theme.id)", title: theme.title, cases: inTheme.map { patientCase in
                let body = patientCase.document.source.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst(patientCase.document.textStartLine - 1).joined(separator: "\n")
                let illustrated: [IllustrationView] = patientCase.illustrates.enumerated().compactMap { index, item in
                    guard case let .clause(documentID, clauseID, label, _)? = labels.resolve(item.target.description, from: patientCase.document.entry)
                    else { return nil }
                    return IllustrationView(href: "\(documentID).html#\(clauseID)", label: label,
                                            comma: index < patientCase.illustrates.count - 1)
                }
                return CaseView(id: patientCase.id, title: patientCase.title,
                                bodyHTML: html(body, from: patientCase.document.entry, annotator: annotator(for: nil), layout: .documentPages),
                                illustrates: illustrated)
            })
        }
        return try builder.page("patientfall", CasesPage(themes: themes), frame: frame(title: "Patientfall", current: "patientfall.html"))
    }

    // MARK: Start page

    struct DocumentEntry {
        var href: String
        var title: String
        var kindLabel: String
        var validity: String
    }

    struct DecisionEntry {
        var href: String
        var title: String
        var kind: String
        var decided: String
    }

    struct StartPage {
        var title: String
        var status: String
        var base: String
        var hasBase: Bool
        var documents: [DocumentEntry]
        var decisions: [DecisionEntry]
        var hasDecisions: Bool
        var changes: String
        var hasChanges: Bool
    }

    func renderStart(_ diff: VersionDiff?) throws -> String {
        let changes = diff.map { RedlineRenderer.page($0, fromTitle: nil, toTitle: nil).summary } ?? ""
        let hasRedline = diff != nil
        let documents = text.documents.map {
            DocumentEntry(href: "\($0.entry.id).html", title: $0.frontMatter.title,
                          kindLabel: Self.kindLabel($0.frontMatter.kind), validity: validity($0.frontMatter))
        }
        let decisions: [DecisionEntry] = (version?.patches ?? []).compactMap { patchID in
            guard let patch = builder.workspace.patches[patchID] else { return nil }
            return DecisionEntry(href: "beslut-\(patch.id).html", title: patch.title,
                                 kind: patch.kind == .correction ? "Rättelse" : "Justering",
                                 decided: "Beslutad av \(patch.decidedBy) \(SwedishDate.format(patch.decidedOn))")
        }
        return try builder.page("version", StartPage(
            title: builder.versionTitle(id), status: Swedish.capitalizingFirst(builder.versionStatus(id)),
            base: version.map { builder.versionTitle($0.base) } ?? "", hasBase: version != nil,
            documents: documents, decisions: decisions, hasDecisions: !decisions.isEmpty,
            changes: changes, hasChanges: hasRedline),
            frame: frame(title: "Översikt", current: "index.html"))
    }
}
