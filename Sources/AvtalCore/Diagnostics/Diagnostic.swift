/// A place in a source file: 1-based line and 1-based column, where columns count Unicode scalars
/// (as editors, libyaml and GitHub annotations do), not bytes.
public struct SourceLocation: Hashable, Comparable, Sendable, Codable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// A half-open range in one file. `file` is relative to the corpus root.
public struct SourceRange: Hashable, Sendable {
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The start of a file, for problems that concern a whole file.
    public static func file(_ file: String) -> SourceRange {
        SourceRange(file: file, start: .init(line: 1, column: 1), end: .init(line: 1, column: 1))
    }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case error, warning

    public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
}

/// The pipeline stage a diagnostic comes from.
public enum Stage: String, Sendable, Codable {
    case load, assemble, check
}

/// Every problem the tool can report. Codes are stable: a code is never reused for another problem.
/// docs/diagnostics.md documents each one; a test keeps that page and this list in step.
public enum DiagnosticCode: String, CaseIterable, Sendable, Codable {
    case yamlSyntax = "AV100"
    case unknownKey = "AV101"
    case missingKey = "AV102"
    case wrongType = "AV103"
    case invalidDate = "AV104"
    case invalidValue = "AV105"
    case missingFrontMatter = "AV106"
    case frontMatterMismatch = "AV107"
    case missingSiteContact = "AV120"

    case documentFileMissing = "AV201"
    case unlistedFile = "AV202"
    case duplicateDocumentID = "AV203"
    case duplicateDocumentFile = "AV204"
    case unreadableFile = "AV205"
    case notUTF8 = "AV206"

    case headingWithoutID = "AV301"
    case malformedID = "AV302"
    case duplicateClauseID = "AV303"
    case skippedHeadingLevel = "AV304"
    case emptyClause = "AV305"

    case unknownClause = "AV401"
    case unknownDocument = "AV402"
    case missingLocalFile = "AV403"
    case malformedReference = "AV404"
    case linkTextMismatch = "AV405"

    case rawHTML = "AV501"
    case nestingTooDeep = "AV502"

    case unknownPatch = "AV601"
    case unknownTarget = "AV602"
    case guardMismatch = "AV603"
    case phraseNotFound = "AV604"
    case phraseAmbiguous = "AV605"
    case invalidChange = "AV606"
    case idConflict = "AV607"
    case unknownVersion = "AV608"
    case duplicateVersionID = "AV609"
    case missingSnapshot = "AV610"
    case snapshotChanged = "AV611"
    case lostID = "AV612"
    case retiredReference = "AV613"
    case unusedPatch = "AV614"
    case interruptedPublish = "AV615"

    case agreedWordingChanged = "AV650"
    case agreedClauseGone = "AV651"
    case agreedEntryAltered = "AV652"

    case remissDeadlineBeforeOpening = "AV701"
    case unknownConsulteeGroup = "AV702"
    case missingRemissContact = "AV703"
    case duplicateConsultee = "AV704"
    case remissForUnknownVersion = "AV705"
    case remissPlaceholder = "AV711"
    case missingRemissSender = "AV712"
    case missingRemissConsultees = "AV713"

    case unknownComment = "AV801"
    case unknownDisposition = "AV802"
    case unknownCarrier = "AV803"

    case unknownStatute = "AV901"
    case unknownParagraph = "AV902"
    case repealedStatute = "AV903"
    case rangeHyphen = "AV904"
    case sectionSign = "AV905"
    case missingSFSNumber = "AV906"

    case avoidedWord = "AV911"
    case unusedTerm = "AV912"
    case unknownTheme = "AV921"
    case unknownExternalDocument = "AV931"

