import AvtalCore

/// The remiss letter. Every sentence that names the agreement, its kind, its dates, the deciding
/// body or a person comes from the data (the version's text and manifest, the patches, the remiss
/// settings), never from the template.
extension RemissPackage {
    var deadlineText: String {
        "senast " + SwedishText.deadline(settings)
    }

    struct LetterPage {
        var title: String
        var senders: String
        var opens: String
        var deadline: String
        var diarienummer: [RegistrationView]
        var hasDiarienummer: Bool
        var introduction: String
        var validity: String
        var parties: String
        var groups: [GroupView]
        var documents: [DocumentView]
        var documentCount: String
        var decisions: [DecisionView]
        var hasDecisions: Bool
        var decisionsIntroduction: String
        var decisionsIncluded: String
        var contacts: [PersonView]
        var signatures: [SignatureView]
        /// "diarienumret", or "diarienumren" when there are several.
        var diarienummerWord: String
        var answerEmail: String
        var answerEmailHTML: String
        var answerPostalHTML: String
        var hasAnswerPostal: Bool
        var versionTitle: String
    }

    struct RegistrationView {
        var organisation: String
        var numberHTML: String
    }

    struct PersonView {
        var nameHTML: String
        var roleHTML: String
        var email: String
        var emailHTML: String
        var phoneHTML: String
        var hasPhone: Bool
    }

    struct SignatureView {
        var organisation: String
        var hasSignatory: Bool
        var nameHTML: String
        var titleHTML: String
    }

    struct GroupView {
        var title: String
        var members: String
    }

    struct DocumentView {
        var title: String
        var validity: String
    }

    struct DecisionView {
        var title: String
        var decided: String
    }

    func renderLetter() throws -> String {
        guard let consultees = workspace.consultees, let text = workspace.texts[version.id] else {
            throw Failure.notReady("the consultees or the text of '\(version.id)' could not be read (avtal check)")
        }
        let groups = settings.consultees.compactMap { consultees.group($0) }.map {
            GroupView(title: $0.title, members: Swedish.list($0.members.map(\.name)))
        }
        let documents = text.documents.map {
            DocumentView(title: $0.frontMatter.title, validity: "gäller " + VersionSite.validityText($0.frontMatter).lowercased())
        }
        let patches = version.patches.compactMap { workspace.patches[$0] }
        let decisions = patches.map {
            DecisionView(title: $0.title, decided: "\($0.decidedBy) \(SwedishDate.format($0.decidedOn))")
        }
        let senders = Swedish.list(settings.senders.map(\.name))
        let page = LetterPage(
            title: settings.title, senders: senders,
            opens: SwedishDate.format(settings.opens), deadline: deadlineText,
            diarienummer: settings.diarienummer.map { RegistrationView(organisation: $0.organisation, numberHTML: PlaceholderText.html($0.number)) },
            hasDiarienummer: !settings.diarienummer.isEmpty,
            introduction: Self.introduction(senders: senders, documents: text.documents),
            validity: Self.validity(of: text.documents), parties: Self.parties(text.manifest.parties),
            groups: groups, documents: documents, documentCount: Swedish.documents(documents.count),
            decisions: decisions, hasDecisions: !decisions.isEmpty,
            decisionsIntroduction: Self.decisionsIntroduction(patches, glossary: workspace.context.glossary), decisionsIncluded: patches.count == 1 ? "Den är införd" : "De är införda",
            contacts: settings.contacts.map(Self.person), signatures: settings.senders.map(Self.signature),
            diarienummerWord: settings.diarienummer.count > 1 ? "diarienumren" : "diarienumret",
            answerEmail: settings.answerEmail.text, answerEmailHTML: PlaceholderText.html(settings.answerEmail),
            answerPostalHTML: settings.answerPostal.map(PlaceholderText.html) ?? "", hasAnswerPostal: settings.answerPostal != nil,
            versionTitle: VersionDiff.title(of: version.id, in: workspace))
        return try templates.render(page, with: "remissbrev", frame: .standalone(
            title: settings.title, siteTitle: page.senders, statementHref: Self.statementHref(from: "")))
    }

