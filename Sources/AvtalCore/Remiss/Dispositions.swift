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
                    .flatMap({ reader.oneOf($0, key: "disposition", as: Disposition.Kind.self) }),
                    let motivation = reader.requireKey("motivation", in: entry, what: "a disposition", fallback: at)
                    .flatMap({ reader.string($0, key: "motivation") })
                else { continue }
                dispositions.append(Disposition(commentID: commentID, kind: kind, motivation: motivation,
                                                carriedBy: entry.value("carried-by").flatMap { reader.string($0, key: "carried-by") },
                                                range: at))
            }
        }
        return (dispositions, reader.diagnostics)
    }
}
