import AvtalMarkdown
import Foundation
import Yams

/// A statute as the registry (`forfattningar.yml`) records it.
public struct Statute: Sendable, Hashable {
    public var sfs: String
    public var title: String
    public var abbreviations: [String]
    /// The definite forms citations use: "hälso- och sjukvårdslagen", "lagen om samverkan vid …".
    public var names: [String]
    public var inForce: CalendarDate
    public var repealedOn: CalendarDate?
    public var replacedBy: String?
    /// "16 kap. 3 §", "8 a §"; empty when not known (then paragraphs are not checked).
    public var paragraphs: Set<String>

    /// "hälso- och sjukvårdslagen (2017:30)", as a first mention writes it.
    public var citationName: String {
        let name = names.first ?? title.lowercased()
        if name.hasPrefix("lagen ") { return "lagen (\(sfs))" + name.dropFirst(5) }
        return "\(name) (\(sfs))"
    }

    public var hasChapters: Bool { paragraphs.contains { $0.contains("kap.") } }
}

public struct StatuteRegistry: Sendable {
    public var statutes: [Statute]
    public static let fileName = "forfattningar.yml"

    public func statute(sfs: String) -> Statute? { statutes.first { $0.sfs == sfs } }

    func statutes(abbreviation: String) -> [Statute] { statutes.filter { $0.abbreviations.contains(abbreviation) } }

    /// The statute a name stands for; a name shared by an old and a new statute (socialtjänstlagen)
    /// means the one in force on `date`.
    func statute(name: String, on date: CalendarDate?) -> Statute? {
        let lower = name.lowercased()
        return pick(statutes.filter { $0.names.contains(lower) }, on: date)
    }

    func pick(_ candidates: [Statute], on date: CalendarDate?) -> Statute? {
        guard candidates.count > 1, let date else { return candidates.first }
        return candidates.first { $0.inForce <= date && ($0.repealedOn.map { $0 > date } ?? true) }
            ?? candidates.max { $0.inForce < $1.inForce }
    }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> StatuteRegistry? {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "the statute registry"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else { return nil }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.statutes.keys, what: what)
        guard let list = reader.requireKey("statutes", in: map, what: what, fallback: .file(source.path))
            .flatMap({ reader.list($0, key: "statutes") }) else { return nil }
        var statutes: [Statute] = []
        for item in list {
            guard let entry = reader.mapping(item, what: "a statute") else { continue }
            reader.rejectUnknownKeys(entry, allowed: FormatKeys.statute.keys, what: "a statute")
            let at = reader.range(of: item)
            func need(_ key: String) -> Node? { reader.requireKey(key, in: entry, what: "a statute", fallback: at) }
            guard let sfs = need("sfs").flatMap({ reader.string($0, key: "sfs") }),
                  let title = need("title").flatMap({ reader.string($0, key: "title") }),
                  let names = need("names").flatMap({ reader.stringList($0, key: "names") }),
                  let inForce = need("in-force").flatMap({ reader.date($0, key: "in-force") })
            else { continue }
            statutes.append(Statute(
                sfs: sfs, title: title,
                abbreviations: entry.value("abbreviations").flatMap { reader.stringList($0, key: "abbreviations") } ?? [],
                names: names.map { $0.lowercased() }, inForce: inForce,
                repealedOn: entry.value("repealed-on").flatMap { reader.date($0, key: "repealed-on") },
                replacedBy: entry.value("replaced-by").flatMap { reader.string($0, key: "replaced-by") },
                paragraphs: Set(entry.value("paragraphs").flatMap { reader.stringList($0, key: "paragraphs") } ?? [])))
        }
        return StatuteRegistry(statutes: statutes)
    }
}

/// Finds Swedish statute citations in plain text. Built once per registry: the statutes' names are
/// part of the patterns.
public struct CitationRecognizer: @unchecked Sendable {
    // NSRegularExpression (ICU) rather than Swift's Regex: the patterns need lookbehind. The
    // expressions are immutable once built and only read, hence @unchecked Sendable.
    static let ordinals = "första|andra|tredje|fjärde|femte|sjätte|sjunde|åttonde|nionde|tionde"