    static func person(_ person: RemissSettings.Person) -> PersonView {
        PersonView(nameHTML: PlaceholderText.html(person.name), roleHTML: PlaceholderText.html(person.role),
                   email: person.email.text, emailHTML: PlaceholderText.html(person.email),
                   phoneHTML: person.phone.map(PlaceholderText.html) ?? "", hasPhone: person.phone != nil)
    }

    static func signature(_ sender: RemissSettings.Sender) -> SignatureView {
        SignatureView(organisation: sender.name, hasSignatory: sender.signatory != nil,
                      nameHTML: sender.signatory.map { PlaceholderText.html($0.name) } ?? "",
                      titleHTML: sender.signatory.map { PlaceholderText.html($0.title) } ?? "")
    }

    /// The main document: the first agreement, or the first document when there is none.
    static func mainDocument(_ documents: [EditableDocument]) -> EditableDocument? {
        documents.first { $0.frontMatter.kind == .agreement } ?? documents.first
    }

    /// "A och B skickar härmed förslaget till <title> med fyra lagreglerade överenskommelser och en
    /// bilaga på remiss."
    static func introduction(senders: String, documents: [EditableDocument]) -> String {
        guard let main = mainDocument(documents) else { return "\(senders) skickar härmed förslaget på remiss." }
        let others = documents.filter { $0.entry.id != main.entry.id }.map(\.frontMatter.kind)
        let with = others.isEmpty ? "" : " med " + Swedish.list(Swedish.tally(others).map { Swedish.indefinite($0.kind, count: $0.count) })
        return "\(senders) skickar härmed förslaget till \(main.frontMatter.title)\(with) på remiss."
    }

    /// "Avtalet ska gälla från och med den 1 januari 2027 till och med den 31 december 2031." or
    /// "Överenskommelsen ska gälla från och med den 1 mars 2026 och tills vidare."
    static func validity(of documents: [EditableDocument]) -> String {
        guard let main = mainDocument(documents) else { return "" }
        let period = VersionSite.validityText(main.frontMatter)
        return Swedish.capitalizingFirst(Swedish.definite(main.frontMatter.kind)) + " ska gälla "
            + period.prefix(1).lowercased() + period.dropFirst() + "."
    }

    /// "Parter är A och B."
    static func parties(_ parties: [String]) -> String {
        parties.isEmpty ? "" : "Parter är \(Swedish.list(parties))."
    }

    /// "SRO har före remissen beslutat om följande justeringar." The deciding bodies and the kinds of
    /// change are the patches'.
    static func decisionsIntroduction(_ patches: [Patch], glossary: Glossary? = nil) -> String {
        var deciders: [String] = []
        for patch in patches where !deciders.contains(patch.decidedBy) { deciders.append(patch.decidedBy) }
        deciders = deciders.map { bodyName($0, glossary: glossary) }
        let kinds = Set(patches.map(\.kind))
        let one = patches.count == 1
        let what = switch (kinds.contains(.adjustment), kinds.contains(.correction)) {
        case (true, true): "justeringar och rättelser"
        case (false, true): one ? "rättelse" : "rättelser"
        default: one ? "justering" : "justeringar"
        }
        return "\(Swedish.list(deciders)) har före remissen beslutat om följande \(what)."
    }

    /// "Samrådsorganet (SRO)": a deciding body named by an abbreviation that the glossary explains is
    /// written out where the letter first names it; after that the abbreviation stands alone.
    static func bodyName(_ name: String, glossary: Glossary?) -> String {
        guard let term = glossary?.terms.first(where: { $0.abbreviation == name }) else { return name }
        return "\(Swedish.capitalizingFirst(term.term)) (\(name))"
    }
}
