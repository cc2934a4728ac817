/// The keys of one YAML mapping that avtal reads, and the heading under which docs/format.md lists
/// them ("Every key, file by file").
package struct KeySet: Sendable {
    package let heading: String
    package let keys: [String]

    init(_ heading: String, _ keys: [String]) {
        self.heading = heading
        self.keys = keys
    }
}

/// Every key of every mapping in every file avtal reads. The readers accept these and reject any
/// other key [AV101]; a test holds docs/format.md to this list, so that no accepted key goes
/// undocumented. Mappings whose keys are IDs (`aliases`, `retired`, `dispositions`) have no fixed keys.
package enum FormatKeys {
    package static let manifest = KeySet("agreement.yml", [
        "title", "parties", "publisher", "contact", "accessibility", "statute-url", "themes", "documents", "ignore", "aliases",
        "retired", "kinds",
    ])
    package static let manifestContact = KeySet("agreement.yml: contact", ["name", "email", "phone"])
    package static let accessibility = KeySet("agreement.yml: accessibility", [
        "status", "assessed-on", "updated-on", "method", "tools", "not-accessible", "outside-scope", "disproportionate-burden",
    ])
    package static let accessibilityItem = KeySet("agreement.yml: an entry of not-accessible, outside-scope or disproportionate-burden",
                                                  ["content", "reason"])
    package static let manifestDocument = KeySet("agreement.yml: an entry of documents", ["id", "file", "kind", "label", "numbering", "lang"])
    package static let manifestTheme = KeySet("agreement.yml: an entry of themes", ["id", "title"])
    package static let manifestKind = KeySet("agreement.yml: an entry of kinds",
                                             ["id", "label", "definite", "plural", "definite-plural", "neuter", "label-en"])
    package static let frontMatter = KeySet("A document's front matter",
                                            ["id", "kind"] + FrontMatterField.patchable.map(\.rawValue)
                                                + ["valid-until-further-notice", "legal-basis", FrontMatter.referenceNameKey])
    package static let versions = KeySet("versions.yml", ["versions"])
    package static let version = KeySet("versions.yml: an entry of versions",
                                        ["id", "title", "status", "published-on", "base", "patches", "numbering"])
    package static let patch = KeySet("patches/<id>.yml", [
        "id", "kind", "title", "decided-by", "decided-on", "in-force-from", "reference", "rationale", "changes",
    ])
    package static let operations = ["replace", "set-text", "set-heading", "insert", "delete", "move", "rename-id", "set-metadata"]
    package static let change = KeySet("patches/<id>.yml: an entry of changes",
                                       ["target", "with", "expect", "expect-sha256", "after", "before", "into"] + operations)
    package static let insert = KeySet("patches/<id>.yml: insert", ["id", "heading", "text"])
    package static let statutes = KeySet("forfattningar.yml", ["statutes"])
    package static let statute = KeySet("forfattningar.yml: an entry of statutes", [
        "sfs", "title", "abbreviations", "names", "in-force", "repealed-on", "replaced-by", "paragraphs",
    ])
    package static let glossary = KeySet("begrepp.yml", ["terms", "avoid"])
    package static let term = KeySet("begrepp.yml: an entry of terms", ["term", "abbreviation", "forms", "definition", "source", "avoid"])
    package static let avoidedWord = KeySet("begrepp.yml: an entry of avoid", ["word", "forms", "instead", "reason"])
    package static let externalDocuments = KeySet("externa-dokument.yml", ["documents"])
    package static let externalDocument = KeySet("externa-dokument.yml: an entry of documents", ["id", "title", "description", "url"])
    package static let patientCase = KeySet("patientfall/<id>.md: front matter", ["id", "title", "theme", "illustrates"])
    package static let consultees = KeySet("remissinstanser.yml", ["groups"])
    package static let consulteeGroup = KeySet("remissinstanser.yml: an entry of groups", ["id", "title", "kommunalforbund", "members"])
    package static let consultee = KeySet("remissinstanser.yml: an entry of members", ["id", "name"])
    package static let remiss = KeySet("remiss/<version>.yml", [
        "title", "diarienummer", "senders", "contacts", "opens", "deadline", "late", "answer", "consultees",
    ])
    package static let diarienummer = KeySet("remiss/<version>.yml: an entry of diarienummer", ["organisation", "number"])
    package static let sender = KeySet("remiss/<version>.yml: an entry of senders", ["name", "signatory"])
    package static let signatory = KeySet("remiss/<version>.yml: signatory", ["name", "title"])
    package static let contact = KeySet("remiss/<version>.yml: an entry of contacts", ["name", "role", "email", "phone"])
    package static let deadline = KeySet("remiss/<version>.yml: deadline", ["date", "time"])
    package static let answer = KeySet("remiss/<version>.yml: answer", ["email", "postal"])
    package static let dispositions = KeySet("remissvar/<version>/dispositions.yml", ["dispositions"])
    package static let disposition = KeySet("remissvar/<version>/dispositions.yml: a disposition",
                                            ["disposition", "motivation", "carried-by"])

    package static let agreed = KeySet("agreed.yml", ["agreements"])
    package static let agreedEntry = KeySet("agreed.yml: an entry of agreements", ["clause", "by", "on", "note", "sha256", "text"])
    package static let all: [KeySet] = [
        manifest, manifestContact, accessibility, accessibilityItem, manifestDocument, manifestTheme, manifestKind, frontMatter,
        versions, version, patch, change, insert,
        statutes, statute, glossary, term, avoidedWord, externalDocuments, externalDocument, patientCase,
        consultees, consulteeGroup, consultee, remiss, diarienummer, sender, signatory, contact, deadline, answer,
        dispositions, disposition, agreed, agreedEntry,
    ]
}