    public let registry: StatuteRegistry
    /// Paragraph citations: "16 kap. 1 § andra stycket", "6 kap. 12–14 §§", "7 kap. 2 § första stycket 2".
    let paragraphPattern: NSRegularExpression
    /// What may follow a paragraph: an abbreviation, a statute's name (with its number), or "lagen (sfs)".
    let referencePattern: NSRegularExpression
    /// A statute named with its number, anywhere: "socialtjänstlagen (2001:453)", "lagen (2017:612) om …".
    let mentionPattern: NSRegularExpression
    /// A registry name without a number: "hälso- och sjukvårdslagen".
    let namePattern: NSRegularExpression
    let introductionPattern: NSRegularExpression

    /// ICU's lazily built Unicode property tables are not safe to build from two threads at once
    /// (seen as a crash in parallel tests): patterns are compiled one at a time.
    private static let compiling = NSLock()

    public init(registry: StatuteRegistry) {
        Self.compiling.lock()
        defer { Self.compiling.unlock() }
        self.registry = registry
        let names = Set(registry.statutes.flatMap(\.names)).sorted { $0.count > $1.count }
            .map { NSRegularExpression.escapedPattern(for: $0) }
        // A name the registry knows, or any one-word statute name ("arbetsmiljölagen"), which is then unknown.
        // A two-part name keeps its first part: "offentlighets- och sekretesslagen", not "sekretesslagen".
        let unknownName = #"(?:\p{Ll}+- (?:och|eller) )?[\p{Ll}-]+(?:lagen|balken|förordningen)"#
        let name = "(?<name>" + (names + [unknownName]).joined(separator: "|") + ")"
        let ordinals = Self.ordinals
        paragraphPattern = try! NSRegularExpression(pattern:
            #"(?<![\p{L}\d])(?:(?<chapter>\d+(?: [a-z])?) kap\. )?(?<paras>\d+(?: [a-z])?(?:(?: ?[–-] ?| och | eller |, )\d+(?: [a-z])?)*) (?<sign>§§?)(?:,? (?:"#
                + ordinals + #")(?:(?:, | och )(?:"# + ordinals + #"))* (?:stycket|styckena))?(?: (?:\d+|punkten \d+)(?= ))?"#)
        referencePattern = try! NSRegularExpression(pattern:
            #"^(?: i)? (?<ref>(?<lagen>lagen \((?<lagsfs>\d{4}:\d+)\))|"# + name
                + #"(?: \((?<sfs>\d{4}:\d+)\))?|(?<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]*[A-ZÅÄÖ][A-Za-zÅÄÖåäö-]*))(?![\p{L}\d])"#,
            options: [])
        mentionPattern = try! NSRegularExpression(pattern:
            #"(?<![\p{L}\d-])(?<ref>(?<lagen>lagen \((?<lagsfs>\d{4}:\d+)\))|"# + name + #" \((?<sfs>\d{4}:\d+)\))"#)
        namePattern = try! NSRegularExpression(
            pattern: #"(?<![\p{L}\d-])(?<name>"# + (names.isEmpty ? "(?!)" : names.joined(separator: "|")) + #")(?![\p{L}\d]| \(\d{4}:)"#,
            options: [.caseInsensitive])
        introductionPattern = try! NSRegularExpression(pattern: #"^,? nedan (?<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö-]+)"#)
    }

    struct Match {
        let result: NSTextCheckingResult
        let text: String

        var range: Range<String.Index> { Range(result.range, in: text)! }

        func group(_ name: String) -> (String, Range<String.Index>)? {
            let r = result.range(withName: name)
            guard r.location != NSNotFound, let range = Range(r, in: text) else { return nil }
            return (String(text[range]), range)
        }
    }

    func matches(_ pattern: NSRegularExpression, in text: String, from start: String.Index? = nil, anchored: Bool = false) -> [Match] {
        let lower = start ?? text.startIndex
        let range = NSRange(lower..<text.endIndex, in: text)
        return pattern.matches(in: text, options: anchored ? [.anchored] : [], range: range).map { Match(result: $0, text: text) }
    }

    /// Which forms of citation a text may hold, found on its bytes: a paragraph needs "§", a statute
    /// named needs "lagen", "balken" or "förordning", one with its number also "(".
    struct Clues {
        var section = false
        var statuteWord = false
        var parenthesis = false

        init(_ text: String) {
            let bytes = Array(text.utf8)
            func has(_ needle: StaticString) -> Bool {
                let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
                guard bytes.count >= n.count else { return false }
                for i in 0...(bytes.count - n.count) where bytes[i] == n[0] {
                    if bytes[i..<(i + n.count)].elementsEqual(n) { return true }
                }
                return false
            }
            section = has("§")
            statuteWord = has("lagen") || has("balken") || has("förordning")
            parenthesis = statuteWord && bytes.contains(UInt8(ascii: "("))
        }
    }

    public func citations(in text: String) -> [Citation] {
        // Every form needs "§" or a statute's name ("…lagen", "…balken", "…förordningen"); most text
        // has neither, and the regular expressions are the expensive part of a check and a build.
        let clues = Clues(text)
        guard clues.section || clues.statuteWord else { return [] }
        var found: [Citation] = []
        var covered: [Range<String.Index>] = []
        for match in clues.section ? matches(paragraphPattern, in: text) : [] {
            var citation = Citation(range: match.range, chapter: match.group("chapter")?.0, paragraphs: [], isRange: false)
            citation.chapterRange = match.group("chapter")?.1
            if let (sign, range) = match.group("sign") {
                citation.sign = sign
                citation.signRange = range
            }
            if let (_, range) = match.group("paras") { citation.parseParagraphs(text[range]) }
            if let reference = matches(referencePattern, in: text, from: match.range.upperBound, anchored: true).first {
                citation.range = match.range.lowerBound..<reference.range.upperBound
                citation.referenceRange = reference.group("ref")?.1 ?? reference.range
                citation.reference = classify(reference)
            }
            found.append(citation)
            covered.append(citation.range)
        }
        carryAcrossJoins(&found, in: text)
        for match in clues.parenthesis ? matches(mentionPattern, in: text) : []
        where !covered.contains(where: { $0.overlaps(match.range) }) {
            var citation = Citation(range: match.range, paragraphs: [], isRange: false)
            if let (sfs, _) = match.group("lagsfs") {
                citation.reference = .number(sfs)
            } else if let (name, _) = match.group("name") {
                citation.reference = .name(name, sfs: match.group("sfs")?.0)
            }
            citation.referenceRange = match.range
            found.append(citation)
            covered.append(match.range)
        }
        for match in clues.statuteWord ? matches(namePattern, in: text) : []
        where !covered.contains(where: { $0.overlaps(match.range) }) {
            guard let (name, _) = match.group("name") else { continue }
            found.append(Citation(range: match.range, paragraphs: [], isRange: false,
                                  reference: .name(name, sfs: nil), referenceRange: match.range))
        }
        // "…, nedan HSL" after a citation that names the statute.
        for index in found.indices {
            if let match = matches(introductionPattern, in: text, from: found[index].range.upperBound, anchored: true).first {
                found[index].introduces = match.group("abbr")?.0
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Citations joined by "och", "eller", "samt" or a comma share what only one of them writes.
    private func carryAcrossJoins(_ found: inout [Citation], in text: String) {
        func joined(_ index: Int) -> Bool {
            let between = text[found[index].range.upperBound..<found[index + 1].range.lowerBound].trimmed
            return ["och", "samt", ",", "eller", ""].contains(between)
        }
        // The chapter carries forward to a paragraph written without one, while no statute has been
        // named in between: "10 kap. 8 § andra stycket och 9 § SoL" cites 10 kap. 9 §.
        for index in found.indices.dropLast() where found[index].reference == nil && joined(index) {
            if found[index + 1].chapter == nil, let chapter = found[index].chapter {
                found[index + 1].chapter = chapter
                found[index + 1].chapterIsCarried = true
            }
        }
        // The statute carries backward: "16 kap. 1 § och 2 kap. 7 § SoL".
        for index in found.indices.dropLast().reversed() where found[index].reference == nil && joined(index) {
            found[index].reference = found[index + 1].reference
        }
    }

    private func classify(_ match: Match) -> Citation.Reference {
        if let (sfs, _) = match.group("lagsfs") { return .number(sfs) }
        if let (name, _) = match.group("name") { return .name(name, sfs: match.group("sfs")?.0) }
        let abbreviation = match.group("abbr")?.0 ?? ""
        return registry.statutes(abbreviation: abbreviation).isEmpty ? .unknownAbbreviation(abbreviation) : .abbreviation(abbreviation)
    }
}
