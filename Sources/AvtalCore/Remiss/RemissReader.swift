import Foundation
import Yams

enum RemissReader {
    static let keys = ["title", "diarienummer", "senders", "contacts", "opens", "deadline", "answer", "consultees"]

    static func readConsultees(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Consultees? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the consultees"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: ["groups"], what: what)
        guard let groupsNode = reader.requireKey("groups", in: map, what: what, fallback: fallback),
              let groupNodes = reader.list(groupsNode, key: "groups")
        else { return nil }
        var groups: [Consultees.Group] = []
        var seen: [String: SourceRange] = [:]
        for item in groupNodes {
            guard let group = reader.mapping(item, what: "a consultee group") else { continue }
            reader.rejectUnknownKeys(group, allowed: ["id", "title", "kommunalforbund", "members"], what: "a consultee group")
            let at = reader.range(of: item)
            guard let idNode = reader.requireKey("id", in: group, what: "a consultee group", fallback: at),
                  let id = reader.id(idNode, key: "id"),
                  let title = reader.requireKey("title", in: group, what: "a consultee group", fallback: at)
                      .flatMap({ reader.string($0, key: "title") }),
                  let membersNode = reader.requireKey("members", in: group, what: "a consultee group", fallback: at),
                  let memberNodes = reader.list(membersNode, key: "members")
            else { continue }
            var members: [Consultees.Member] = []
            for memberItem in memberNodes {
                guard let (memberID, range, name) = reader.idEntry(memberItem, textKey: "name", what: "a consultee") else { continue }
                if let first = seen[memberID] {
                    reader.report(.duplicateConsultee, "Consultee ID '\(memberID)' is used twice", at: range,
                                  notes: [DiagnosticNote("first used here", at: first)])
                    continue
                }
                seen[memberID] = range
                members.append(.init(id: memberID, name: name))
            }
            let range = reader.range(of: idNode)
            if let first = seen[id] {
                reader.report(.duplicateConsultee, "Consultee group ID '\(id)' is used twice", at: range,
                              notes: [DiagnosticNote("first used here", at: first)])
                continue
            }
            seen[id] = range
            groups.append(.init(id: id, title: title,
                                kommunalforbund: group.value("kommunalforbund").flatMap { reader.string($0, key: "kommunalforbund") },
                                members: members, idRange: range))
        }
        return Consultees(groups: groups)
    }

    static func readSettings(_ source: SourceFile, version: String, consultees: Consultees?,
                             diagnostics: inout [Diagnostic]) -> RemissSettings? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the remiss settings"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: keys, what: what)
        func need(_ key: String) -> Node? { reader.requireKey(key, in: map, what: what, fallback: fallback) }

