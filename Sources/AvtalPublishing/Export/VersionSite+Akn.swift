import AvtalCore
import AvtalMarkdown

/// A version's document as Akoma Ntoso 3.0 (OASIS LegalDocML): a `<doc>` whose FRBR work is the
/// agreement's document and whose expression is the version, in Swedish ("swe"); each clause a
/// `<section>` whose eId is made from its clause ID, each reference a `<ref href>` to that eId; and
/// what the version's patches changed as `<passiveModifications>`.
extension VersionSite {
    static let aknNamespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

    /// "sec_avtalstid": a clause's eId, stable as its ID.
    static func eId(_ clause: String) -> String { "sec_\(clause)" }

    func aknWorkURI(_ document: String) -> String { "/akn/se/\(Self.aknType(text.document(document)?.entry))/\(document)" }

    /// `act` for a statute-style text (paragraph numbering: "16 kap. 4 §"), `doc` for the rest.
    static func aknType(_ entry: Manifest.Entry?) -> String { entry?.numbering == .paragraph ? "act" : "doc" }
    func aknExpressionURI(_ document: String) -> String { "\(aknWorkURI(document))/swe@\(id)" }

    /// Where a link in `entry` points: an eId in this file, a portion of another document of the
    /// version, or an outside address.
    func aknLink(_ destination: String, from entry: Manifest.Entry) -> (href: String, label: String)? {
        switch labels.resolve(destination, from: entry) {
        case let .clause(document, clause, label, _)?:
            let eId = Self.eId(clause)
            return (document == entry.id ? "#\(eId)" : "\(aknExpressionURI(document))/!main#\(eId)", label)
        case let .document(document, label, _)?: return (aknExpressionURI(document), label)
        case let .external(url, label, _)?: return (url, label)
        case nil:
            return destination.hasPrefix("https://") || destination.hasPrefix("http://") ? (destination, destination) : nil
        }
    }

    func aknXML(_ document: EditableDocument, date: CalendarDate, changes: [ChangeRecord]) -> String {
        let e = AknMarkup.escape
        let entry = document.entry
        var markup = AknMarkup(link: { aknLink($0, from: entry) })
        markup.eId = Self.eId
        // An act's body holds its hierarchy (chapters, paragraphs); an act without clauses stays a doc.
        let type = document.clauses.isEmpty ? "doc" : Self.aknType(entry)
        let body = type == "act" ? "body" : "mainBody"
        let numbers = labels.index[entry.id] ?? [:]
        let front = document.frontMatter
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"\(Self.aknNamespace)\">\n"
        out += "<\(type) name=\"\(Self.aknName(front.kind))\">\n<meta>\n"
        out += aknIdentification(document, date: date)
        out += aknModifications(changes)
        let parties = (builder.workspace.working?.manifest.parties ?? []).joined(separator: ", ")
        out += "<references source=\"#avtal\">\n"
        out += "<TLCOrganization eId=\"avtal\" href=\"/ontology/organization/avtal\" showAs=\"avtal\"/>\n"
        out += "<TLCOrganization eId=\"parterna\" href=\"/ontology/organization/parterna\" showAs=\"\(e(parties.isEmpty ? "parterna" : parties))\"/>\n"
        out += "</references>\n</meta>\n"
        out += "<preface><longTitle><p><docTitle>\(e(front.title))</docTitle></p></longTitle></preface>\n"
        let preamble = markup.blocks(document.preamble)
        if !preamble.isEmpty { out += "<preamble>\(preamble)</preamble>\n" }
        out += "<\(body)>\n"
        func write(_ clause: EditableClause, _ path: [Int]) {
            let number = numbers[clause.id]?.number ?? document.number(at: path)
            out += "<section eId=\"\(e(Self.eId(clause.id)))\"><num>\(e(number))</num>"
            out += "<heading>\(markup.inlines(Markdown.parse(clause.heading).children.flatMap(\.children)))</heading>"
            let body = markup.blocks(clause.body)
            if clause.children.isEmpty {
                out += "<content>\(body.isEmpty ? "<p/>" : body)</content>"
            } else {
                if !body.isEmpty { out += "<intro>\(body)</intro>" }
                for (index, child) in clause.children.enumerated() { write(child, path + [index]) }
            }
            out += "</section>\n"
        }
        for (index, clause) in document.clauses.enumerated() { write(clause, [index]) }
        if document.clauses.isEmpty { out += "<p/>\n" }
        out += "</\(body)>\n</\(type)>\n</akomaNtoso>\n"
        return out
    }

    static func aknName(_ kind: DocumentKind) -> String {
        switch kind {
        case .agreement: "agreement"
        case .statutoryAgreement: "statutoryAgreement"
        case .appendix: "appendix"
        // A kind the manifest declares (a statute, a policy) is named by its ID.
        default: kind.rawValue
        }
    }

    func aknIdentification(_ document: EditableDocument, date: CalendarDate) -> String {
        let e = AknMarkup.escape
        let work = aknWorkURI(document.entry.id), expression = aknExpressionURI(document.entry.id)
        let agreement = builder.siteTitle
        return """
            <identification source="#avtal">
            <FRBRWork><FRBRthis value="\(e(work))/main"/><FRBRuri value="\(e(work))"/>\
            <FRBRdate date="\(document.frontMatter.validFrom)" name="valid-from"/><FRBRauthor href="#parterna"/>\
            <FRBRcountry value="se"/><FRBRname value="\(e(agreement))"/></FRBRWork>
            <FRBRExpression><FRBRthis value="\(e(expression))/main"/><FRBRuri value="\(e(expression))"/>\
            <FRBRdate date="\(date)" name="\(e(id))"/><FRBRauthor href="#parterna"/><FRBRlanguage language="swe"/></FRBRExpression>
            <FRBRManifestation><FRBRthis value="\(e(expression))/main.xml"/><FRBRuri value="\(e(expression)).akn"/>\
            <FRBRdate date="\(date)" name="export"/><FRBRauthor href="#avtal"/></FRBRManifestation>
            </identification>

            """
    }

    /// Each change a patch of the version made to this document: its kind, the decision as source and
    /// the clause (or the document, for a front matter field) as destination.
    func aknModifications(_ changes: [ChangeRecord]) -> String {
        guard !changes.isEmpty else { return "" }
        var out = "<analysis source=\"#avtal\">\n<passiveModifications>\n"
        for (index, change) in changes.enumerated() {
            let type = switch change.operation {
            case .insert: "insertion"
            case .delete: "repeal"
            case .move, .renameID: "renumbering"
            default: "substitution"
            }
            let destination = change.clause.map { "#\(Self.eId($0))" } ?? aknExpressionURI(change.document)
            out += "<textualMod type=\"\(type)\" eId=\"pmod_\(index + 1)\">"
            out += "<source href=\"/akn/se/doc/beslut/\(AknMarkup.escape(change.patch))\"/>"
            out += "<destination href=\"\(AknMarkup.escape(destination))\"/></textualMod>\n"
        }
        return out + "</passiveModifications>\n</analysis>\n"
    }
}
