import Foundation
import Yams

/// Reads YAML into typed values while reporting every problem at its line and column.
/// Decoding with `Codable` would stop at the first problem and lose positions; the working group
/// should see all of them at once, each where it is.
struct YAMLReader {
    let file: SourceFile
    /// Lines before the YAML text in the file (front matter starts after `---`).
    let lineOffset: Int
    let stage: Stage
    var diagnostics: [Diagnostic] = []

    init(file: SourceFile, lineOffset: Int = 0, stage: Stage = .load) {
        self.file = file
        self.lineOffset = lineOffset
        self.stage = stage
    }

    /// Parses `yaml` to a node; reports a syntax error and returns nil when it cannot.
    mutating func compose(_ yaml: String) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let (mark, problem, context) = Self.describe(error)
            func location(_ mark: Mark?) -> SourceLocation {
                mark.map { SourceLocation(line: $0.line + lineOffset, column: $0.column) }
                    ?? SourceLocation(line: lineOffset + 1, column: 1)
            }
            // libyaml notices an unclosed construct only where the text ends; point at where it began,
            // and say where the reading stopped.
            let primary = context.map { location($0.mark) } ?? location(mark)
            let stopped = location(mark)
            let notes = context.map {
                [DiagnosticNote("\($0.text); reading stopped here", at: SourceRange(file: file.path, start: stopped, end: stopped))]
            } ?? []
            report(.yamlSyntax, "YAML cannot be read: \(problem)",
                   at: SourceRange(file: file.path, start: primary, end: primary), notes: notes)
            return nil
        } catch {
            report(.yamlSyntax, "YAML cannot be read: \(error)", at: .file(file.path))
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> (Mark?, String, YamlError.Context?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return (mark, problem, context)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))", nil)
        case let .reader(problem, _, _, _):
            return (nil, problem, nil)
        default:
            return (nil, "\(error)", nil)
        }
    }

    mutating func report(
        _ code: DiagnosticCode, _ summary: String, at range: SourceRange,
        notes: [DiagnosticNote] = [], fix: Fix? = nil
    ) {
        diagnostics.append(Diagnostic(code, summary, at: range, stage: stage, notes: notes, fix: fix))
    }

    /// The range a node covers; single-line scalars are measured, other nodes point at their start.
    func range(of node: Node) -> SourceRange {
        guard let mark = node.mark else { return SourceRange.file(file.path) }
        let start = SourceLocation(line: mark.line + lineOffset, column: mark.column)
        var length = 1
        if case let .scalar(scalar) = node {
            let written = file.text(in: SourceRange(
                file: file.path, start: start, end: SourceLocation(line: start.line, column: Int.max / 2)))
            // Quoted scalars are longer in the source than their value; measure what was written.
            if scalar.style == .plain, !scalar.string.contains("\n") {
                length = max(1, scalar.string.unicodeScalars.count)
            } else if let quote = written.first, quote == "\"" || quote == "'",
                      let close = written.dropFirst().firstIndex(of: quote) {
                length = written.distance(from: written.startIndex, to: close) + 1
            }
        }
        return SourceRange(file: file.path, start: start,
                           end: SourceLocation(line: start.line, column: start.column + length))
    }

    /// A mapping with its key nodes, so that values can be looked up and keys located.
    struct Mapping {
        let node: Node
        let pairs: [(key: String, keyNode: Node, value: Node)]

        func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }
        func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }
    }

    /// `what` names the thing in messages: "the manifest", "front matter", "document entry".
    mutating func mapping(_ node: Node, what: String) -> Mapping? {
        guard case let .mapping(mapping) = node else {
            report(.wrongType, "Expected \(what) to be a mapping of keys to values, found \(Self.shape(of: node))",
                   at: range(of: node))
            return nil
        }
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            pairs.append((key.scalar?.string ?? "", key, value))
        }
        return Mapping(node: node, pairs: pairs)
    }

    /// Reports keys outside `allowed`, proposing the nearest allowed key.
    mutating func rejectUnknownKeys(_ mapping: Mapping, allowed: [String], what: String) {
        for (key, keyNode, _) in mapping.pairs where !allowed.contains(key) {
            let keyRange = range(of: keyNode)
            var fix: Fix?
            if let suggestion = Suggestions.nearest(to: key, in: allowed).first {
                if mapping.value(suggestion) == nil {
                    fix = Fix("use '\(suggestion)'", range: keyRange, replacement: suggestion)
                } else if file.line(keyRange.start.line).trimmingCharacters(in: .whitespaces).hasPrefix(key) {
                    // Renaming would duplicate a key that is already there: the line is a leftover.
                    let line = SourceRange(file: file.path, start: .init(line: keyRange.start.line, column: 1),
                                           end: .init(line: keyRange.start.line + 1, column: 1))
                    fix = Fix("remove the line: '\(suggestion)' is already given", range: line, replacement: "")
                }
            }
            report(.unknownKey, "Unknown key '\(key)' in \(what)", at: keyRange,
                   notes: [DiagnosticNote("allowed keys: \(allowed.joined(separator: ", "))")], fix: fix)
        }
    }

    /// Reports a missing key at the start of the mapping (or `fallback` when it has no position).
    /// A misspelling of the key ("short_title") is already reported as an unknown key with its fix,
    /// so it is not reported a second time as missing.
    mutating func requireKey(_ key: String, in mapping: Mapping, what: String, fallback: SourceRange) -> Node? {
        if let value = mapping.value(key) { return value }
        let misspelt = mapping.pairs.contains {
            $0.key != key && Suggestions.editDistance(Array($0.key.unicodeScalars), Array(key.unicodeScalars), limit: 3) <= 2
        }
        if !misspelt {
            let at = mapping.node.mark == nil ? fallback : range(of: mapping.node)
            report(.missingKey, "Missing key '\(key)' in \(what)", at: at)
        }
        return nil
    }

    mutating func string(_ node: Node, key: String) -> String? {
        guard case let .scalar(scalar) = node, node.null == nil || scalar.style != .plain else {
            let notes = placeholderValue(node) == nil ? []
                : [DiagnosticNote("only contacts, signatories, diarienummer, answer addresses and the accessibility assessment can be placeholders (docs/format.md)")]
            report(.wrongType, "Expected '\(key)' to be text, found \(Self.shape(of: node))", at: range(of: node), notes: notes)
            return nil
        }
        let value = scalar.string.trimmed
        guard !value.isEmpty else {
            report(.invalidValue, "'\(key)' is empty", at: range(of: node))
            return nil
        }
        return value
    }

    /// Text as written, whitespace and line breaks kept (for clause text in patches).
    mutating func rawText(_ node: Node, key: String) -> String? {
        guard case let .scalar(scalar) = node, node.null == nil || scalar.style != .plain else {
            report(.wrongType, "Expected '\(key)' to be text, found \(Self.shape(of: node))", at: range(of: node))
            return nil
        }
        return scalar.string
    }

    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard case let .scalar(scalar) = node, scalar.style == .plain,
              let value = ["true": true, "false": false][scalar.string]
        else {
            report(.wrongType, "Expected '\(key)' to be true or false, found \(Self.shape(of: node))",
                   at: range(of: node))
            return nil
        }
        return value
    }

    mutating func date(_ node: Node, key: String) -> CalendarDate? {
        guard case let .scalar(scalar) = node, let date = CalendarDate(iso: scalar.string) else {
            report(.wrongType, "Expected '\(key)' to be a date (YYYY-MM-DD), found \(Self.shape(of: node))",
                   at: range(of: node))
            return nil
        }
        guard date.isValid else {
            report(.invalidDate, "'\(key)' is not a date that exists: \(scalar.string)", at: range(of: node))
            return nil
        }
        return date
    }

    mutating func stringList(_ node: Node, key: String) -> [String]? {
        guard case let .sequence(sequence) = node else {
            report(.wrongType, "Expected '\(key)' to be a list, found \(Self.shape(of: node))", at: range(of: node))
            return nil
        }
        let values = sequence.compactMap { string($0, key: "\(key) item") }
        return values.count == sequence.count ? values : nil
    }

    mutating func oneOf<T: RawRepresentable & CaseIterable>(_ node: Node, key: String, as type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, key: key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        let nodeRange = range(of: node)
        report(.invalidValue, "'\(key)' must be one of \(allowed.joined(separator: ", ")), not '\(text)'",
               at: nodeRange,
               fix: Suggestions.nearest(to: text, in: allowed).first.map {
                   Fix("use '\($0)'", range: nodeRange, replacement: $0)
               })
        return nil
    }

    static func shape(of node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if node.null != nil, scalar.style == .plain { return "nothing" }
            return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
