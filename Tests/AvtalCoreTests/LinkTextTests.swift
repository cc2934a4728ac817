import Foundation
import Testing
@testable import AvtalCore

/// Link text that states a number is checked against the number avtal computes for the target.
@Suite struct LinkTextTests {
    @Test(arguments: [
        ("punkt 12", "12"), ("avsnitt 4.2", "4.2"), ("Section 12 (Confidentiality)", "12"), ("12 §", "12"),
        ("2 kap. 3 §", "2.3"), ("punkterna 3.1", "3.1"),
    ])
    func numbersAreReadFromLinkText(_ text: String, _ number: String) {
        #expect(Checker.statedNumber(in: text) == number)
    }

    @Test func textWithoutANumberStatesNone() {
        #expect(Checker.statedNumber(in: "villkoren om sekretess") == nil)
        #expect(Checker.statedNumber(in: "Bakgrund") == nil)
    }

    /// The public contract's clause 8.4 said "Section 12 (Confidentiality)" while Section 12 was General Terms.
    @Test func sectionTwelvePointingAtClauseTenIsReported() throws {
        let folder = try copyFixture("valid")
        let headings = (1...12).map { "# Avsnitt \($0) {#avsnitt-\($0)}\n\nText för avsnitt \($0)." }
        let text = """
            ---
            id: avtal
            kind: agreement
            title: Testavtal
            short-title: Avtalet
            valid-from: 2027-01-01
            valid-to: 2030-12-31
            ---

            \(headings.joined(separator: "\n\n"))

            Se [Section 12 (Confidentiality)](#avsnitt-10) och [Section 11](#avsnitt-11).

            """
        try text.write(to: folder.appendingPathComponent("avtal.md"), atomically: true, encoding: .utf8)
        let result = try check(folder)
        let line = text.components(separatedBy: "\n").firstIndex { $0.hasPrefix("Se [") }! + 1
        #expect(result.diagnostics.map(Expected.init) == [.init(.linkTextMismatch, "avtal.md", line, 4)])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.summary == "Link text 'Section 12 (Confidentiality)' states 12, but 'avsnitt-10' is clause 10")
        #expect(diagnostic.fix?.replacement == "[](#avsnitt-10)")
        #expect(diagnostic.notes.contains { $0.message.contains("clause 12 is 'avsnitt-12'") })
    }

    /// A number stated for an unnumbered clause is wrong too: it has none.
    @Test func aNumberForAnUnnumberedClauseIsReported() throws {
        let folder = try copyFixture("AV405-link-text-mismatch")
        let url = folder.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: "# Inledning {#inledning}", with: "# Inledning {#inledning .unnumbered}")
            .replacingOccurrences(of: "[punkt 3](#inledning)", with: "[punkt 1](#inledning)")
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try check(folder)
        #expect(result.diagnostics.map(\.summary) == ["Link text 'punkt 1' states 1, but 'inledning' is an unnumbered clause ('Inledning')"])
    }
}
