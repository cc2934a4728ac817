import Foundation
import Testing
@testable import AvtalCore

/// The pages a user reads hold to the code: every key the loader accepts is in docs/format.md, and
/// the rule help compiled into the binary (SARIF) is the text of docs/diagnostics.md.
@Suite struct DocumentationTests {
    func page(_ name: String) throws -> String {
        try String(contentsOf: fixturesFolder.appendingPathComponent("../../../docs/\(name)"), encoding: .utf8)
    }

    /// The lines under each heading, up to the next heading, by the heading's text without its #s.
    func sections(of page: String) -> [String: [String]] {
        var sections: [String: [String]] = [:]
        var current: String?
        for line in page.components(separatedBy: "\n") {
            if line.hasPrefix("#") {
                current = String(line.drop(while: { $0 == "#" }).dropFirst())
                sections[current!] = []
            } else if let current {
                sections[current, default: []].append(line)
            }
        }
        return sections
    }

    /// Each file and part has its heading in format.md, and its table lists exactly the keys the
    /// loader accepts there: a new key fails this test until it is documented, and so does a key
    /// documented that the loader would reject.
    @Test(arguments: FormatKeys.all.map(\.heading))
    func everyAcceptedKeyIsDocumented(_ heading: String) throws {
        let keySet = try #require(FormatKeys.all.first { $0.heading == heading })
        let lines = try #require(sections(of: try page("format.md"))["`\(heading)`"] ?? sections(of: try page("format.md"))[heading],
                                 "docs/format.md has no heading '\(heading)'")
        let documented = lines.compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line.dropFirst(3)[..<end])
        }
        #expect(Set(documented) == Set(keySet.keys), "under '\(heading)'")
        #expect(documented.count == Set(documented).count, "each key once under '\(heading)'")
    }

    /// The same reading of the page as scripts/generate-diagnostic-help.py.
    @Test func ruleHelpIsTheTextOfDiagnosticsPage() throws {
        let all = sections(of: try page("diagnostics.md"))
        for code in DiagnosticCode.allCases {
            var lines = try #require(all["\(code.rawValue) \(code.name)"], "\(code.rawValue)")
            while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
            while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
            if !lines.isEmpty {
                lines[0] = lines[0].replacingOccurrences(of: "^(error|warning) · ", with: "", options: .regularExpression)
            }
            let text = lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
            #expect(code.help == text, "\(code.rawValue): run scripts/generate-diagnostic-help.py")
        }
    }
}
