import Foundation

/// Turns diagnostics into text for people, JSON for programs, and workflow commands for GitHub Actions.
/// Paths in the output are the corpus-relative paths behind `pathPrefix` (the `--root` as given),
/// so that they can be clicked in a terminal or an editor.
public struct DiagnosticFormatter: Sendable {
    public var pathPrefix: String
    public var sources: [String: SourceFile]

    public init(pathPrefix: String, sources: [String: SourceFile]) {
        self.pathPrefix = pathPrefix
        self.sources = sources
    }

    func displayPath(_ file: String) -> String {
        guard !pathPrefix.isEmpty, pathPrefix != "." else { return file }
        return pathPrefix.hasSuffix("/") ? pathPrefix + file : pathPrefix + "/" + file
    }

    // MARK: Human

    struct Style {
        var on: Bool
        func paint(_ text: String, _ codes: String) -> String { on ? "\u{1B}[\(codes)m\(text)\u{1B}[0m" : text }
    }

    /// `path:line:col: error[CODE]: summary`, the source line with carets under the range, then notes and fix.
    public func human(_ diagnostics: [Diagnostic], summary: CheckSummary?, color: Bool) -> String {
        let style = Style(on: color)
        var out = ""
        for diagnostic in diagnostics {
            let r = diagnostic.range
            let severity = diagnostic.severity == .error
                ? style.paint("error[\(diagnostic.code.rawValue)]", "1;31")
                : style.paint("warning[\(diagnostic.code.rawValue)]", "1;33")
            // File names and summaries can carry text from outside (a file's name, a quoted value):
            // shown inert, so that nothing in them acts on the terminal.
            out += style.paint("\(displayPath(r.file).inertForTerminal):\(r.start.line):\(r.start.column):", "1")
            out += " \(severity): \(style.paint(diagnostic.summary.inertForTerminal, "1"))\n"
            out += snippet(r, style: style)
            for note in diagnostic.notes {
                var line = "\(style.paint("   = note:", "1;34")) \(note.message.inertForTerminal)"
                if let at = note.range {
                    line += " (\(displayPath(at.file).inertForTerminal):\(at.start.line):\(at.start.column))"
                }
                out += line + "\n"
            }
            if let fix = diagnostic.fix {
                out += "\(style.paint("   = fix:", "1;32")) \(fix.summary.inertForTerminal): \(describe(fix, in: r).inertForTerminal)\n"
            }
            out += "\n"
        }
        if let summary {
            func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
            out += "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")) in "
            out += "\(plural(summary.documents, "document")) (\(plural(summary.clauses, "clause")), "
            out += "\(plural(summary.references, "reference")))\n"
        }
        return out
    }

    private func describe(_ fix: Fix, in main: SourceRange) -> String {
        let range = fix.range
        let place = range.file == main.file ? "" : "\(displayPath(range.file)):"
        if range.start == range.end {
            return "insert '\(fix.replacement)' at \(place)\(range.start.line):\(range.start.column)"
        }
        let span = "\(place)\(range.start.line):\(range.start.column)–\(range.end.line):\(range.end.column)"
        return fix.replacement.isEmpty ? "remove \(span)" : "replace \(span) with '\(fix.replacement)'"
    }

    // MARK: JSON

    private struct JSONDiagnostic: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var severity: Severity
        var code: String
        var name: String
        var stage: Stage
        var message: String
        var notes: [JSONNote]
        var fix: JSONFix?
    }

    private struct JSONNote: Encodable {
        var message: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    private struct JSONFix: Encodable {
        var summary: String
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var replacement: String
    }

    private struct JSONReport: Encodable {
        var diagnostics: [JSONDiagnostic]
        var summary: CheckSummary
    }

    public func json(_ diagnostics: [Diagnostic], summary: CheckSummary) -> String {
        let report = JSONReport(diagnostics: diagnostics.map { d in
            JSONDiagnostic(
                file: displayPath(d.range.file), line: d.range.start.line, column: d.range.start.column,
                endLine: d.range.end.line, endColumn: d.range.end.column, severity: d.severity,
                code: d.code.rawValue, name: d.code.name, stage: d.stage, message: d.summary,
                notes: d.notes.map {
                    JSONNote(message: $0.message, file: $0.range.map { displayPath($0.file) },
                             line: $0.range?.start.line, column: $0.range?.start.column)
                },
                fix: d.fix.map {
                    JSONFix(summary: $0.summary, file: displayPath($0.range.file), line: $0.range.start.line,
                            column: $0.range.start.column, endLine: $0.range.end.line,
                            endColumn: $0.range.end.column, replacement: $0.replacement)
                })
        }, summary: summary)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and integers cannot fail.
        let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    // MARK: GitHub Actions

    /// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`, escaped as the runner requires.
    public func github(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for d in diagnostics {
            let r = d.range
            var message = d.summary.inertForTerminal
            for note in d.notes { message += "\nnote: \(note.message.inertForTerminal)" }
            if let fix = d.fix { message += "\nfix: \(fix.summary.inertForTerminal)" }
            let properties = [
                "file=\(Self.escapeProperty(displayPath(r.file).inertForTerminal))",
                "line=\(r.start.line)", "col=\(r.start.column)",
                "endLine=\(r.end.line)", "endColumn=\(r.end.column)",
                "title=\(Self.escapeProperty("\(d.code.rawValue) \(d.code.name)"))",
            ].joined(separator: ",")
            out += "::\(d.severity.rawValue) \(properties)::\(Self.escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
