import AvtalMarkdown

/// A calendar date without time or zone, as agreements state them.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// Parses `YYYY-MM-DD`. Returns `nil` for text of another shape.
    /// Throws nothing: an impossible date of the right shape is reported by `isValid`.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        (year, month, day) = (y, m, d)
    }

    public init(year: Int, month: Int, day: Int) {
        (self.year, self.month, self.day) = (year, month, day)
    }

    public var isValid: Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}


/// The languages references can be labelled in: "punkt 3.2", "section 3.2".
public enum LabelLanguage: String, CaseIterable, Sendable {
    case sv, en
}

public struct Theme: Sendable, Hashable {
    public var id: String
    public var title: String
    public var range: SourceRange
}

public struct Contact: Sendable, Hashable {
    public var name: SettingText
    public var email: SettingText?
    public var phone: SettingText?

    /// The values marked as placeholders.
    public var placeholders: [Placeholder] {
        [name.placeholder(key: "name"), email?.placeholder(key: "email"), phone?.placeholder(key: "phone")].compactMap { $0 }
    }
}

/// `Agreement/agreement.yml`.
public struct Manifest: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var file: String
        public var kind: DocumentKind
        /// Where the entry's `id` and `file` values are written, for diagnostics.
        public var idRange: SourceRange
        public var fileRange: SourceRange
        /// The document's name with its number, `Bilaga 1`; nil when it has none.
        public var label: String? = nil
        public var numbering: NumberingStyle = .decimal
        /// The language of the document's text, which its references' labels are written in.
        public var lang: LabelLanguage = .sv
    }

    public var title: String
    public var parties: [String]
    public var documents: [Entry]
    /// Every `file` written in the manifest, also in entries too broken to load, so that a typo in
    /// an entry is not reported a second time as an unlisted file.
    public var mentionedFiles: Set<String>
    /// Glob patterns (relative to the corpus root) of Markdown files that are not documents.
    public var ignore: [String]
    /// The themes patient cases are grouped by, in the order they are shown.
    public var themes: [Theme]
    /// The address of a statute's official text, with `{sfs}` where its number goes ("2017:30").
    public var statuteURL: String?
    /// Who publishes the texts, for the site's accessibility statement and the remiss letter.
    public var publisher: String?
    /// Where readers report problems with the published texts.
    public var contact: Contact?
    /// The publisher's assessment of the site, for the accessibility statement.
    public var accessibility: AccessibilityStatement? = nil
    /// IDs changed in the sources after publication: "document#old-id" → "new-id".
    public var aliases: [String: String]
    /// IDs removed in the sources after publication, never to be reused: "document#id" → where it is listed.
    public var retired: [String: SourceRange]
    /// The kinds of document the manifest declares besides the built-in ones, in the order listed.
    public var kinds: [DocumentKind] = []
}

extension Manifest {
    /// The renames and retirements the manifest records for edits made in the sources.
    public var history: IDHistory {
        IDHistory(aliases: aliases,
                  retired: retired.mapValues { Retirement(by: "the manifest's retired list", range: $0) })
    }
}

public enum Validity: Hashable, Sendable {
    case until(CalendarDate)
    case untilFurtherNotice
}

/// A document's front matter.
public struct FrontMatter: Sendable {
    public var id: String
    public var kind: DocumentKind
    public var title: String
    public var shortTitle: String
    public var validFrom: CalendarDate
    public var validity: Validity
    public var legalBasis: [String]
    /// Where each key's value is written, for diagnostics.
    public var ranges: [String: SourceRange]
    /// `reference-name` as written: how running text names the document ("överenskommelsen om munhälsa").
    public var givenReferenceName: String? = nil
    public static let referenceNameKey = "reference-name"

    /// How running Swedish text names the document, in lower case and definite form: "punkt 5 i
    /// överenskommelsen om munhälsa". `reference-name` when given; otherwise made from the short title,
    /// its first word put in definite form if it is the plain noun ("Överenskommelse om munhälsa" →
    /// "överenskommelsen om munhälsa") and lower-cased unless it is an abbreviation.
    public var referenceName: String {
        if let givenReferenceName { return givenReferenceName }
        let words = shortTitle.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        let definite = ["Överenskommelse": "överenskommelsen", "Avtal": "avtalet", "Bilaga": "bilagan"]
        // "Överenskommelse om munhälsa" is named in definite form; "Bilaga 1" keeps its designation.
        if let first = words.first, let noun = definite[String(first)],
           words.count == 1 || words[1].first?.isLowercase == true {
            return words.count > 1 ? noun + " " + words[1] : noun
        }
        return shortTitle.lowercasingFirstWord
    }
}

extension String {
    /// The text as it reads inside a sentence: the first letter in lower case, unless the first word is
    /// an abbreviation or a name written with more capitals ("SRO:s justerade version" stays as it is).
    public var lowercasingFirstWord: String {
        guard let first = first, first.isUppercase else { return self }
        let word = prefix { $0.isLetter }
        if word.dropFirst().contains(where: \.isUppercase) { return self }
        return first.lowercased() + dropFirst()
    }
}

/// A clause: a heading with its own text, in a tree that follows heading levels.
public struct Clause: Sendable {
    public var id: String
    /// The heading as a reader sees it, without the `{#id}` suffix.
    public var heading: String
    /// The heading as written in Markdown (emphasis and all), without the `#` marker and the `{#id}`.
    public var headingMarkdown: String
    public var level: Int
    /// Index of the parent clause in `Document.clauses`, `nil` for a top-level clause.
    public var parent: Int?
    public var children: [Int]
    /// Position among siblings, from 1: the clause's number is the path of these ("3.2.1").
    public var ordinal: Int
    public var headingRange: SourceRange
    public var idRange: SourceRange
    /// Lines of the clause's own text (after the heading, before the next heading).
    public var bodyLines: Range<Int>
    public var hasOwnContent: Bool
    /// Written `{#id .unnumbered}`: the clause has no number and its siblings number as if it were absent.
    public var unnumbered = false
}

