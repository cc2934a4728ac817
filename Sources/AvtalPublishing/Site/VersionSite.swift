import AvtalCore
import AvtalMarkdown
import Foundation

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
        decisionsByClause = Self.decisionsByClause(builder.workspace, version: id)
        deviationsByClause = Self.deviationsByClause(builder.workspace, version: id)
        let hasGlossary = builder.workspace.context.glossary.map { !$0.terms.isEmpty } ?? false
        navItems = Self.nav(of: text, version: builder.workspace.versions.first { $0.id == id },
                            hasGlossary: hasGlossary, hasCases: !builder.workspace.context.patientCases.isEmpty)
        navFragment = NavFragment(navItems, library: builder.library)
    }

    /// The navigation every page of the version shows, rendered once.
    let navItems: [PageFrame.NavItem]
    let navFragment: NavFragment

    /// The decisions that changed each clause, and the working text's clauses whose wording differs
    /// from what was agreed, by "document#clause": found once per version, not per page.
    let decisionsByClause: [String: [Patch]]
    let deviationsByClause: [String: AgreedDeviation]

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

    /// Every page of the version, each handed to `sink` (under `folder`) as soon as it is rendered.
    func render(into sink: any FileSink, folder: String) throws {
        func put(_ name: String, _ html: String) throws { try sink.write("\(folder)/\(name)", html) }
        let diff = diff
        try put("index.html", try renderStart(diff))
        try renderTexts(into: sink, folder: folder)
        if hasGlossary { try put("begrepp.html", try renderGlossary()) }
        if hasCases { try put("patientfall.html", try renderCases()) }
        try put("sok.html", try renderSearch())
        try sink.write("\(folder)/\(SearchIndex.fileName)", try searchIndex().script())
        if let diff, let version {
            let html = try RedlineRenderer(templates: builder.templates).render(
                diff, fromTitle: builder.versionTitle(version.base), toTitle: builder.versionTitle(id),
                frame: frame(title: "Ändringar", current: "andringar.html"))
            try put("andringar.html", html)
            for patchID in version.patches {
                guard let patch = builder.workspace.patches[patchID] else { continue }
                // A published version's patches were made on the working text of their day; when that
                // has moved on they may no longer apply. The site still builds, and says so.
                let amendment = (try? Amendment.build(patchID: patchID, in: builder.workspace, version: id))
                    ?? Amendment.factsOnly(patch, version: id, versionTitle: builder.versionTitle(id))
                let html = try AmendmentRenderer(templates: builder.templates).html(
                    amendment, frame: frame(title: amendment.title, current: "beslut-\(patchID).html"))
                try put("beslut-\(patchID).html", html)
            }
        }
    }

    // MARK: Shared page parts

    func frame(title: String, current: String) -> PageFrame {
        PageFrame(pageTitle: "\(title) – \(builder.versionTitle(id))", siteTitle: siteTitle, root: "../",
                  versionTitle: builder.versionTitle(id), versionStatus: builder.versionStatus(id),
                  nav: navItems, navItemsHTML: navFragment.html(current: current), footer: builder.footer,
                  statementHref: "../" + SiteBuilder.statement)
    }

    /// The agreement's title as this version has it. The manifest's title is the agreement document's
    /// title in the sources; a version whose patches retitle that document shows the new title in its
    /// banner and on its pages, as its own heading does.
    var siteTitle: String {
        let manifestTitle = builder.siteTitle
        guard let agreement = text.documents.first(where: { $0.entry.kind == .agreement }),
              builder.workspace.workingText?.document(agreement.entry.id)?.frontMatter.title == manifestTitle
        else { return manifestTitle }
        return agreement.frontMatter.title
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
        items.append(item("sok.html", "Sök"))
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

    /// As a document's page names its kind; in English for a document whose `lang` is `en`.
    static func kindLabel(_ kind: DocumentKind, lang: LabelLanguage = .sv) -> String {
        switch (kind, lang) {
        case (.agreement, .sv): "Avtal"
        case (.statutoryAgreement, .sv): "Lagreglerad överenskommelse"
        case (.appendix, .sv): "Bilaga"
        case (.agreement, .en): "Agreement"
        case (.statutoryAgreement, .en): "Statutory agreement"
        case (.appendix, .en): "Appendix"
        default: lang == .en ? Swedish.words(kind).labelEnglish ?? Swedish.words(kind).label : Swedish.words(kind).label
        }
    }

}
