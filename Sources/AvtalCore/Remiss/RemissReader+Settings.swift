import Yams

/// Reading a version's `remiss.yml`. Required keys are looked up in the order of `settingsKeys`, so a
/// file missing several gets its diagnostics in that order; each section has its own reader.
extension RemissReader {
    static let settingsKeys = FormatKeys.remiss.keys

    static func readSettings(_ source: SourceFile, version: String, consultees: Consultees?,
                             diagnostics: inout [Diagnostic]) -> RemissSettings? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the remiss settings"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: settingsKeys, what: what)
        func need(_ key: String) -> Node? { reader.requireKey(key, in: map, what: what, fallback: fallback) }

        let title = need("title").flatMap { reader.string($0, key: "title") }
        let registrations = readRegistrations(need("diarienummer"), reader: &reader)
        let senders = readSenders(need("senders"), reader: &reader)
        let contacts = readContacts(need("contacts"), reader: &reader)
        let opensNode = need("opens")
        let opens = opensNode.flatMap { reader.date($0, key: "opens") }
        let deadline = readDeadline(need("deadline"), reader: &reader)
        if let opens, let date = deadline.date, date <= opens {
            reader.report(.remissDeadlineBeforeOpening, "The deadline \(date) is not after the opening date \(opens)",
                          at: deadline.range ?? fallback,
                          notes: [DiagnosticNote("the remiss opens here", at: opensNode.map { reader.range(of: $0) })])
        }
        let answer = readAnswer(need("answer"), reader: &reader)
        let groups = readGroups(need("consultees"), consultees: consultees, reader: &reader)
        let late = map.value("late").flatMap { reader.oneOf($0, key: "late", as: RemissSettings.LatePolicy.self) }
        guard let title, let opens, let deadlineDate = deadline.date, let deadlineTime = deadline.time,
              let answerEmail = answer.email, !contacts.isEmpty, reader.diagnostics.isEmpty else { return nil }
        return RemissSettings(version: version, title: title, diarienummer: registrations, senders: senders,
                              contacts: contacts, opens: opens, deadline: deadlineDate, deadlineTime: deadlineTime,
                              late: late ?? .accept, answerEmail: answerEmail, answerPostal: answer.postal,
                              consultees: groups, source: source)
    }

    private static func readRegistrations(_ node: Node?, reader: inout YAMLReader) -> [RemissSettings.Registration] {
        guard let list = node.flatMap({ reader.list($0, key: "diarienummer") }) else { return [] }
        var registrations: [RemissSettings.Registration] = []
        for item in list {
            guard let entry = reader.mapping(item, what: "a diarienummer") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.diarienummer.keys, what: "a diarienummer")
            let at = reader.range(of: item)
            if let organisation = reader.requireKey("organisation", in: entry, what: "a diarienummer", fallback: at)
                .flatMap({ reader.string($0, key: "organisation") }),
                let number = reader.requireKey("number", in: entry, what: "a diarienummer", fallback: at)
                .flatMap({ reader.settingText($0, key: "number") }) {
                registrations.append(.init(organisation: organisation, number: number))
            }
        }
        return registrations
    }

    private static func readSenders(_ node: Node?, reader: inout YAMLReader) -> [RemissSettings.Sender] {
        guard let node, let list = reader.list(node, key: "senders") else { return [] }
        if list.isEmpty {
            reader.report(.missingRemissSender, "The remiss names no sender", at: reader.range(of: node),
                          notes: [DiagnosticNote("the letter says who sends the remiss and who signs it: give at least one sender with name")])
        }
        var senders: [RemissSettings.Sender] = []
        for item in list {
            guard let entry = reader.mapping(item, what: "a sender") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.sender.keys, what: "a sender")
            if let name = reader.requireKey("name", in: entry, what: "a sender", fallback: reader.range(of: item))
                .flatMap({ reader.string($0, key: "name") }) {
                senders.append(.init(name: name, signatory: entry.value("signatory").flatMap { readSignatory($0, reader: &reader) }))
            }
        }
        return senders
    }

    /// `signatory: {name, title}`: the letter is signed by a person, named with their title.
    private static func readSignatory(_ node: Node, reader: inout YAMLReader) -> RemissSettings.Signatory? {
        let what = "'signatory'"
        if case .scalar = node {
            reader.report(.wrongType, "Expected 'signatory' to be a mapping with name and title, found \(YAMLReader.shape(of: node))",
                          at: reader.range(of: node),
                          notes: [DiagnosticNote("the letter names who signs and their title: signatory: {name: …, title: …}; an unknown name may be a {placeholder: …}")])
            return nil
        }
        guard let entry = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(entry, allowed: FormatKeys.signatory.keys, what: what)
        let at = reader.range(of: node)
        let name = reader.requireKey("name", in: entry, what: what, fallback: at).flatMap { reader.settingText($0, key: "name") }
        let title = reader.requireKey("title", in: entry, what: what, fallback: at).flatMap { reader.settingText($0, key: "title") }
        guard let name, let title else { return nil }
        return .init(name: name, title: title)
    }

    /// At least one contact person, each with name, role and e-mail address.
    private static func readContacts(_ node: Node?, reader: inout YAMLReader) -> [RemissSettings.Person] {
        guard let node, let list = reader.list(node, key: "contacts") else { return [] }
        if list.isEmpty {
            reader.report(.missingRemissContact, "The remiss names no contact person", at: reader.range(of: node),
                          notes: [DiagnosticNote("consultees need someone to ask: give at least one contact with name, role and email")])
        }
        var contacts: [RemissSettings.Person] = []
        for item in list {
            guard let entry = reader.mapping(item, what: "a contact") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.contact.keys, what: "a contact")
            let at = reader.range(of: item)
            let fields = ["name", "role", "email"].map { key in
                reader.requireKey(key, in: entry, what: "a contact", fallback: at).flatMap { reader.settingText($0, key: key) }
            }
            guard let name = fields[0], let role = fields[1], let email = fields[2] else { continue }
            if !email.text.contains("@") || email.text.contains(" "), let emailNode = entry.value("email") {
                reader.report(.invalidValue, "'email' is not an e-mail address: '\(email)'", at: reader.range(of: emailNode))
            }
            contacts.append(.init(name: name, role: role, email: email,
                                  phone: entry.value("phone").flatMap { reader.settingText($0, key: "phone") }))
        }
        return contacts
    }

    /// `deadline: {date, time}`; `range` is the date's, for a diagnostic about the date.
    private static func readDeadline(
        _ node: Node?, reader: inout YAMLReader
    ) -> (date: CalendarDate?, time: RemissSettings.TimeOfDay?, range: SourceRange?) {
        guard let node, let entry = reader.mapping(node, what: "'deadline'") else { return (nil, nil, nil) }
        reader.rejectUnknownKeys(entry, allowed: FormatKeys.deadline.keys, what: "'deadline'")
        let at = reader.range(of: node)
        var deadline: (date: CalendarDate?, time: RemissSettings.TimeOfDay?, range: SourceRange?) = (nil, nil, nil)
        if let dateNode = reader.requireKey("date", in: entry, what: "'deadline'", fallback: at) {
            deadline.date = reader.date(dateNode, key: "date")
            deadline.range = reader.range(of: dateNode)
        }
        if let timeNode = reader.requireKey("time", in: entry, what: "'deadline'", fallback: at),
           let text = reader.string(timeNode, key: "time") {
            let parts = text.split(separator: ":").map { Int($0) }
            if parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour), (0...59).contains(minute) {
                deadline.time = .init(hour: hour, minute: minute)
            } else {
                reader.report(.invalidValue, "'time' must be a time of day as HH:MM, not '\(text)'", at: reader.range(of: timeNode))
            }
        }
        return deadline
    }

    private static func readAnswer(_ node: Node?, reader: inout YAMLReader) -> (email: SettingText?, postal: SettingText?) {
        guard let node, let entry = reader.mapping(node, what: "'answer'") else { return (nil, nil) }
        reader.rejectUnknownKeys(entry, allowed: FormatKeys.answer.keys, what: "'answer'")
        let email = reader.requireKey("email", in: entry, what: "'answer'", fallback: reader.range(of: node))
            .flatMap { reader.settingText($0, key: "email") }
        return (email, entry.value("postal").flatMap { reader.settingText($0, key: "postal") })
    }

    /// The consultee groups the remiss goes to; each must be a group of the consultee list, when there is one.
    private static func readGroups(_ node: Node?, consultees: Consultees?, reader: inout YAMLReader) -> [String] {
        guard let node, let list = reader.list(node, key: "consultees") else { return [] }
        if list.isEmpty {
            reader.report(.missingRemissConsultees, "The remiss goes to no consultee group", at: reader.range(of: node),
                          notes: [DiagnosticNote("the letter and the form list the consultees: give group IDs from \(Consultees.fileName)")])
        }
        var groups: [String] = []
        for item in list {
            guard let id = reader.string(item, key: "consultees item") else { continue }
            if let consultees, consultees.group(id) == nil {
                let near = Suggestions.nearest(to: id, in: consultees.groups.map(\.id))
                reader.report(.unknownConsulteeGroup, "Unknown consultee group '\(id)'", at: reader.range(of: item),
                              notes: [DiagnosticNote("groups in \(Consultees.fileName): \(consultees.groups.map(\.id).joined(separator: ", "))")],
                              fix: near.first.map { Fix("use '\($0)'", range: reader.range(of: item), replacement: $0) })
                continue
            }
            groups.append(id)
        }
        return groups
    }
}
