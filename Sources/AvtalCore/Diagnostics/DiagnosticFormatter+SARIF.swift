import Foundation

/// SARIF 2.1.0, the format GitHub code scanning and GitLab read: one run, a rule for every diagnostic
/// code (with the help of docs/diagnostics.md), and a result for every diagnostic with its fix.
extension DiagnosticFormatter {
    /// Where the tool is described. avtal has no public address yet, so this is a name (a URN) rather
    /// than a link that would lead nowhere; the one place to change when it gets one.
    package static let informationURI = "urn:avtal"
    /// The base that result paths are relative to: the repository root (see `RepositoryRoot`).
    package static let sourceRoot = "%SRCROOT%"

    package func sarif(_ diagnostics: [Diagnostic], toolVersion: String) -> String {
        let codes = DiagnosticCode.allCases
        let index = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let driver = SARIFLog.Driver(name: "avtal", version: toolVersion, semanticVersion: toolVersion,
                                     informationUri: Self.informationURI, rules: codes.map(Self.rule))
        let results = diagnostics.map { result(for: $0, ruleIndex: index[$0.code] ?? 0) }
        let log = SARIFLog(runs: [SARIFLog.Run(tool: SARIFLog.Tool(driver: driver), results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(log)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func rule(_ code: DiagnosticCode) -> SARIFLog.Rule {
        let help = code.help
        let plain = help.replacingOccurrences(of: "`", with: "")
        return SARIFLog.Rule(
            id: code.rawValue, name: code.name,
            shortDescription: SARIFLog.Message(text: firstSentence(of: plain)),
            fullDescription: SARIFLog.Message(text: plain),
            help: SARIFLog.Message(text: plain, markdown: help),
            defaultConfiguration: SARIFLog.Configuration(level: code.defaultSeverity.rawValue))
    }

    /// Up to the first ". " (or the whole text), joined onto one line.
    static func firstSentence(of text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        guard let end = line.range(of: ". ") else { return line }
        return String(line[..<end.lowerBound]) + "."
    }

    func result(for d: Diagnostic, ruleIndex: Int) -> SARIFLog.Result {
        var message = d.summary
        for note in d.notes { message += "\nnote: \(note.message)" }
        if let fix = d.fix { message += "\nfix: \(fix.summary)" }
        let related = d.notes.enumerated().compactMap { offset, note -> SARIFLog.Location? in
            note.range.map { SARIFLog.Location(id: offset + 1, physicalLocation: physical($0, point: false),
                                               message: SARIFLog.Message(text: note.message)) }
        }
        let fixes = d.fix.map { fix in
            [SARIFLog.Fix(description: SARIFLog.Message(text: fix.summary), artifactChanges: [
                SARIFLog.ArtifactChange(artifactLocation: artifact(fix.range.file), replacements: [
                    SARIFLog.Replacement(deletedRegion: region(fix.range, point: true),
                                         insertedContent: SARIFLog.InsertedContent(text: fix.replacement)),
                ]),
            ])]
        }
        return SARIFLog.Result(
            ruleId: d.code.rawValue, ruleIndex: ruleIndex, level: d.severity.rawValue,
            message: SARIFLog.Message(text: message),
            locations: [SARIFLog.Location(physicalLocation: physical(d.range, point: false))],
            relatedLocations: related.isEmpty ? nil : related, fixes: fixes)
    }

    func physical(_ range: SourceRange, point: Bool) -> SARIFLog.PhysicalLocation {
        SARIFLog.PhysicalLocation(artifactLocation: artifact(range.file), region: region(range, point: point))
    }

    func artifact(_ file: String) -> SARIFLog.ArtifactLocation {
        let path = displayPath(file)
        let uri = path.addingPercentEncoding(withAllowedCharacters: Self.uriPathAllowed) ?? path
        return SARIFLog.ArtifactLocation(uri: uri, uriBaseId: Self.sourceRoot)
    }

    /// A URI path keeps its slashes and unreserved characters; anything else is percent-encoded.
    static let uriPathAllowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")

    /// SARIF's end column is exclusive, like avtal's. An empty range is kept as an insertion point in a
    /// fix (`point`); as a place to show, it marks the start only, which SARIF reads as the rest of the line.
    func region(_ range: SourceRange, point: Bool) -> SARIFLog.Region {
        let empty = range.start == range.end
        return SARIFLog.Region(startLine: range.start.line, startColumn: range.start.column,
                               endLine: empty && !point ? nil : range.end.line,
                               endColumn: empty && !point ? nil : range.end.column)
    }
}
