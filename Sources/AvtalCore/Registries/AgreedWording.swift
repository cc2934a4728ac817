import Foundation
import Yams

/// One clause's wording as the working group agreed it at a meeting (`agreed.yml`). The text is
/// kept in full so that a later change can be shown as a redline against it, and its hash guards
/// the entry itself: an entry edited by hand no longer matches and is reported.
public struct AgreedClause: Sendable, Hashable {
    /// `document#clause`.
    public var target: String
    public var by: String
    public var on: CalendarDate
    public var note: String?
    /// The clause's heading and text as agreed, normalised as locks normalise them.
    public var text: String
    public var sha256: String
    public var range: SourceRange

    public var document: String { String(target.prefix { $0 != "#" }) }
    public var clause: String { String(target.drop { $0 != "#" }.dropFirst()) }
}

/// `agreed.yml`: the wording the working group agreed, clause by clause. Written by `avtal agree`.
public struct AgreedWording: Sendable {
    public static let fileName = "agreed.yml"
    public var entries: [AgreedClause]

    /// The entry that holds for a clause: the one agreed last (by date, then by position in the file).
    public func current(_ target: String) -> AgreedClause? {
        entries.enumerated().filter { $0.element.target == target }
            .max { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }?.element
    }

    public var targets: [String] {
        var seen = Set<String>()
        return entries.map(\.target).filter { seen.insert($0).inserted }
    }

    /// The text a clause is agreed and hashed as: its heading line and its text, as a lock holds them.
    public static func text(of clause: EditableClause) -> String {
        TextDigest.normalize(clause.lockedText)
    }

    static func read(_ source: SourceFile, diagnostics: inout [Diagnostic]) -> AgreedWording {
        var reader = YAMLReader(file: source, stage: .load)
        defer { diagnostics += reader.diagnostics }
        let what = "agreed.yml"
        guard let node = reader.compose(source.text), let map = reader.mapping(node, what: what) else {
            return AgreedWording(entries: [])
        }
        reader.rejectUnknownKeys(map, allowed: FormatKeys.agreed.keys, what: what)
        guard let listNode = map.value("agreements") else { return AgreedWording(entries: []) }
        guard case let .sequence(sequence) = listNode else {
            reader.report(.wrongType, "Expected 'agreements' to be a list, found \(YAMLReader.shape(of: listNode))",
                          at: reader.range(of: listNode))
            return AgreedWording(entries: [])
        }
        return AgreedWording(entries: sequence.compactMap { entry(from: $0, reader: &reader) })
    }

    private static func entry(from node: Node, reader: inout YAMLReader) -> AgreedClause? {
        let what = "an entry of agreements"
        guard let map = reader.mapping(node, what: what) else { return nil }
        let at = reader.range(of: node)
        reader.rejectUnknownKeys(map, allowed: FormatKeys.agreedEntry.keys, what: what)
        guard let target = reader.requireKey("clause", in: map, what: what, fallback: at).flatMap({ reader.string($0, key: "clause") }),
              let by = reader.requireKey("by", in: map, what: what, fallback: at).flatMap({ reader.string($0, key: "by") }),
              let on = reader.requireKey("on", in: map, what: what, fallback: at).flatMap({ reader.date($0, key: "on") }),
              let text = reader.requireKey("text", in: map, what: what, fallback: at).flatMap({ reader.rawText($0, key: "text") }),
              let hash = reader.requireKey("sha256", in: map, what: what, fallback: at).flatMap({ reader.string($0, key: "sha256") })
        else { return nil }
        let targetRange = map.value("clause").map { reader.range(of: $0) } ?? at
        guard target.contains("#"), !target.hasPrefix("#"), !target.hasSuffix("#") else {
            reader.report(.invalidValue, "'clause' must be document#clause-id, found '\(target)'", at: targetRange)
            return nil
        }
        let note = map.value("note").flatMap { reader.string($0, key: "note") }
        return AgreedClause(target: target, by: by, on: on, note: note, text: TextDigest.normalize(text),
                            sha256: hash.lowercased(), range: targetRange)
    }

    /// The YAML of new entries, appended to the file's existing text (or a new file's header), so that
    /// comments and earlier entries stay exactly as they were.
    public static func appending(_ new: [AgreedClause], to existing: String?) -> String {
        var out = existing ?? """
            # Lydelser som arbetsgruppen har kommit överens om, punkt för punkt. Filen skrivs av `avtal agree`.
            # `avtal check` varnar (AV650) när arbetstextens lydelse av en punkt här avviker från den överenskomna.
            agreements:

            """
        if !out.isEmpty, !out.hasSuffix("\n") { out += "\n" }
        for entry in new {
            out += "  - clause: \(YAMLText.scalar(entry.target))\n"
            out += "    by: \(YAMLText.scalar(entry.by))\n"
            out += "    on: \(entry.on)\n"
            if let note = entry.note { out += "    note: \(YAMLText.scalar(note))\n" }
            out += "    sha256: \(entry.sha256)\n"
            out += "    text: \(block(entry.text))\n"
        }
        return out
    }

    /// A literal block when it reads back as the same text (the usual case: locks normalise away
    /// trailing spaces), else a quoted scalar, which always does.
    static func block(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let safe = !text.isEmpty && !text.contains("\t") && !text.contains("\r")
            && lines.allSatisfy { !$0.hasSuffix(" ") } && !(lines.first?.hasPrefix(" ") ?? true)
        guard safe else { return YAMLText.scalar(text) }
        return "|-\n" + lines.map { $0.isEmpty ? "" : "      " + $0 }.joined(separator: "\n")
    }
}
