import AvtalCore

/// The view a template sees of one run of text. Every field is plain text: the template escapes it.
struct RunView {
    let text: String
    let equal: Bool
    let inserted: Bool
    let deleted: Bool
    /// A change run straight into the opposite change ("31 december" deleted, "30 juni" inserted): the
    /// template writes a space after it, so that the words do not run together when read, copied or printed.
    let separated: Bool

    init(_ run: TextRun, next: TextRun? = nil) {
        text = run.text
        equal = run.kind == .equal
        inserted = run.kind == .inserted
        deleted = run.kind == .deleted
        separated = next.map { Self.needsSeparator(run, $0) } ?? false
    }

    static func views(_ runs: [TextRun]) -> [RunView] {
        runs.indices.map { RunView(runs[$0], next: $0 + 1 < runs.count ? runs[$0 + 1] : nil) }
    }

    /// A deletion met by an insertion (or the reverse) with no white space where they touch.
    static func needsSeparator(_ run: TextRun, _ next: TextRun) -> Bool {
        guard run.kind != .equal, next.kind != .equal, run.kind != next.kind,
              let last = run.text.last, let first = next.text.first
        else { return false }
        return !last.isWhitespace && !first.isWhitespace
    }
}

/// An HTML page of the changes between two versions (`Templates/redline.mustache`): insertions in
/// `<ins>`, deletions in `<del>`, each with a label for screen readers. Clause text is shown as its
/// Markdown source, escaped.
package struct RedlineRenderer: Sendable {
    package static let templateName = "redline"
    package var templates: TemplateLibrary

    package init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// - Parameters:
    ///   - fromTitle, toTitle: how the versions are named in the heading; by default "arbetstexten" or
    ///     "version <id>" (`VersionDiff.title(of:in:)` gives the titles from versions.yml).
    /// - Parameter frame: the site around the page; `nil` for a self-contained page, which links to
    ///   the accessibility statement at `statementHref` when there is one.
    package func render(_ diff: VersionDiff, fromTitle: String? = nil, toTitle: String? = nil,
                       frame: PageFrame? = nil, statementHref: String? = nil) throws(TemplateError) -> String {
        let page = Self.page(diff, fromTitle: fromTitle, toTitle: toTitle)
        return try templates.render(page, with: Self.templateName, frame: frame
            ?? .standalone(title: page.heading, siteTitle: page.heading, statementHref: statementHref))
    }

    struct Page {
        let heading: String
        let summary: String
        let hasChanges: Bool
        let documents: [DocumentView]
    }

    struct DocumentView {
        let anchor: String
        let title: String
        let id: String
        let status: String
        let hasStatus: Bool
        let frontMatter: [FieldView]
        let hasFrontMatter: Bool
        let preamble: [RunView]
        let hasPreamble: Bool
        let clauses: [ClauseView]
    }

    struct FieldView {
        let label: String
        let old: String
        let new: String
        let hasOld: Bool
        let hasNew: Bool
    }

    struct ClauseView {
        let anchor: String
        let kind: String
        let number: String
        let heading: [RunView]
        let notes: String
        let body: [RunView]
        let hasBody: Bool
    }

    static func page(_ diff: VersionDiff, fromTitle: String?, toTitle: String?) -> Page {
        let from = fromTitle ?? Swedish.versionLabel(diff.from)
        let to = toTitle ?? Swedish.versionLabel(diff.to)
        var anchors = Set<String>()
        func unique(_ anchor: String) -> String {
            var candidate = anchor
            var n = 2
            while !anchors.insert(candidate).inserted {
                candidate = "\(anchor)-\(n)"
                n += 1
            }
            return candidate
        }
        let documents = diff.documents.map { document -> DocumentView in
            let status = switch document.status {
            case .added: "Nytt dokument"
            case .removed: "Borttaget dokument"
            case .changed: ""
            }
            let fields = document.frontMatter.map { change in
                let old = Swedish.frontMatterValue(change.field, change.old)
                let new = Swedish.frontMatterValue(change.field, change.new)
                return FieldView(label: Swedish.label(change.field), old: old, new: new, hasOld: !old.isEmpty, hasNew: !new.isEmpty)
            }
            let clauses = document.clauses.map { clause -> ClauseView in
                var notes: [String] = []
                switch clause.kind {
                case .inserted: notes.append("Infogad punkt")
                case .deleted: notes.append("Borttagen punkt")
                default: if clause.isTextChanged { notes.append("Ändrad") }
                }
                if clause.isMoved, let old = clause.oldNumber { notes.append("Flyttad från punkt \(old)") }
                if clause.isRenamed, let old = clause.oldID, let new = clause.newID {
                    notes.append("Nytt ID: \(new) (tidigare \(old))")
                }
                if !clause.isMoved, clause.kind != .inserted, clause.kind != .deleted,
                   let old = clause.oldNumber, let new = clause.newNumber, old != new {
                    notes.append("Tidigare punkt \(old)")
                }
                let heading = clause.heading.map { RunView.views($0.runs) } ?? [RunView(TextRun(.equal, clause.displayHeading))]
                let body = clause.body.map { RunView.views($0.runs) } ?? []
                return ClauseView(anchor: unique("\(document.id)--\(clause.id)"), kind: clause.kind.rawValue,
                                  number: clause.number, heading: heading, notes: notes.joined(separator: " · "),
                                  body: body, hasBody: !body.isEmpty)
            }
            let preamble = document.preamble.map { RunView.views($0.runs) } ?? []
            return DocumentView(anchor: unique(document.id), title: document.title, id: document.id, status: status,
                                hasStatus: !status.isEmpty, frontMatter: fields, hasFrontMatter: !fields.isEmpty,
                                preamble: preamble, hasPreamble: !preamble.isEmpty, clauses: clauses)
        }
        return Page(heading: "Ändringar från \(from) till \(to)", summary: summary(diff), hasChanges: !diff.summary.isEmpty,
                    documents: documents)
    }

    /// "Ändringar i 2 dokument: 1 infogad punkt, 0 borttagna punkter, … och 5 ändrade punkter."
    static func summary(_ diff: VersionDiff) -> String {
        let s = diff.summary
        if s.isEmpty { return "Inga skillnader mellan versionerna." }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var documents = "Ändringar i \(s.documentsChanged) dokument"
        var extra: [String] = []
        if s.documentsAdded > 0 { extra.append(count(s.documentsAdded, "nytt", "nya")) }
        if s.documentsRemoved > 0 { extra.append(count(s.documentsRemoved, "borttaget", "borttagna")) }
        if !extra.isEmpty { documents += " (" + Swedish.list(extra) + ")" }
        let parts = [
            count(s.inserted, "infogad punkt", "infogade punkter"),
            count(s.deleted, "borttagen punkt", "borttagna punkter"),
            count(s.moved, "flyttad punkt", "flyttade punkter"),
            count(s.renamed, "punkt med nytt ID", "punkter med nytt ID"),
            count(s.changed, "ändrad punkt", "ändrade punkter"),
        ]
        return documents + ": " + Swedish.list(parts) + "."
    }
}
