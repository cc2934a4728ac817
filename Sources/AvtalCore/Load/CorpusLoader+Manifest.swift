import Yams

/// Reading `agreement.yml`: each section of the manifest has its own reader, called in the order the
/// diagnostics have always come in.
extension CorpusLoader {
    static let manifestKeys = FormatKeys.manifest.keys
    static let contactKeys = FormatKeys.manifestContact.keys
    static let entryKeys = FormatKeys.manifestDocument.keys

    /// `isWorking` is false for a published snapshot's copy, which keeps only what its text needs.
    static func readManifest(_ source: SourceFile, files: Set<String>, isWorking: Bool = true,
                             diagnostics: inout [Diagnostic]) -> Manifest? {
        var reader = YAMLReader(file: source)
        defer { diagnostics += reader.diagnostics }
        let what = "the manifest"
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text) else {
            if reader.diagnostics.isEmpty { reader.report(.missingKey, "The manifest is empty", at: fallback) }
            return nil
        }
        guard let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: manifestKeys, what: what)

        let title = reader.requireKey("title", in: map, what: what, fallback: fallback)
            .flatMap { reader.string($0, key: "title") }
        let parties = reader.requireKey("parties", in: map, what: what, fallback: fallback)
            .flatMap { reader.stringList($0, key: "parties") }
        let ignore = map.value("ignore").flatMap { reader.stringList($0, key: "ignore") } ?? []
        let publisher = map.value("publisher").flatMap { reader.string($0, key: "publisher") }
        let statuteURL = readStatuteURL(map, reader: &reader)
        let themes = readThemes(map, reader: &reader)
        let contact = readContact(map, fallback: fallback, reader: &reader)
        let accessibility = isWorking ? readAccessibility(map, reader: &reader) : nil
        let aliases = readAliases(map, reader: &reader)
        let retired = readRetired(map, reader: &reader)
        let kinds = readKinds(map, reader: &reader)
        guard let documentsNode = reader.requireKey("documents", in: map, what: what, fallback: fallback) else { return nil }
        guard case let .sequence(sequence) = documentsNode else {
            reader.report(.wrongType, "Expected 'documents' to be a list, found \(YAMLReader.shape(of: documentsNode))",
                          at: reader.range(of: documentsNode))
            return nil
        }
        let (entries, mentionedFiles) = readEntries(sequence, files: files, kinds: kinds, reader: &reader)
        guard let title, let parties else { return nil }
        if contact == nil, map.value("contact") == nil, isWorking {
            reader.report(.missingSiteContact, "The manifest names no contact for readers", at: reader.range(of: map.node),
                          notes: [DiagnosticNote("the site's accessibility statement tells readers whom to contact: add 'contact' with name and email")])
        }
        return Manifest(title: title, parties: parties, documents: entries, mentionedFiles: mentionedFiles, ignore: ignore,
                        themes: themes, statuteURL: statuteURL, publisher: publisher, contact: contact,
                        accessibility: accessibility, aliases: aliases, retired: retired, kinds: kinds)
    }

    private static func readStatuteURL(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> String? {
        guard let node = map.value("statute-url"), let url = reader.string(node, key: "statute-url") else { return nil }
        if url.contains("{sfs}"), url.hasPrefix("https://") || url.hasPrefix("http://") { return url }
        reader.report(.invalidValue, "'statute-url' must be an http(s) address with {sfs} where the SFS number goes",
                      at: reader.range(of: node))
        return nil
    }

    private static func readThemes(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> [Theme] {
        guard let node = map.value("themes"), let items = reader.list(node, key: "themes") else { return [] }
        var themes: [Theme] = []
        for item in items {
            guard let (id, idRange, title) = reader.idEntry(item, keys: FormatKeys.manifestTheme, what: "a theme") else { continue }
            if let first = themes.first(where: { $0.id == id }) {
                reader.report(.invalidValue, "Theme '\(id)' is listed twice", at: idRange,
                              notes: [DiagnosticNote("first listed here", at: first.range)])
                continue
            }
            themes.append(Theme(id: id, title: title, range: idRange))
        }
        return themes
    }

    private static func readContact(_ map: YAMLReader.Mapping, fallback: SourceRange, reader: inout YAMLReader) -> Contact? {
        guard let node = map.value("contact"), let contactMap = reader.mapping(node, what: "'contact'") else { return nil }
        reader.rejectUnknownKeys(contactMap, allowed: contactKeys, what: "'contact'")
        guard let name = reader.requireKey("name", in: contactMap, what: "'contact'", fallback: fallback)
            .flatMap({ reader.settingText($0, key: "name") }) else { return nil }
        let email = contactMap.value("email").flatMap { reader.settingText($0, key: "email") }
        if let email, let emailNode = contactMap.value("email"), !email.text.contains("@") || email.text.contains(" ") {
            reader.report(.invalidValue, "'email' is not an e-mail address: '\(email)'", at: reader.range(of: emailNode))
        }
        return Contact(name: name, email: email, phone: contactMap.value("phone").flatMap { reader.settingText($0, key: "phone") })
    }

    /// Old clause IDs and where they went: `document-id#old-id: new-id`.
    private static func readAliases(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> [String: String] {
        guard let node = map.value("aliases"), let aliasMap = reader.mapping(node, what: "'aliases'") else { return [:] }
        var aliases: [String: String] = [:]
        for (key, keyNode, value) in aliasMap.pairs {
            guard let target = Target(key), target.clause != nil else {
                reader.report(.invalidValue, "Alias '\(key)' is not 'document-id#clause-id'", at: reader.range(of: keyNode))
                continue
            }
            guard let newID = reader.string(value, key: key) else { continue }
            guard Suggestions.isValidID(newID) else {
                reader.report(.malformedID, "Clause ID '\(newID)' is malformed: use lower-case a–z, digits and single dashes",
                              at: reader.range(of: value))
                continue
            }
            aliases[key] = newID
        }
        return aliases
    }

    /// Clause IDs that are gone for good, as `document-id#clause-id`.
    private static func readRetired(_ map: YAMLReader.Mapping, reader: inout YAMLReader) -> [String: SourceRange] {
        guard let node = map.value("retired") else { return [:] }
        guard case let .sequence(items) = node else {
            reader.report(.wrongType, "Expected 'retired' to be a list, found \(YAMLReader.shape(of: node))", at: reader.range(of: node))
            return [:]
        }
        var retired: [String: SourceRange] = [:]
        for item in items {
            guard let key = reader.string(item, key: "retired item") else { continue }
            guard let target = Target(key), target.clause != nil else {
                reader.report(.invalidValue, "Retired ID '\(key)' is not 'document-id#clause-id'", at: reader.range(of: item))
                continue
            }
            retired[key] = reader.range(of: item)
        }
        return retired
    }

    /// The document list: entries in order, skipping one whose ID or file is already listed. Every
    /// file named counts as mentioned, even in an entry that is skipped.
    private static func readEntries(_ sequence: Node.Sequence, files: Set<String>, kinds: [DocumentKind],
                                    reader: inout YAMLReader) -> ([Manifest.Entry], Set<String>) {
        var entries: [Manifest.Entry] = []
        var firstByID: [String: Manifest.Entry] = [:]
        var firstByFile: [String: Manifest.Entry] = [:]
        var mentionedFiles = Set<String>()
        for item in sequence {
            guard let entry = readEntry(item, kinds: kinds, mentionedFiles: &mentionedFiles, reader: &reader) else { continue }
            if let first = firstByID[entry.id] {
                reader.report(.duplicateDocumentID, "Document ID '\(entry.id)' is listed twice", at: entry.idRange,
                              notes: [DiagnosticNote("first listed here", at: first.idRange)])
                continue
            }
            firstByID[entry.id] = entry
            if let first = firstByFile[entry.file] {
                reader.report(.duplicateDocumentFile, "File '\(entry.file)' is listed for both '\(first.id)' and '\(entry.id)'",
                              at: entry.fileRange, notes: [DiagnosticNote("first listed here", at: first.fileRange)])
                continue
            }
            firstByFile[entry.file] = entry
            if !files.contains(entry.file) {
                let candidates = files.filter { $0.hasSuffix(".md") }
                let near = Suggestions.nearest(to: entry.file, in: candidates).first
                reader.report(.documentFileMissing, "Document '\(entry.id)' is listed but '\(entry.file)' does not exist",
                              at: entry.fileRange,
                              fix: near.map { Fix("use '\($0)'", range: entry.fileRange, replacement: $0) })
            }
            entries.append(entry)
        }
        return (entries, mentionedFiles)
    }

    /// One `{id, file, kind}` entry, or nil when a key is missing or unreadable.
    private static func readEntry(_ item: Node, kinds: [DocumentKind], mentionedFiles: inout Set<String>,
                                  reader: inout YAMLReader) -> Manifest.Entry? {
        let entryWhat = "a document entry"
        guard let entryMap = reader.mapping(item, what: entryWhat) else { return nil }
        reader.rejectUnknownKeys(entryMap, allowed: entryKeys, what: entryWhat)
        let entryRange = reader.range(of: item)
        let idNode = reader.requireKey("id", in: entryMap, what: entryWhat, fallback: entryRange)
        let fileNode = reader.requireKey("file", in: entryMap, what: entryWhat, fallback: entryRange)
        let id = idNode.flatMap { reader.string($0, key: "id") }
        let file = fileNode.flatMap { reader.string($0, key: "file") }
        if let file { mentionedFiles.insert(normalize(file)) }
        let kind = reader.requireKey("kind", in: entryMap, what: entryWhat, fallback: entryRange)
            .flatMap { readKind($0, declared: kinds, reader: &reader) }
        guard let id, let file, let kind, let idNode, let fileNode else { return nil }
        var entry = Manifest.Entry(id: id, file: normalize(file), kind: kind,
                                   idRange: reader.range(of: idNode), fileRange: reader.range(of: fileNode))
        readPresentation(entryMap, into: &entry, reader: &reader)
        if !Suggestions.isValidID(id) {
            let proposal = Suggestions.clauseID(fromHeading: id)
            reader.report(.malformedID, "Document ID '\(id)' is malformed: use lower-case a–z, digits and single dashes",
                          at: entry.idRange, fix: Fix("use '\(proposal)'", range: entry.idRange, replacement: proposal))
        }
        return entry
    }

    /// How the document is named, numbered and labelled: `label`, `numbering`, `lang`.
    private static func readPresentation(_ map: YAMLReader.Mapping, into entry: inout Manifest.Entry, reader: inout YAMLReader) {
        if let node = map.value("label"), let label = reader.string(node, key: "label") {
            entry.label = label.trimmingCharacters(in: .whitespaces).isEmpty ? nil : label
        }
        if let node = map.value("numbering"), let style = reader.oneOf(node, key: "numbering", as: NumberingStyle.self) {
            entry.numbering = style
        }
        if let node = map.value("lang"), let lang = reader.oneOf(node, key: "lang", as: LabelLanguage.self) {
            entry.lang = lang
        }
    }

    private static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