public enum ReferenceTarget: Hashable, Sendable {
    case clause(document: String, id: String)
    case document(String)
    /// A link to a file in the corpus that is not a document (a PDF, an image).
    case file(String)
    case external(String)
    /// `ext:kok-boken`: a document of the external registry.
    case externalDocument(String)
}

/// A link in a document's text.
public struct Reference: Sendable {
    /// The link destination as written.
    public var destination: String
    public var target: ReferenceTarget
    /// The link text as written; empty means the renderer generates "punkt 3.2".
    public var text: String
    public var range: SourceRange
    /// Index of the clause that holds the link; `nil` in text before the first heading.
    public var clause: Int?
    public var isImage: Bool

    public var isCrossReference: Bool {
        switch target {
        case .clause, .document: true
        case .file, .external, .externalDocument: false
        }
    }
}

/// The plain text of one paragraph, heading or table cell, for checks that read words (citations,
/// terms): links, code and images are replaced by U+FFFC so that nothing matches across them.
public struct TextRun: Sendable {
    public var text: String
    /// The clause the text belongs to; `nil` before the first heading.
    public var clause: Int?
    /// Where each piece of the text starts: its UTF-8 offset in `text`, and the source line and byte column.
    var pieces: [(offset: Int, line: Int, column: Int)]

    /// The source line and byte column of a position in `text`.
    public func byteLocation(of index: String.Index) -> (line: Int, column: Int) {
        let offset = text.utf8.distance(from: text.startIndex, to: index)
        guard let piece = pieces.last(where: { $0.offset <= offset }) ?? pieces.first else { return (1, 1) }
        return (piece.line, piece.column + max(0, offset - piece.offset))
    }

    public func range(_ range: Range<String.Index>, in source: SourceFile) -> SourceRange {
        let start = byteLocation(of: range.lowerBound), end = byteLocation(of: range.upperBound)
        return SourceRange(file: source.path, start: source.location(line: start.line, byteColumn: start.column),
                           end: source.location(line: end.line, byteColumn: end.column))
    }
}

public struct Document: Sendable {
    public var entry: Manifest.Entry
    public var source: SourceFile
    /// `nil` when the front matter could not be read; the document's clauses are still checked.
    public var frontMatter: FrontMatter?
    /// In document order.
    public var clauses: [Clause]
    public var references: [Reference]
    public var clauseIndex: [String: Int]
    /// The first line after the front matter.
    public var textStartLine: Int
    public var textRuns: [TextRun] = []
    /// Sub-clause anchors (`{#id}` ending a stycke or a list item's first line), in document order.
    public var anchors: [Anchor] = []
    /// Anchor ID → index in `anchors`. Anchor and clause IDs share one namespace.
    public var anchorIndex: [String: Int] = [:]
    /// A version that keeps numbers: every clause's number by ID, as assembled (the text alone would
    /// number by position).
    public var keptNumbers: [String: String]? = nil

    public var id: String { entry.id }

    /// Every clause's number in the document's style, in document order.
    public var numbers: [ClauseNumbering.Numbered] {
        ClauseNumbering.numbers(clauses.map { ClauseNumbering.Node(parent: $0.parent, heading: $0.heading, unnumbered: $0.unnumbered) },
                                style: entry.numbering)
    }

    /// Whether `id` names a clause or a sub-clause anchor.
    public func hasID(_ id: String) -> Bool { clauseIndex[id] != nil || anchorIndex[id] != nil }

    /// The clause an ID names, or the clause that holds the anchor it names.
    public func clause(holding id: String) -> Int? { clauseIndex[id] ?? anchorIndex[id].map { anchors[$0].clause } }

    /// "3.2.1": computed from the tree, never written in the source. Empty for an unnumbered clause
    /// and for the clauses under one. In paragraph style "2 kap. 3 §" (see `ClauseNumbering`).
    public func number(of index: Int) -> String {
        if let keptNumbers { return keptNumbers[clauses[index].id] ?? "" }
        if entry.numbering != .decimal { return numbers[index].number }
        var parts: [Int] = []
        var current: Int? = index
        while let i = current {
            if clauses[i].unnumbered { return "" }
            parts.append(clauses[i].ordinal)
            current = clauses[i].parent
        }
        return parts.reversed().map(String.init).joined(separator: ".")
    }
}

/// A stycke or list item made addressable by a trailing `{#id}`.
public struct Anchor: Sendable {
    public var position: AnchorPosition
    /// Index of the clause whose own text holds it.
    public var clause: Int
    /// Where the `{#id}` is written.
    public var idRange: SourceRange
    public var id: String { position.id }
}

/// Every source of an agreement, loaded: the working text.
public struct Corpus: Sendable {
    public var manifest: Manifest
    public var manifestSource: SourceFile
    public var documents: [Document]
    /// Every file under the root (relative paths), for checking links to local files.
    public var files: Set<String>

    public func document(_ id: String) -> Document? {
        documents.first { $0.id == id }
    }

    /// What goes before corpus-relative paths in diagnostics ("versions/<id>/" for a snapshot).
    public var pathPrefix: String { String(manifestSource.path.dropLast(CorpusLoader.manifestName.count)) }

    public var clauseCount: Int { documents.reduce(0) { $0 + $1.clauses.count } }
    public var crossReferenceCount: Int {
        documents.reduce(0) { $0 + $1.references.filter(\.isCrossReference).count }
    }
}
