import Foundation
import Testing

/// Every input that once crashed a fuzz harness (or that probes an edge the harnesses must survive)
/// is kept in FuzzRegressions/<harness>/ and replayed through `avtal-fuzz`, the same entry point that
/// `scripts/fuzz` builds with libFuzzer: it must run to the end, with no trap.
@Suite struct FuzzRegressionTests {
    static let harnesses = ["document", "patch", "response-json", "response-csv"]
    static let folder = packageRoot.appendingPathComponent("Tests/AvtalCLITests/FuzzRegressions")

    static func fuzzBinary() throws -> URL {
        try avtalBinary().deletingLastPathComponent().appendingPathComponent("avtal-fuzz")
    }

    @Test(arguments: harnesses) func regressionInputsReplayWithoutATrap(harness: String) throws {
        let inputs = Self.folder.appendingPathComponent(harness)
        let count = try FileManager.default.contentsOfDirectory(atPath: inputs.path).filter { !$0.hasPrefix(".") }.count
        #expect(count > 0, "each harness keeps at least one input")
        let process = Process()
        process.executableURL = try Self.fuzzBinary()
        process.arguments = [harness, inputs.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let (stdout, stderr) = try runCapturing(process)
        #expect(process.terminationReason == .exit, "\(harness) trapped: \(stderr.suffix(2000))")
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(stdout == "\(harness): replayed \(count) inputs\n")
    }

    @Test func anUnknownHarnessIsAUsageError() throws {
        let process = Process()
        process.executableURL = try Self.fuzzBinary()
        process.arguments = ["no-such-harness", Self.folder.path]
        let (_, stderr) = try runCapturing(process)
        #expect(process.terminationStatus == 2)
        #expect(stderr.hasPrefix("usage: avtal-fuzz <document|patch|response-json|response-csv>"))
    }
}
