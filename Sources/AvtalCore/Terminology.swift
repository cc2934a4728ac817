import Foundation
import Yams

/// `begrepp.yml`: the terms the parties share, and the words to avoid.
public struct Glossary: Sendable {
    public struct Term: Sendable, Hashable {
        public var id: String
        public var term: String
        public var abbreviation: String?
        /// Other word forms that count as a use of the term.
        public var forms: [String]
        public var definition: String
        public var source: String
        /// Words meaning the same that should be replaced by the term.
        public var avoid: [String]
        public var range: SourceRange

        public var allForms: [String] { [term] + forms }
    }

    public struct Avoided: Sendable, Hashable {
        public var word: String
        public var forms: [String]
        public var instead: String
        public var reason: String?
        public var range: SourceRange
    }

    public var terms: [Term]
    public var avoid: [Avoided]

    public static let fileName = "begrepp.yml"

    /// Every word to avoid (from the terms' `avoid` and the corpus-wide list) with what to write instead.
    var avoidedForms: [(form: String, instead: String)] {
        terms.flatMap { term in term.avoid.map { ($0, term.term) } }
            + avoid.flatMap { entry in ([entry.word] + entry.forms).map { ($0, entry.instead) } }
    }

    /// The avoided words, indexed; ids are positions in `avoidedForms`.
    public var avoidedIndex: PhraseIndex { PhraseIndex(avoidedForms.map(\.form)) }

    /// Every form of every term; `termOfForm[id]` is the term's position in `terms`.
    public var termIndex: (index: PhraseIndex, termOfForm: [Int]) {
        var forms: [String] = [], owners: [Int] = []
        for (position, term) in terms.enumerated() {
            for form in term.allForms {
                forms.append(form)
                owners.append(position)
            }
        }
        return (PhraseIndex(forms), owners)
    }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Glossary? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the glossary"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: ["terms", "avoid"], what: what)
        var terms: [Term] = []
        for item in map.value("terms").flatMap({ reader.list($0, key: "terms") }) ?? [] {
            guard let entry = reader.mapping(item, what: "a term") else { continue }
            reader.rejectUnknownKeys(entry, allowed: ["term", "abbreviation", "forms", "definition", "source", "avoid"], what: "a term")
            let at = reader.range(of: item)
            func need(_ key: String) -> String? {
                reader.requireKey(key, in: entry, what: "a term", fallback: at).flatMap { reader.string($0, key: key) }
            }
            guard let term = need("term"), let definition = need("definition"), let sourceText = need("source") else { continue }
            let termRange = entry.value("term").map { reader.range(of: $0) } ?? at
            terms.append(Term(
                id: Suggestions.clauseID(fromHeading: term), term: term,
                abbreviation: entry.value("abbreviation").flatMap { reader.string($0, key: "abbreviation") },
                forms: entry.value("forms").flatMap { reader.stringList($0, key: "forms") } ?? [],
                definition: definition, source: sourceText,
                avoid: entry.value("avoid").flatMap { reader.stringList($0, key: "avoid") } ?? [], range: termRange))
        }
        var avoid: [Avoided] = []
        for item in map.value("avoid").flatMap({ reader.list($0, key: "avoid") }) ?? [] {
            guard let entry = reader.mapping(item, what: "a word to avoid") else { continue }
            reader.rejectUnknownKeys(entry, allowed: ["word", "forms", "instead", "reason"], what: "a word to avoid")
            let at = reader.range(of: item)
            guard let word = reader.requireKey("word", in: entry, what: "a word to avoid", fallback: at)
                .flatMap({ reader.string($0, key: "word") }),
                let instead = reader.requireKey("instead", in: entry, what: "a word to avoid", fallback: at)
                .flatMap({ reader.string($0, key: "instead") })
            else { continue }
            avoid.append(Avoided(word: word, forms: entry.value("forms").flatMap { reader.stringList($0, key: "forms") } ?? [],
                                 instead: instead, reason: entry.value("reason").flatMap { reader.string($0, key: "reason") },
                                 range: at))
        }
        return Glossary(terms: terms, avoid: avoid)
    }
}

