import AvtalCore
import AvtalMarkdown
import Foundation

extension VersionSite {
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
        /// Where the terms apply, from the kinds of the version's documents.
        var scope: String
        var terms: [TermView]
        var avoid: [AvoidView]
        var hasAvoid: Bool
        /// Why the words are avoided, each reason once, in the order the glossary gives them.
        var reasons: [String]
    }

    func renderGlossary() throws -> String {
        let glossary = builder.workspace.context.glossary
        let sorted = (glossary?.terms ?? []).sorted { $0.term.lowercased() < $1.term.lowercased() }
        let terms: [TermView] = sorted.map { (term: Glossary.Term) -> TermView in
            TermView(id: term.id, term: term.term, abbreviation: term.abbreviation ?? "", hasAbbreviation: term.abbreviation != nil,
                     definition: term.definition, source: term.source, avoid: Swedish.list(term.avoid), hasAvoid: !term.avoid.isEmpty)
        }
        let avoid: [AvoidView] = (glossary?.avoid ?? []).map { AvoidView(word: $0.word, instead: $0.instead) }
        var reasons: [String] = []
        for reason in (glossary?.avoid ?? []).compactMap(\.reason) where !reasons.contains(reason) { reasons.append(reason) }
        let scope = Swedish.throughout(text.documents.map(\.frontMatter.kind))
        return try builder.page("begrepp", GlossaryPage(scope: scope, terms: terms, avoid: avoid, hasAvoid: !avoid.isEmpty, reasons: reasons),
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
                                bodyHTML: Self.captioningTables(
                                    html(body, from: patientCase.document.entry, annotator: annotator(for: nil), layout: .documentPages),
                                    in: "patientfallet \(patientCase.title)"),
                                illustrates: illustrated)
            })
        }
        return try builder.page("patientfall", CasesPage(themes: themes), frame: frame(title: "Patientfall", current: "patientfall.html"))
    }
}