        let title = need("title").flatMap { reader.string($0, key: "title") }
        var registrations: [RemissSettings.Registration] = []
        if let list = need("diarienummer").flatMap({ reader.list($0, key: "diarienummer") }) {
            for item in list {
                guard let entry = reader.mapping(item, what: "a diarienummer") else { continue }
                reader.rejectUnknownKeys(entry, allowed: ["organisation", "number"], what: "a diarienummer")
                let at = reader.range(of: item)
                if let organisation = reader.requireKey("organisation", in: entry, what: "a diarienummer", fallback: at)
                    .flatMap({ reader.string($0, key: "organisation") }),
                    let number = reader.requireKey("number", in: entry, what: "a diarienummer", fallback: at)
                    .flatMap({ reader.string($0, key: "number") }) {
                    registrations.append(.init(organisation: organisation, number: number))
                }
            }
        }
        var senders: [RemissSettings.Sender] = []
        if let list = need("senders").flatMap({ reader.list($0, key: "senders") }) {
            for item in list {
                guard let entry = reader.mapping(item, what: "a sender") else { continue }
                reader.rejectUnknownKeys(entry, allowed: ["name", "signatory"], what: "a sender")
                if let name = reader.requireKey("name", in: entry, what: "a sender", fallback: reader.range(of: item))
                    .flatMap({ reader.string($0, key: "name") }) {
                    senders.append(.init(name: name, signatory: entry.value("signatory").flatMap { reader.string($0, key: "signatory") }))
                }
            }
        }
        var contacts: [RemissSettings.Person] = []
        let contactsNode = need("contacts")
        if let contactsNode, let list = reader.list(contactsNode, key: "contacts") {
            if list.isEmpty {
                reader.report(.missingRemissContact, "The remiss names no contact person", at: reader.range(of: contactsNode),
                              notes: [DiagnosticNote("consultees need someone to ask: give at least one contact with name, role and email")])
            }
            for item in list {
                guard let entry = reader.mapping(item, what: "a contact") else { continue }
                reader.rejectUnknownKeys(entry, allowed: ["name", "role", "email", "phone"], what: "a contact")
                let at = reader.range(of: item)
                let fields = ["name", "role", "email"].map { key in
                    reader.requireKey(key, in: entry, what: "a contact", fallback: at).flatMap { reader.string($0, key: key) }
                }
                guard let name = fields[0], let role = fields[1], let email = fields[2] else { continue }
                if !email.contains("@") || email.contains(" "), let emailNode = entry.value("email") {
                    reader.report(.invalidValue, "'email' is not an e-mail address: '\(email)'", at: reader.range(of: emailNode))
                }
                contacts.append(.init(name: name, role: role, email: email,
                                      phone: entry.value("phone").flatMap { reader.string($0, key: "phone") }))
            }
        }
        let opensNode = need("opens")
        let opens = opensNode.flatMap { reader.date($0, key: "opens") }
        var deadline: CalendarDate?
        var deadlineTime: RemissSettings.TimeOfDay?
        var deadlineRange = fallback
        if let deadlineNode = need("deadline"), let entry = reader.mapping(deadlineNode, what: "'deadline'") {
            reader.rejectUnknownKeys(entry, allowed: ["date", "time"], what: "'deadline'")
            let at = reader.range(of: deadlineNode)
            if let dateNode = reader.requireKey("date", in: entry, what: "'deadline'", fallback: at) {
                deadline = reader.date(dateNode, key: "date")
                deadlineRange = reader.range(of: dateNode)
            }
            if let timeNode = reader.requireKey("time", in: entry, what: "'deadline'", fallback: at),
               let text = reader.string(timeNode, key: "time") {
                let parts = text.split(separator: ":").map { Int($0) }
                if parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour), (0...59).contains(minute) {
                    deadlineTime = .init(hour: hour, minute: minute)
                } else {
                    reader.report(.invalidValue, "'time' must be a time of day as HH:MM, not '\(text)'", at: reader.range(of: timeNode))
                }
            }
        }
        if let opens, let deadline, deadline <= opens {
            reader.report(.remissDeadlineBeforeOpening, "The deadline \(deadline) is not after the opening date \(opens)",
                          at: deadlineRange,
                          notes: [DiagnosticNote("the remiss opens here", at: opensNode.map { reader.range(of: $0) })])
        }
        var answerEmail: String?
        var answerPostal: String?
        if let answerNode = need("answer"), let entry = reader.mapping(answerNode, what: "'answer'") {
            reader.rejectUnknownKeys(entry, allowed: ["email", "postal"], what: "'answer'")
            answerEmail = reader.requireKey("email", in: entry, what: "'answer'", fallback: reader.range(of: answerNode))
                .flatMap { reader.string($0, key: "email") }
            answerPostal = entry.value("postal").flatMap { reader.string($0, key: "postal") }
        }
        var groups: [String] = []
        if let list = need("consultees").flatMap({ reader.list($0, key: "consultees") }) {
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
        }
        guard let title, let opens, let deadline, let deadlineTime, let answerEmail, !contacts.isEmpty,
              reader.diagnostics.isEmpty else { return nil }
        return RemissSettings(version: version, title: title, diarienummer: registrations, senders: senders,
                              contacts: contacts, opens: opens, deadline: deadline, deadlineTime: deadlineTime,
                              answerEmail: answerEmail, answerPostal: answerPostal, consultees: groups, source: source)
    }
}

extension YAMLReader {
    mutating func list(_ node: Node, key: String) -> [Node]? {
        guard case let .sequence(sequence) = node else {
            report(.wrongType, "Expected '\(key)' to be a list, found \(Self.shape(of: node))", at: range(of: node))
            return nil
        }
        return Array(sequence)
    }

    /// An entry of exactly an `id` and one text (`name`, `title`): themes, consultees.
    mutating func idEntry(_ item: Node, textKey: String, what: String) -> (id: String, idRange: SourceRange, text: String)? {
        guard let entry = mapping(item, what: what) else { return nil }
        rejectUnknownKeys(entry, allowed: ["id", textKey], what: what)
        let at = range(of: item)
        guard let idNode = requireKey("id", in: entry, what: what, fallback: at), let id = id(idNode, key: "id"),
              let text = requireKey(textKey, in: entry, what: what, fallback: at).flatMap({ string($0, key: textKey) })
        else { return nil }
        return (id, range(of: idNode), text)
    }

    mutating func id(_ node: Node, key: String) -> String? {
        guard let value = string(node, key: key) else { return nil }
        guard Suggestions.isValidID(value) else {
            report(.malformedID, "ID '\(value)' is malformed: use lower-case a–z, digits and single dashes", at: range(of: node))
            return nil
        }
        return value
    }
}