/// Finds many phrases in text at once, whole words and ignoring case: the text is split into
/// lower-cased words once, on its UTF-8 bytes, and phrases are looked up by their first word.
/// (Searching for each phrase with Foundation's case-insensitive `range(of:)`, or splitting on
/// `Character`s, made `avtal check` several times slower.)
public struct PhraseIndex: Sendable {
    /// First word → (the phrase's words, the phrase's number). Words are 64-bit FNV-1a hashes of their
    /// lower-cased bytes: no allocation per word of text.
    private var byFirstWord: [UInt64: [(words: [UInt64], id: Int)]] = [:]

    public init(_ phrases: [String]) {
        for (id, phrase) in phrases.enumerated() {
            let words = Self.words(in: phrase).map(\.word)
            guard let first = words.first else { continue }
            byFirstWord[first, default: []].append((words, id))
        }
    }

    /// Words as lower-cased UTF-8, with their byte offsets. Every non-ASCII byte counts as part of
    /// a word: in Swedish text those are letters (å, ä, ö, é); ASCII letters, digits and "-" too.
    static func words(in text: String) -> [(word: UInt64, range: Range<Int>)] {
        var out: [(word: UInt64, range: Range<Int>)] = []
        var hash: UInt64 = 0
        var length = 0
        var trailingDashes = 0
        var start = 0
        var previous: UInt8 = 0
        var offset = 0
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b >= 0x80 || b == 0x2D
        }
        for byte in text.utf8 {
            if isWordByte(byte), !(byte == 0x2D && length == 0) {
                if length == 0 {
                    start = offset
                    hash = 0xcbf2_9ce4_8422_2325
                }
                // A dash counts only inside a word: it is hashed when a letter follows it.
                if byte == 0x2D {
                    trailingDashes += 1
                } else {
                    for _ in 0..<trailingDashes { hash = (hash ^ 0x2D) &* 0x100_0000_01b3 }
                    trailingDashes = 0
                    var lowered = byte
                    if byte >= 0x41 && byte <= 0x5A { lowered = byte + 0x20 }
                    // Latin-1 capitals (À–Þ but ×) are C3 80–C3 9E in UTF-8; their small letters are 0x20 higher.
                    if previous == 0xC3, byte >= 0x80, byte <= 0x9E, byte != 0x97 { lowered = byte + 0x20 }
                    hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01b3
                }
                length += 1
            } else if length > 0 {
                out.append((hash, start..<(start + length - trailingDashes)))
                length = 0
                trailingDashes = 0
            }
            previous = byte
            offset += 1
        }
        if length > 0 { out.append((hash, start..<(start + length - trailingDashes))) }
        return out
    }

    /// Every occurrence: the phrase's number and where it is in `text`.
    public func matches(in text: String) -> [(id: Int, range: Range<String.Index>)] {
        let words = Self.words(in: text)
        var found: [(Int, Range<String.Index>)] = []
        for (position, entry) in words.enumerated() {
            guard let candidates = byFirstWord[entry.word] else { continue }
            for candidate in candidates where position + candidate.words.count <= words.count {
                if zip(candidate.words, words[position...]).allSatisfy({ $0 == $1.word }) {
                    let utf8 = text.utf8
                    let lower = utf8.index(utf8.startIndex, offsetBy: entry.range.lowerBound)
                    let upper = utf8.index(utf8.startIndex, offsetBy: words[position + candidate.words.count - 1].range.upperBound)
                    found.append((candidate.id, lower..<upper))
                }
            }
        }
        return found
    }
}

/// Whole-word, case-insensitive occurrences of phrases in text.
public enum WordFinder {
    public static func ranges(of phrase: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = text.startIndex
        while let range = text.range(of: phrase, options: [.caseInsensitive], range: start..<text.endIndex) {
            let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
            let after = range.upperBound == text.endIndex ? nil : text[range.upperBound]
            let isWord = { (c: Character?) in c.map { $0.isLetter || $0.isNumber || $0 == "-" } ?? false }
            if !isWord(before), !isWord(after) { found.append(range) }
            start = range.upperBound
        }
        return found
    }
}

