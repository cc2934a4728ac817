import Foundation
import Testing
@testable import AvtalCore

/// Every citation example in the documentation is read by the recognizer and checked against the
/// registry, so that the documentation cannot show a form the checker rejects. An example under a
/// diagnostic's heading in docs/diagnostics.md ("### AV902 unknown-paragraph") shows that mistake and
/// must be reported with that code.
@Suite struct DocumentedCitationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    struct Example: CustomStringConvertible {
        var file: String
        var line: Int
        var column: Int
        var text: String
        /// The code the example illustrates, if it shows a mistake.
        var illustrates: DiagnosticCode?
        var description: String { "\(file):\(line):\(column) '\(text)'" }
    }

    /// Inline code spans and quotations holding a citation, and the lines of fenced code blocks.
    static func examples(in file: String, recognizer: CitationRecognizer) throws -> [Example] {
        let text = try String(contentsOf: repository.appendingPathComponent(file), encoding: .utf8)
        let quoted = try NSRegularExpression(pattern: #"`([^`\n]+)`|"([^"\n]+)""#)
        var examples: [Example] = []
        var illustrates: DiagnosticCode?
        var fenced = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") { fenced.toggle(); continue }
            if line.hasPrefix("#") {
                illustrates = line.hasPrefix("### AV9") ? DiagnosticCode(rawValue: String(line.dropFirst(4).prefix(5))) : nil
                continue
            }
            var spans: [(String, Int)] = []
            if fenced {
                spans.append((line, 0))
            } else {
                for match in quoted.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    for group in 1...2 where match.range(at: group).location != NSNotFound {
                        let range = Range(match.range(at: group), in: line)!
                        spans.append((String(line[range]), line.unicodeScalars.distance(from: line.startIndex, to: range.lowerBound)))
                    }
                }
            }
            for (span, offset) in spans where !recognizer.citations(in: span).isEmpty {
                examples.append(Example(file: file, line: index + 1, column: offset + 1, text: span, illustrates: illustrates))
            }
        }
        return examples
    }

    @Test func everyCitationExampleInTheDocsChecksAsDocumented() throws {
        let registry = try statuteRegistry()
        let recognizer = CitationRecognizer(registry: registry)
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
        var count = 0, mistakes = 0
        for file in docs + ["README.md"] {
            let source = SourceFile(path: file, text: try String(contentsOf: Self.repository.appendingPathComponent(file), encoding: .utf8))
            for example in try Self.examples(in: file, recognizer: recognizer) {
                count += 1
                // Each example stands alone, in an agreement that takes effect in 2027.
                var checker = CitationChecker(recognizer: recognizer, validFrom: CalendarDate(year: 2027, month: 1, day: 1),
                                              source: source, documentID: "exempel")
                checker.check(text: example.text, at: SourceLocation(line: example.line, column: example.column), mustName: false)
                // An abbreviation in an example stands for a statute introduced earlier in its document.
                let codes = Set(checker.diagnostics.map(\.code)
                    .filter { $0 != .missingSFSNumber || example.illustrates == .missingSFSNumber })
                // Under a diagnostic's heading an example shows the mistake or its fix; elsewhere, a right form.
                let allowed: Set<DiagnosticCode> = example.illustrates.map { [$0] } ?? []
                #expect(codes.isEmpty || codes == allowed, "\(example): \(checker.diagnostics.map(\.summary))")
                if !codes.isEmpty { mistakes += 1 }
            }
        }
        #expect(count >= 15)
        // "3 § LVU", "16 kap. 99 § HSL", "1-3 §§", "1 och 2 §", …: the mistakes are shown, and reported.
        #expect(mistakes >= 5)
    }
}
