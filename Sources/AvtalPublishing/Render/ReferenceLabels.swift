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
        package var heading: String
    }

    enum Resolved {
        case clause(document: String, id: String, label: String, title: String)
        case document(id: String, label: String, title: String)
        case external(url: String, label: String, title: String)
    }

    let text: VersionText
    let links: LinkContext
    package let index: [String: [String: ClauseInfo]]
    let external: ExternalDocuments?

    package init(text: VersionText, links: LinkContext? = nil, external: ExternalDocuments? = nil) {
        self.text = text
        self.external = external
        self.links = links ?? LinkContext(manifest: text.manifest)
        var index: [String: [String: ClauseInfo]] = [:]
        for document in text.documents {
            var clauses: [String: ClauseInfo] = [:]
            document.walk { clause, path in
                clauses[clause.id] = ClauseInfo(number: document.number(at: path),
                                                heading: Markdown.parse(clause.heading).plainText)
            }
            index[document.entry.id] = clauses
        }
        self.index = index
    }

    /// The target of a link written in `entry`, through aliases; nil for external links, files and
    /// targets that do not exist (the checker reports those).
    func resolve(_ destination: String, from entry: Manifest.Entry) -> Resolved? {
        guard case let .success(target) = links.target(of: destination, from: entry) else { return nil }
        switch target {
        case let .clause(documentID, clauseID):
            let resolved = text.history.resolve(document: documentID, id: clauseID)
            guard let info = index[documentID]?[resolved], let document = text.document(documentID) else { return nil }
            // An unnumbered clause ("Parter") is named by its heading: it has no number to cite.
            let name = info.number.isEmpty ? info.heading : "punkt \(info.number)"
            let label = documentID == entry.id ? name : "\(name) i \(document.frontMatter.referenceName)"
            return .clause(document: documentID, id: resolved, label: label,
                           title: info.number.isEmpty ? label : "\(label): \(info.heading)")
        case let .document(documentID):
            guard let document = text.document(documentID) else { return nil }
            return .document(id: documentID, label: document.frontMatter.referenceName, title: document.frontMatter.title)
        case let .externalDocument(id):
            guard let document = external?.document(id) else { return nil }
            return .external(url: document.url, label: document.title, title: document.description ?? document.title)
        case .file, .external:
            return nil
        }
    }

    /// `markdown` with every reference written without text replaced by its label, as plain text:
    /// how a restated clause reads in an amendment. Everything else stays as written. References to
    /// clauses of one document in a row read as one: "punkterna 9.1 och 9.2 i hälso- och sjukvårdsavtalet".
    func plainText(_ markdown: String, from entry: Manifest.Entry) -> String {
        var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        var replacements: [PlainReplacement] = []
        Markdown.parse(markdown).forEachDescendant { node in
            guard node.kind == .link, node.children.isEmpty, let range = node.range, range.start.line == range.end.line,
                  let resolved = resolve(node.url ?? "", from: entry)
            else { return }
            var replacement = PlainReplacement(line: range.start.line - 1, from: range.start.column - 1,
                                               to: range.end.column - 1, text: "")
            switch resolved {
            case let .clause(document, id, text, _):
                replacement.text = text
                if let number = index[document]?[id]?.number, !number.isEmpty {
                    replacement.clause = (document, number, document == entry.id)
                }
            case let .document(_, text, _), let .external(_, text, _): replacement.text = text
            }
            replacements.append(replacement)
        }
        // From the end of each line backwards, so that earlier columns stay valid.
        for r in joiningRuns(replacements, in: lines).sorted(by: { ($0.line, $0.from) > ($1.line, $1.from) })
        where r.line < lines.count && r.to <= lines[r.line].count {
            lines[r.line].replaceSubrange(r.from..<r.to, with: Array(r.text.utf8))
        }
        return lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }
}
