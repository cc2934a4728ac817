import Foundation
import Yams

public enum VersionStatus: String, CaseIterable, Sendable {
    case draft, published
}

/// An entry of `versions.yml`: a base text with patches applied in order.
public struct Version: Sendable {
    public var id: String
    public var title: String
    public var status: VersionStatus
    public var publishedOn: CalendarDate?
    /// `working` (the current sources) or the ID of a published version.
    public var base: String
    public var patches: [String]
    public var idRange: SourceRange
    public var baseRange: SourceRange
    public var patchRanges: [SourceRange]
    /// `numbering: keep`: clauses keep the numbers they have in the base, and inserted ones take the
    /// number before them with a letter ("9.4 a"), so that no published number changes or is reused.
    public var keepsNumbers = false
}

public enum VersionsFile {
    public static let name = "versions.yml"
    public static let working = "working"
    static let keys = FormatKeys.versions.keys
    static let versionKeys = FormatKeys.version.keys

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> [Version] {
        var reader = YAMLReader(file: source, stage: .assemble)
        defer { diagnostics += reader.diagnostics }
        let fallback = SourceRange.file(source.path)
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: "the versions file") else {
            return []
        }
        reader.rejectUnknownKeys(map, allowed: keys, what: "the versions file")
        guard let list = reader.requireKey("versions", in: map, what: "the versions file", fallback: fallback) else { return [] }
        guard case let .sequence(sequence) = list else {
            reader.report(.wrongType, "Expected 'versions' to be a list, found \(YAMLReader.shape(of: list))", at: reader.range(of: list))
            return []
        }
        var versions: [Version] = []
        for item in sequence {
            let what = "a version"
            guard let entry = reader.mapping(item, what: what) else { continue }
            reader.rejectUnknownKeys(entry, allowed: versionKeys, what: what)
            let at = reader.range(of: item)
            func text(_ key: String) -> (String, SourceRange)? {
                guard let node = reader.requireKey(key, in: entry, what: what, fallback: at),
                      let value = reader.string(node, key: key) else { return nil }
                return (value, reader.range(of: node))
            }
            let id = text("id"), title = text("title"), base = text("base")
            let status = reader.requireKey("status", in: entry, what: what, fallback: at)
                .flatMap { reader.oneOf($0, key: "status", as: VersionStatus.self) }
            let publishedOn = entry.value("published-on").flatMap { reader.date($0, key: "published-on") }
            var patches: [(String, SourceRange)] = []
            // A version without patches (a new base, say) may leave `patches` out.
            if let node = entry.value("patches") {
                if case let .sequence(items) = node {
                    for item in items {
                        if let value = reader.string(item, key: "patches item") { patches.append((value, reader.range(of: item))) }
                    }
                } else {
                    reader.report(.wrongType, "Expected 'patches' to be a list, found \(YAMLReader.shape(of: node))", at: reader.range(of: node))
                }
            }
            if status == .published, publishedOn == nil, entry.value("published-on") == nil {
                reader.report(.missingKey, "Missing key 'published-on' in a published version", at: at)
            }
            let keepsNumbers = readNumbering(entry, base: base?.0, reader: &reader)
            guard let id, let title, let base, let status else { continue }
            if !Suggestions.isValidID(id.0) || id.0 == working {
                reader.report(.malformedID, "Version ID '\(id.0)' is malformed or reserved: use lower-case a–z, digits and single dashes, not 'working'",
                              at: id.1)
                continue
            }
            if let first = versions.first(where: { $0.id == id.0 }) {
                reader.report(.duplicateVersionID, "Version '\(id.0)' is listed twice", at: id.1,
                              notes: [DiagnosticNote("first listed here", at: first.idRange)])
                continue
            }
            versions.append(Version(id: id.0, title: title.0, status: status, publishedOn: publishedOn, base: base.0,
                                    patches: patches.map(\.0), idRange: id.1, baseRange: base.1,
                                    patchRanges: patches.map(\.1), keepsNumbers: keepsNumbers))
        }
        return versions
    }

    /// `numbering: keep`, which only a version whose base is a published version may say.
    private static func readNumbering(_ entry: YAMLReader.Mapping, base: String?, reader: inout YAMLReader) -> Bool {
        guard let node = entry.value("numbering"), let value = reader.string(node, key: "numbering") else { return false }
        guard value == "keep" else {
            reader.report(.invalidValue, "'numbering' must be 'keep', not '\(value)'", at: reader.range(of: node),
                          fix: Fix("use 'keep'", range: reader.range(of: node), replacement: "keep"))
            return false
        }
        if base == working {
            reader.report(.invalidValue, "'numbering: keep' needs a published base, not the working text", at: reader.range(of: node),
                          notes: [DiagnosticNote("the numbers kept are those of the published version the patches amend")])
            return false
        }
        return true
    }
}
