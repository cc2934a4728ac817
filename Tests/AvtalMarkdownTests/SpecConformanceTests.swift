import AvtalMarkdown
import Foundation
import Testing

// Conformance of the AvtalMarkdown wrapper with Debian's cmark-gfm 0.29.0.gfm.6.
//
// The spec files in Resources/cmark-gfm-spec/ are upstream's test/*.txt at that release (see SOURCE.md
// there). They are read the way upstream's test/spec_tests.py reads them, and each file is rendered with
// the extensions and options upstream's test/CMakeLists.txt gives it. As upstream's cmark.py always adds
// `--unsafe`, every file renders with `.allowRawHTML`. Comparison is exact (`--no-normalize`) and byte for
// byte (Swift's `==` on `String` would treat canonically equivalent text as equal).

// MARK: - Spec files

/// One upstream spec file and the way upstream runs it.
struct SpecFile: Sendable, CustomTestStringConvertible {
    /// File name under Resources/cmark-gfm-spec/.
    let name: String
    /// Upstream's `--extensions` list for the file; added to each example's own list.
    let extensions: [String]
    /// Options upstream passes on the program's command line, plus `.allowRawHTML` (cmark.py's `--unsafe`).
    let options: MarkdownOptions
    /// Example blocks in the file, as SOURCE.md counts them (disabled ones included: they keep their number).
    let examples: Int
    /// Examples that upstream runs: all but those whose fence line says `disabled`.
    let liveExamples: Int

    var testDescription: String { name }

    private static let allSix = ["table", "strikethrough", "autolink", "tagfilter", "footnotes", "tasklist"]

    static let all: [SpecFile] = [
        // spec_tests.py --no-normalize --spec spec.txt --program cmark-gfm
        SpecFile(name: "spec.txt", extensions: [], options: [.allowRawHTML], examples: 673, liveExamples: 671),
        // ... --spec extensions.txt --program cmark-gfm --extensions "table ... tasklist"
        SpecFile(name: "extensions.txt", extensions: allSix, options: [.allowRawHTML], examples: 30, liveExamples: 30),
        // ... --spec regression.txt --program cmark-gfm (examples name their own extensions)
        SpecFile(name: "regression.txt", extensions: [], options: [.allowRawHTML], examples: 25, liveExamples: 25),
        // ... --spec smart_punct.txt --program "cmark-gfm --smart"
        SpecFile(
            name: "smart_punct.txt", extensions: [], options: [.allowRawHTML, .smartPunctuation],
            examples: 16, liveExamples: 16),
        // --program "cmark-gfm --table-prefer-style-attributes" --extensions "table ... tasklist"
        SpecFile(
            name: "extensions-table-prefer-style-attributes.txt", extensions: allSix,
            options: [.allowRawHTML, .tablePreferStyleAttributes], examples: 1, liveExamples: 1),
        // --program "cmark-gfm --full-info-string" (no extensions)
        SpecFile(
            name: "extensions-full-info-string.txt", extensions: [], options: [.allowRawHTML, .fullInfoString],
            examples: 4, liveExamples: 4),
    ]

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Resources/cmark-gfm-spec", isDirectory: true)

    var url: URL { Self.directory.appendingPathComponent(name) }
}

/// One example block of a spec file.
struct SpecExample: Sendable {
    /// Upstream's example number: counts every example block in the file, disabled ones too.
    var number: Int
    /// Line of the opening fence and of the closing fence (upstream's `start_line` and `end_line`, except
    /// that upstream leaves `start_line` 0 when the markdown part is empty), 1-based.
    var startLine: Int
    var endLine: Int
    var section: String
    /// The words after "example" on the fence line.
    var extensions: [String]
    var markdown: String
    var html: String

    var isDisabled: Bool { extensions.contains("disabled") }
}

enum SpecParser {
    static let fence = String(repeating: "`", count: 32)

    /// Splits `text` into the examples it contains, exactly as `get_tests` in upstream's spec_tests.py does,
    /// except that disabled examples are returned too (callers skip them, so they can also be counted).
    static func examples(in text: String) -> [SpecExample] {
        var examples: [SpecExample] = []
        var lineNumber = 0
        var startLine = 0
        var exampleNumber = 0
        var markdownLines: [Substring] = []
        var htmlLines: [Substring] = []
        var state = 0  // 0 regular text, 1 markdown example, 2 html output
        var extensions: [String] = []
        var section = ""

        for line in lines(of: text) {
            lineNumber += 1
            let stripped = strip(line)
            if stripped.hasPrefix(fence + " example") {
                state = 1
                startLine = lineNumber
                extensions = stripped.dropFirst(fence.count + " example".count)
                    .split(whereSeparator: { isPythonSpace($0) }).map(String.init)
            } else if stripped == fence {
                state = 0
                exampleNumber += 1
                examples.append(
                    SpecExample(
                        number: exampleNumber,
                        startLine: startLine,
                        endLine: lineNumber,
                        section: section,
                        extensions: extensions,
                        markdown: tabsRestored(markdownLines.joined()),
                        html: tabsRestored(htmlLines.joined())))
                startLine = 0
                markdownLines = []
                htmlLines = []
            } else if stripped == "." {
                state = 2
            } else if state == 1 {
                markdownLines.append(line)
            } else if state == 2 {
                htmlLines.append(line)
            } else if state == 0, let title = heading(line) {
                section = title
            }
        }
        return examples
    }