    /// A short name, for documentation and for humans scanning JSON.
    public var name: String {
        switch self {
        case .yamlSyntax: "yaml-syntax"
        case .unknownKey: "unknown-key"
        case .missingKey: "missing-key"
        case .wrongType: "wrong-type"
        case .invalidDate: "invalid-date"
        case .invalidValue: "invalid-value"
        case .missingFrontMatter: "missing-front-matter"
        case .frontMatterMismatch: "front-matter-mismatch"
        case .missingSiteContact: "missing-site-contact"
        case .documentFileMissing: "document-file-missing"
        case .unlistedFile: "unlisted-file"
        case .duplicateDocumentID: "duplicate-document-id"
        case .duplicateDocumentFile: "duplicate-document-file"
        case .unreadableFile: "unreadable-file"
        case .notUTF8: "not-utf8"
        case .headingWithoutID: "heading-without-id"
        case .malformedID: "malformed-id"
        case .duplicateClauseID: "duplicate-clause-id"
        case .skippedHeadingLevel: "skipped-heading-level"
        case .emptyClause: "empty-clause"
        case .unknownClause: "unknown-clause"
        case .unknownDocument: "unknown-document"
        case .missingLocalFile: "missing-local-file"
        case .malformedReference: "malformed-reference"
        case .linkTextMismatch: "link-text-mismatch"
        case .rawHTML: "raw-html"
        case .nestingTooDeep: "nesting-too-deep"
        case .unknownPatch: "unknown-patch"
        case .unknownTarget: "unknown-target"
        case .guardMismatch: "guard-mismatch"
        case .phraseNotFound: "phrase-not-found"
        case .phraseAmbiguous: "phrase-ambiguous"
        case .invalidChange: "invalid-change"
        case .idConflict: "id-conflict"
        case .unknownVersion: "unknown-version"
        case .duplicateVersionID: "duplicate-version-id"
        case .missingSnapshot: "missing-snapshot"
        case .snapshotChanged: "snapshot-changed"
        case .lostID: "lost-id"
        case .retiredReference: "retired-reference"
        case .unusedPatch: "unused-patch"
        case .interruptedPublish: "interrupted-publish"
        case .agreedWordingChanged: "agreed-wording-changed"
        case .agreedClauseGone: "agreed-clause-gone"
        case .agreedEntryAltered: "agreed-entry-altered"
        case .remissDeadlineBeforeOpening: "remiss-deadline-before-opening"
        case .unknownConsulteeGroup: "unknown-consultee-group"
        case .missingRemissContact: "missing-remiss-contact"
        case .duplicateConsultee: "duplicate-consultee"
        case .remissForUnknownVersion: "remiss-for-unknown-version"
        case .remissPlaceholder: "remiss-placeholder"
        case .missingRemissSender: "missing-remiss-sender"
        case .missingRemissConsultees: "missing-remiss-consultees"
        case .unknownComment: "unknown-comment"
        case .unknownDisposition: "unknown-disposition"
        case .unknownCarrier: "unknown-carrier"
        case .unknownStatute: "unknown-statute"
        case .unknownParagraph: "unknown-paragraph"
        case .repealedStatute: "repealed-statute"
        case .rangeHyphen: "range-hyphen"
        case .sectionSign: "section-sign"
        case .missingSFSNumber: "missing-sfs-number"
        case .avoidedWord: "avoided-word"
        case .unusedTerm: "unused-term"
        case .unknownTheme: "unknown-theme"
        case .unknownExternalDocument: "unknown-external-document"
        }
    }

    public var defaultSeverity: Severity {
        switch self {
        case .unlistedFile, .skippedHeadingLevel, .emptyClause, .unusedPatch, .rangeHyphen, .sectionSign, .missingSFSNumber,
             .avoidedWord, .unusedTerm, .missingSiteContact, .linkTextMismatch, .agreedWordingChanged, .agreedClauseGone: .warning
        default: .error
        }
    }
}

/// A secondary message, optionally pointing at another place (the first of two duplicates, say).
public struct DiagnosticNote: Hashable, Sendable {
    public var message: String
    public var range: SourceRange?

    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// A copy-pasteable correction: put `replacement` in place of `range`.
public struct Fix: Hashable, Sendable {
    public var summary: String
    public var range: SourceRange
    public var replacement: String

    public init(_ summary: String, range: SourceRange, replacement: String) {
        self.summary = summary
        self.range = range
        self.replacement = replacement
    }
}

/// One problem, as a value. The library never prints; the command line decides how to show it.
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var stage: Stage
    /// Headline style, no final period.
    public var summary: String
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    public var fix: Fix?

    public init(
        _ code: DiagnosticCode, _ summary: String, at range: SourceRange, stage: Stage,
        notes: [DiagnosticNote] = [], fix: Fix? = nil, severity: Severity? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.stage = stage
        self.summary = summary
        self.range = range
        self.notes = notes
        self.fix = fix
    }

    /// Orders diagnostics by place, so that output is the same on every run.
    public static func sortedForOutput(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted {
            ($0.range.file, $0.range.start.line, $0.range.start.column, $0.code.rawValue, $0.summary)
                < ($1.range.file, $1.range.start.line, $1.range.start.column, $1.code.rawValue, $1.summary)
        }
    }
}
