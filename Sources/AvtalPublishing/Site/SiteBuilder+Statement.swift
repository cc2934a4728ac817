import AvtalCore

/// The accessibility statement (tillgänglighetsredogörelse), after DIGG's model: what the publisher
/// assessed (`accessibility` in the manifest), how to report a problem, and who supervises the law.
extension SiteBuilder {
    /// The statement's file name, at the root of a site and beside a compiled summary.
    package static let statement = "tillganglighet.html"

    struct StatementPage {
        var siteTitle: String
        var publisher: String
        var assessed: Bool
        var statusHTML: String
        var isFull: Bool
        var shortcomings: [ItemView]
        var hasShortcomings: Bool
        var outsideScope: [ItemView]
        var hasOutsideScope: Bool
        var burden: [ItemView]
        var hasBurden: Bool
        var methodHTML: String
        var tools: String
        var hasTools: Bool
        var assessedOnHTML: String
        var updatedOnHTML: String
        var hasContact: Bool
        var contactNameHTML: String
        var contactEmail: String
        var contactEmailHTML: String
        var hasContactEmail: Bool
        var contactPhoneHTML: String
        var hasContactPhone: Bool
    }

    struct ItemView {
        var content: String
        var reason: String
    }

    /// The statement at the site's root; `frame` places it elsewhere (beside a compiled summary).
    /// Without a contact in the manifest (a warning, AV120) readers are sent to the publisher, never
    /// to a blank; without an assessment it says that the site has not been assessed.
    package func renderAccessibilityStatement(frame: PageFrame? = nil) throws -> String {
        let manifest = workspace.working?.manifest
        let contact = manifest?.contact
        let assessment = manifest?.accessibility
        func items(_ list: [AccessibilityStatement.Shortcoming]) -> [ItemView] {
            list.map { ItemView(content: $0.content, reason: $0.reason) }
        }
        func date(_ value: SettingValue<CalendarDate>?) -> String {
            value.map { PlaceholderText.html(SettingText(SwedishDate.format($0.value), placeholder: $0.placeholder)) } ?? ""
        }
        let status = assessment.map { SettingText("\($0.status.value.rawValue) förenlig", placeholder: $0.status.placeholder) }
        let page = StatementPage(
            siteTitle: siteTitle, publisher: manifest?.publisher ?? Swedish.list(manifest?.parties ?? []),
            assessed: assessment != nil, statusHTML: status.map(PlaceholderText.html) ?? "",
            isFull: assessment?.status.value == .helt,
            shortcomings: items(assessment?.notAccessible ?? []), hasShortcomings: !(assessment?.notAccessible.isEmpty ?? true),
            outsideScope: items(assessment?.outsideScope ?? []), hasOutsideScope: !(assessment?.outsideScope.isEmpty ?? true),
            burden: items(assessment?.disproportionateBurden ?? []), hasBurden: !(assessment?.disproportionateBurden.isEmpty ?? true),
            methodHTML: assessment.map { PlaceholderText.html($0.method) } ?? "",
            tools: Swedish.list(assessment?.tools ?? []), hasTools: !(assessment?.tools.isEmpty ?? true),
            assessedOnHTML: date(assessment?.assessedOn), updatedOnHTML: date(assessment?.updatedOn),
            hasContact: contact != nil, contactNameHTML: contact.map { PlaceholderText.html($0.name) } ?? "",
            contactEmail: contact?.email?.text ?? "", contactEmailHTML: contact?.email.map(PlaceholderText.html) ?? "",
            hasContactEmail: contact?.email != nil,
            contactPhoneHTML: contact?.phone.map(PlaceholderText.html) ?? "", hasContactPhone: contact?.phone != nil)
        return try self.page("tillganglighet", page, frame: frame
            ?? rootFrame(title: "Tillgänglighetsredogörelse – \(siteTitle)", current: Self.statement))
    }

    /// The statement as a page of its own, its stylesheet inline, for a folder without a site (the
    /// compiled summary of responses).
    package func renderStandaloneStatement() throws -> String {
        let title = "Tillgänglighetsredogörelse – \(siteTitle)"
        return try renderAccessibilityStatement(frame: .standalone(title: title, siteTitle: siteTitle, statementHref: Self.statement))
    }
}
