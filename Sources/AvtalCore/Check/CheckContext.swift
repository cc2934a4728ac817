import Foundation

/// The registries a corpus's text is checked against, read once per run.
public struct CheckContext: Sendable {
    public var glossary: Glossary?
    public var externalDocuments: ExternalDocuments?
    public var patientCases: [PatientCase] = []
    /// Registry files that are there but could not be read (already reported): checks that would
    /// otherwise say the file is missing stay silent.
    public var unreadable: Set<String> = []
    public var statutes: StatuteRegistry? {
        didSet { citations = statutes.map(CitationRecognizer.init) }
    }
    /// Built from `statutes`, once.
    public private(set) var citations: CitationRecognizer?

    public init(statutes: StatuteRegistry? = nil) {
        self.statutes = statutes
        citations = statutes.map(CitationRecognizer.init)
    }
}

/// Shell-style globs: `*` within a path segment, `**` across segments, `?` one character.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.unicodeScalars)[...], Array(path.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let rest = p.dropFirst()
            if rest.first == "*" {
                var afterStars = rest.dropFirst()
                if afterStars.first == "/" { afterStars = afterStars.dropFirst() }
                // `**/` also matches no folder at all.
                if match(afterStars, s) { return true }
                return !s.isEmpty && match(p, s.dropFirst())
            }
            if match(rest, s) { return true }
            return !s.isEmpty && s.first != "/" && match(p, s.dropFirst())
        }
        guard let c = s.first else { return false }
        if first == "?" ? c != "/" : first == c { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}
