import Foundation
import Yams

/// What the working group decided about a comment from the remiss.
public struct Disposition: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case considered = "beaktas"
        case partly = "beaktas delvis"
        case notConsidered = "beaktas inte"
        case outOfScope = "utanför uppdraget"
    }

    public var commentID: String
    public var kind: Kind
    public var motivation: String
    /// The patch or version that carries the change, where there is one.
    public var carriedBy: String?
    public var range: SourceRange
    /// Where `carried-by` is written, for a diagnostic about the patch it names.
    public var carriedByRange: SourceRange?
}

/// `remissvar/<version>/dispositions.yml`: comment ID → disposition.
public enum DispositionsFile {
    public static func path(version: String) -> String { "remissvar/\(version)/dispositions.yml" }

    public static func read(_ source: SourceFile) -> (dispositions: [Disposition], diagnostics: [Diagnostic]) {
        var reader = YAMLReader(file: source, stage: .load)
        let what = "the dispositions"
        var dispositions: [Disposition] = []
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else {
            return ([], reader.diagnostics)
        }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.dispositions.keys, what: what)
        if let listNode = reader.requireKey("dispositions", in: map, what: what, fallback: .file(source.path)),
           let entries = reader.mapping(listNode, what: "'dispositions'") {
            for (commentID, keyNode, value) in entries.pairs {
                guard let entry = reader.mapping(value, what: "a disposition") else { continue }
                let at = reader.range(of: keyNode)
                reader.rejectUnknownKeys(entry, allowed: FormatKeys.disposition.keys, what: "a disposition")
                guard let kind = reader.requireKey("disposition", in: entry, what: "a disposition", fallback: at)
                    .flatMap({ kind($0, reader: &reader) }),
                    let motivation = reader.requireKey("motivation", in: entry, what: "a disposition", fallback: at)
                    .flatMap({ reader.string($0, key: "motivation") })
                else { continue }
                let carrier = entry.value("carried-by")
                dispositions.append(Disposition(commentID: commentID, kind: kind, motivation: motivation,
                                                carriedBy: carrier.flatMap { reader.string($0, key: "carried-by") },
                                                range: at, carriedByRange: carrier.map { reader.range(of: $0) }))
            }
        }
        return (dispositions, reader.diagnostics)
    }

    /// One of the four dispositions, or AV802 with the nearest as the fix.
    private static func kind(_ node: Node, reader: inout YAMLReader) -> Disposition.Kind? {
        guard let text = reader.string(node, key: "disposition") else { return nil }
        if let kind = Disposition.Kind(rawValue: text) { return kind }
        let allowed = Disposition.Kind.allCases.map(\.rawValue)
        let range = reader.range(of: node)
        reader.report(.unknownDisposition, "Unknown disposition '\(text)'", at: range,
                      notes: [DiagnosticNote("a disposition is one of: \(allowed.joined(separator: ", "))")],
                      fix: Suggestions.nearest(to: text, in: allowed).first.map { Fix("use '\($0)'", range: range, replacement: $0) })
        return nil
    }
}