/// `externa-dokument.yml`: documents the agreements point to but do not contain, referred to as
/// `[](ext:kok-boken)`.
public struct ExternalDocuments: Sendable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var title: String
        public var description: String?
        public var url: String
    }

    public var documents: [Entry]
    public static let fileName = "externa-dokument.yml"
    public static let scheme = "ext:"

    public func document(_ id: String) -> Entry? { documents.first { $0.id == id } }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> ExternalDocuments? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the external documents"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: ["documents"], what: what)
        var documents: [Entry] = []
        for item in map.value("documents").flatMap({ reader.list($0, key: "documents") }) ?? [] {
            guard let entry = reader.mapping(item, what: "an external document") else { continue }
            reader.rejectUnknownKeys(entry, allowed: ["id", "title", "description", "url"], what: "an external document")
            let at = reader.range(of: item)
            guard let id = reader.requireKey("id", in: entry, what: "an external document", fallback: at).flatMap({ reader.id($0, key: "id") }),
                  let title = reader.requireKey("title", in: entry, what: "an external document", fallback: at)
                      .flatMap({ reader.string($0, key: "title") }),
                  let urlNode = reader.requireKey("url", in: entry, what: "an external document", fallback: at),
                  let url = reader.string(urlNode, key: "url")
            else { continue }
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                reader.report(.invalidValue, "'url' must be an http(s) address, not '\(url)'", at: reader.range(of: urlNode))
                continue
            }
            documents.append(Entry(id: id, title: title,
                                   description: entry.value("description").flatMap { reader.string($0, key: "description") }, url: url))
        }
        return ExternalDocuments(documents: documents)
    }
}

/// A patient case (`patientfall/<id>.md`): a short story that shows how clauses apply.
public struct PatientCase: Sendable {
    public var id: String
    public var title: String
    public var theme: String
    public var themeRange: SourceRange
    /// The clauses it illustrates, with where each is written.
    public var illustrates: [(target: Target, range: SourceRange)]
    /// The text, parsed like a document without clauses: references, words, source.
    public var document: Document

    public static let folder = "patientfall"
}

enum PatientCaseReader {
    static let keys = ["id", "title", "theme", "illustrates"]

    static func read(_ source: SourceFile, links: LinkContext, diagnostics: inout [Diagnostic]) -> PatientCase? {
        let name = String(source.path.split(separator: "/").last?.dropLast(3) ?? "")
        let entry = Manifest.Entry(id: name, file: source.path, kind: .appendix, idRange: .file(source.path),
                                   fileRange: .file(source.path))
        var parser = DocumentParser(entry: entry, source: source, links: links)
        let (yaml, closing, document) = parser.parseWithoutClauses()
        diagnostics += parser.diagnostics
        guard let yaml, let closing else { return nil }
        var reader = YAMLReader(file: source, lineOffset: 1)
        defer { diagnostics += reader.diagnostics }
        let what = "the patient case"
        let fallback = source.range(line: 1, column: 1, length: 3)
        _ = closing
        guard let node = reader.compose(yaml), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: keys, what: what)
        func need(_ key: String) -> Node? { reader.requireKey(key, in: map, what: what, fallback: fallback) }
        let idNode = need("id")
        let id = idNode.flatMap { reader.id($0, key: "id") }
        if let id, let idNode, id != name {
            reader.report(.invalidValue, "Patient case ID '\(id)' differs from its file name '\(name).md'", at: reader.range(of: idNode),
                          fix: Fix("use the file name", range: reader.range(of: idNode), replacement: name))
        }
        let title = need("title").flatMap { reader.string($0, key: "title") }
        let themeNode = need("theme")
        let theme = themeNode.flatMap { reader.string($0, key: "theme") }
        var illustrates: [(Target, SourceRange)] = []
        if let list = need("illustrates").flatMap({ reader.list($0, key: "illustrates") }) {
            if list.isEmpty { reader.report(.invalidValue, "'illustrates' is empty: name the clauses the case shows", at: fallback) }
            for item in list {
                guard let text = reader.string(item, key: "illustrates item") else { continue }
                guard let target = Target(text), target.clause != nil else {
                    reader.report(.malformedReference, "'\(text)' is not 'document-id#clause-id'", at: reader.range(of: item))
                    continue
                }
                illustrates.append((target, reader.range(of: item)))
            }
        }
        guard let id, let title, let theme else { return nil }
        return PatientCase(id: id, title: title, theme: theme, themeRange: themeNode.map { reader.range(of: $0) } ?? fallback,
                           illustrates: illustrates, document: document)
    }
}
