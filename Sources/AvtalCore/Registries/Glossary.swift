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
        let (forms, owners) = termForms
        return (PhraseIndex(forms), owners)
    }

    /// Every form of every term, and the position in `terms` of the term each belongs to.
    var termForms: (forms: [String], termOfForm: [Int]) {
        var forms: [String] = [], owners: [Int] = []
        for (position, term) in terms.enumerated() {
            for form in term.allForms {
                forms.append(form)
                owners.append(position)
            }
        }
        return (forms, owners)
    }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> Glossary? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the glossary"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.glossary.keys, what: what)
        var terms: [Term] = []
        for item in map.value("terms").flatMap({ reader.list($0, key: "terms") }) ?? [] {
            guard let entry = reader.mapping(item, what: "a term") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.term.keys, what: "a term")
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
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.avoidedWord.keys, what: "a word to avoid")
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
