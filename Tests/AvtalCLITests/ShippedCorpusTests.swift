import Foundation
import Testing

/// The one test of the shipped `Agreement/`: whatever its wording, it must check clean with
/// `--strict`. Every other test uses a fixture corpus, so editing the agreement breaks only this.
@Suite struct ShippedCorpusTests {
    @Test func theShippedAgreementChecksCleanUnderStrict() throws {
        let run = try avtal(["check", "--strict", "--root", "Agreement", "--format", "json"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [Any])
        #expect(diagnostics.isEmpty, "\(run.stdout)")
    }
}
