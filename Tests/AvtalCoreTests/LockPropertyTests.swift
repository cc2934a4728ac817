import Foundation
import Testing
@testable import AvtalCore

/// The lock is computed from the bytes publish writes, so `check` right after `publish` is clean for
/// any heading and text a patch can carry: emphasis, code, escapes, entities, non-ASCII.
/// The seed is fixed for reproducible runs; AVTAL_LOCK_SEED=<n> explores another sequence.
@Suite struct LockPropertyTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["AVTAL_LOCK_SEED"].flatMap { UInt64($0) } ?? 20_250_601

    @Test func checkIsCleanRightAfterPublishingRandomPatches() throws {
        var random = SplitMix64(seed: Self.seed)
        for trial in 0..<24 {
            let patch = RandomPatch.make(&random)
            let folder = try copyFixture("versions-all-operations")
            defer { try? FileManager.default.removeItem(at: folder) }
            try patch.write(to: folder.appendingPathComponent("patches/p1.yml"), atomically: true, encoding: .utf8)
            let context = "seed \(Self.seed) (set AVTAL_LOCK_SEED to repeat), trial \(trial), patch:\n\(patch)"
            do {
                _ = try PublishAction.run(root: folder, version: "v1", date: nil)
            } catch let PublishAction.Failure.problems(diagnostics, _) {
                Issue.record("publish refused: \(diagnostics.map { "\($0.code.rawValue) \($0.summary)" }); \(context)")
                return
            }
            let after = try Workspace.load(root: folder)
            #expect(after.diagnostics.map { "\($0.code.rawValue) \($0.range.file):\($0.range.start.line) \($0.summary)" } == [],
                    "\(context)")
            #expect(after.locks["v1"]?.format == 2, "\(context)")
        }
    }
}

/// Deterministic and tiny: the test must repeat exactly from its seed on every platform.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}

enum RandomPatch {
    /// Inline pieces that read back differently as plain text than as Markdown.
    static let pieces = [
        "Avtal", "vårdens", "Åtagande", "ärende", "Öppen", "naïve", "日本", "€ 100", "§ 3",
        "*betonat*", "_lutande_", "**fett**", "`kod`", "~~struket~~", "\\*", "\\_", "\\\\", "\\#", "\\[x\\]",
        "&amp;", "&lt;", "&quot;", "&#229;", "&auml;", "a & b", "1.", "x*y", "\"citat\"",
    ]
    static let headingClauses = ["inledning", "ansvar", "regionens-ansvar", "kommunens-ansvar", "avtalstid"]
    static let currentHeadings = ["Inledning", "Ansvar", "Regionens ansvar", "Kommunens ansvar", "Avtalstid"]

    static func text(_ random: inout SplitMix64, words: ClosedRange<Int>) -> String {
        let count = words.lowerBound + Int(random.next() % UInt64(words.count))
        return (0..<count).map { _ in random.pick(pieces) }.joined(separator: " ")
    }

    /// A YAML double-quoted scalar: every piece survives the patch reader unchanged.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static let currentTexts = [
        "Parterna ingår detta avtal. Avtalstiden framgår av [](#avtalstid).", "Parterna ansvarar gemensamt för samverkan.",
        "Regionen ansvarar för specialiserad vård.", "Kommunen ansvarar för vård i hemmet.",
        "Avtalet gäller från och med den 1 januari 2027 till och med den 31 december 2030.",
    ]

    /// Two headings and one clause text changed; IDs stay, so the working text keeps every published ID.
    static func make(_ random: inout SplitMix64) -> String {
        let first = Int(random.next() % UInt64(headingClauses.count))
        let second = (first + 1 + Int(random.next() % UInt64(headingClauses.count - 1))) % headingClauses.count
        let body = Int(random.next() % UInt64(headingClauses.count))
        var changes = [first, second].map { clause in
            """
              - target: avtal#\(headingClauses[clause])
                set-heading: \(quoted(text(&random, words: 1...5)))
                expect: \(currentHeadings[clause])
            """
        }
        changes.append("""
              - target: avtal#\(headingClauses[body])
                set-text: \(quoted("Text " + text(&random, words: 2...8) + "."))
                expect: \(quoted(currentTexts[body]))
            """)
        return """
            id: p1
            kind: adjustment
            title: Slumpad justering
            decided-by: SRO
            decided-on: 2025-01-30
            reference: SRO 2025-01-30, ärende 4
            rationale: Ett test.
            changes:

            """ + changes.joined(separator: "\n") + "\n"
    }
}