    /// `.replace('→', "\t")`, per Unicode scalar as in Python (a `Character`-based replace would miss an
    /// arrow followed by a combining mark).
    private static func tabsRestored(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(scalar == "→" ? "\t" : scalar) }
        return String(out)
    }

    /// Lines including their "\n", split like Python's text-mode iteration with `newline='\n'`. (Not
    /// `split(separator: "\n")` on `String`, which would leave "\r\n", a single `Character`, unsplit.)
    private static func lines(of text: String) -> [Substring] {
        var result: [Substring] = []
        var start = text.startIndex
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let next = scalars.index(after: index)
            if scalars[index] == "\n" {
                result.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start != text.endIndex { result.append(text[start...]) }
        return result
    }

    /// Python's `str.isspace`, close enough for these files: Unicode White_Space plus the
    /// information separators U+001C...U+001F, which Python also strips.
    private static func isPythonSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
    }

    private static func isPythonSpace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { isPythonSpace($0) }
    }

    /// Python's `str.strip()`.
    private static func strip(_ line: Substring) -> String {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isPythonSpace($0) }),
            let last = scalars.lastIndex(where: { !isPythonSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// `re.match('#+ ', line)`; the section title, which upstream only uses in messages.
    private static func heading(_ line: Substring) -> String? {
        let rest = line.drop(while: { $0 == "#" })
        guard rest.count < line.count, rest.first == " " else { return nil }
        return strip(rest.dropFirst())
    }
}

// MARK: - Conformance

@Suite("cmark-gfm 0.29.0.gfm.6 spec conformance")
struct SpecConformanceTests {
    /// Upstream passes an example whose expected HTML is `<IGNORE>` without comparing: it only has to render
    /// without crashing (extensions.txt, "This shouldn't crash everything"). Rather than check nothing, these
    /// are compared with what Debian's `/usr/bin/cmark-gfm --unsafe` with the file's extensions printed on
    /// the machine this test was written on.
    static let ignoredExampleOutputs: [String: [Int: String]] = [
        "extensions.txt": [
            20: "<p>This shouldn't crash everything: (<em>A</em>@_.A</p>\n"
        ]
    ]

    @Test("renders every live example exactly like cmark-gfm", arguments: SpecFile.all)
    func conformance(_ file: SpecFile) throws {
        let data = try Data(contentsOf: file.url)
        let text = try #require(
            String(validating: data, as: UTF8.self), "\(file.name) is not valid UTF-8")
        let examples = SpecParser.examples(in: text)
        let live = examples.filter { !$0.isDisabled }

        // The parser must not skip examples silently: the counts are those SOURCE.md states.
        #expect(examples.count == file.examples, "example blocks in \(file.name)")
        #expect(live.count == file.liveExamples, "live (not `disabled`) examples in \(file.name)")

        var failures = 0
        for example in live {
            var extensions: MarkdownExtensions = []
            var options = file.options
            var unknownNames: [String] = []
            for name in file.extensions + example.extensions {
                if name == "footnotes" {
                    // Not a syntax extension in 0.29.0.gfm.6: the command line turns `-e footnotes` into
                    // CMARK_OPT_FOOTNOTES, which is what upstream's tests rely on.
                    options.insert(.footnotes)
                } else if let flag = MarkdownExtensions(name: name) {
                    extensions.insert(flag)
                } else {
                    unknownNames.append(name)
                }
            }
            guard unknownNames.isEmpty else {
                // Cannot be rendered as upstream does; a failure, not a skip.
                Issue.record("\(file.name):\(example.startLine): example \(example.number) names unknown extensions \(unknownNames)")
                failures += 1
                continue
            }

            let actual = Markdown.renderHTML(example.markdown, extensions: extensions, options: options)

            var expected = example.html
            if expected.trimmingCharacters(in: .whitespacesAndNewlines) == "<IGNORE>" {
                guard let pinned = Self.ignoredExampleOutputs[file.name]?[example.number] else {
                    Issue.record("\(file.name):\(example.startLine): example \(example.number) expects <IGNORE>, but no output is pinned for it")
                    failures += 1
                    continue
                }
                expected = pinned
            }

            // Byte-exact comparison, after spec_tests.py's only change to either side: "\r\n" -> "\n".
            if normalizedBytes(actual) != normalizedBytes(expected) {
                failures += 1
                Issue.record(
                    Comment(rawValue: """
                        \(file.name):\(example.startLine)-\(example.endLine): example \(example.number) \
                        (\(example.section)) differs; extensions \(extensions.names), options \(options.names)
                        --- markdown ---
                        \(visible(example.markdown))
                        --- expected ---
                        \(visible(expected))
                        --- actual ---
                        \(visible(actual))
                        """))
            }
        }
        #expect(failures == 0, "\(failures) of \(live.count) examples in \(file.name) render differently")
    }

    private func normalizedBytes(_ string: String) -> [UInt8] {
        var out: [UInt8] = []
        let bytes = Array(string.utf8)
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1; continue }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    /// Shows tabs as → (as the spec files write them), other control characters as \u{..}, and marks line ends.
    private func visible(_ string: String) -> String {
        var out = ""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\t": out += "→"
            case "\n": out += "⏎\n"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension MarkdownExtensions {
    fileprivate var names: String {
        let all = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
        let present = all.filter { contains(MarkdownExtensions(name: $0)!) }
        return present.isEmpty ? "none" : present.joined(separator: " ")
    }
}

extension MarkdownOptions {
    fileprivate var names: String {
        let all: [(MarkdownOptions, String)] = [
            (.allowRawHTML, "allowRawHTML"), (.smartPunctuation, "smartPunctuation"), (.footnotes, "footnotes"),
            (.fullInfoString, "fullInfoString"), (.tablePreferStyleAttributes, "tablePreferStyleAttributes"),
        ]
        let present = all.filter { contains($0.0) }.map(\.1)
        return present.isEmpty ? "none" : present.joined(separator: " ")
    }
}

// MARK: - Safety defaults

@Suite("Markdown wrapper safety defaults")
struct MarkdownSafetyTests {
    @Test("default options omit raw HTML, block and inline")
    func rawHTMLOmittedByDefault() {
        let block = Markdown.renderHTML("<script>alert(1)</script>\n")
        #expect(block == "<!-- raw HTML omitted -->\n")

        let inline = Markdown.renderHTML("a <script>alert(1)</script> b\n")
        #expect(inline == "<p>a <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> b</p>\n")
        #expect(!inline.contains("<script"))
    }

    @Test("tagfilter in .agreement neutralises <script> even with .allowRawHTML")
    func tagfilterNeutralisesScript() {
        let source = "<script>alert(1)</script>\n\na <script>alert(1)</script> b\n"
        let html = Markdown.renderHTML(source, extensions: .agreement, options: .allowRawHTML)
        #expect(html == "&lt;script>alert(1)&lt;/script>\n<p>a &lt;script>alert(1)&lt;/script> b</p>\n")
        #expect(!html.contains("<script"))

        // Without tagfilter the same options do pass the tag through, so the check above is meaningful.
        let unfiltered = Markdown.renderHTML(source, extensions: [.table], options: .allowRawHTML)
        #expect(unfiltered.contains("<script>alert(1)</script>"))
    }

    @Test("parse reports byte ranges: 1-based line, 1-based byte column, half-open end")
    func byteRanges() throws {
        let source = "# Avtal\n\nFörsta raden\nSå [länk](https://example.se) slut.\n"
        let document = Markdown.parse(source)

        let heading = try #require(document.children.first)
        #expect(heading.kind == .heading(level: 1))
        #expect(
            heading.range
                == ByteRange(start: ByteLocation(line: 1, column: 1), end: ByteLocation(line: 1, column: 8)))

        var links: [MarkdownNode] = []
        document.forEachDescendant { if $0.kind == .link { links.append($0) } }
        let link = try #require(links.first)
        #expect(links.count == 1)
        #expect(link.url == "https://example.se")
        #expect(link.plainText == "länk")
        // Line 4 is "Så [länk](...)": "S" is byte 1, "å" bytes 2-3, the space byte 4, "[" byte 5;
        // the link is 27 bytes ("länk" is 5), so it ends before byte 32.
        #expect(
            link.range
                == ByteRange(start: ByteLocation(line: 4, column: 5), end: ByteLocation(line: 4, column: 32)))

        // The ranges cut exactly the node's source bytes out of the text.
        #expect(sourceText(source, heading.range) == "# Avtal")
        #expect(sourceText(source, link.range) == "[länk](https://example.se)")
    }

    /// The UTF-8 text of a single-line range.
    private func sourceText(_ source: String, _ range: ByteRange?) -> String? {
        guard let range, range.start.line == range.end.line else { return nil }
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard range.start.line <= lines.count else { return nil }
        let line = Array(lines[range.start.line - 1])
        guard range.start.column >= 1, range.start.column <= range.end.column, range.end.column - 1 <= line.count
        else { return nil }
        return String(decoding: line[(range.start.column - 1)..<(range.end.column - 1)], as: UTF8.self)
    }
}
