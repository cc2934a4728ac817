import Foundation
import Testing

/// `avtal agree` end to end: the working group's agreed wording makes `check --strict` fail when the
/// working text changes it, and a new agreement clears it.
@Suite struct AgreeCommandTests {
    func corpusCopy() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-agree-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: remissCorpus), to: folder)
        return folder
    }

    @Test func agreeThenEditFailsStrictCheckUntilAgreedAgain() throws {
        let root = try corpusCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let target = "ok-betalningsansvar#kallelse-till-sip"
        let agree = try avtal(["agree", target, "--by", "arbetsgruppen", "--on", "2025-03-03", "--note", "Möte 3 mars", "--root", root.path])
        #expect(agree.status == 0, "\(agree.stderr)")
        #expect(agree.stdout.contains("agreed \(target): arbetsgruppen, 2025-03-03"))
        #expect(try avtal(["check", "--strict", "--root", root.path]).status == 0)

        let file = root.appendingPathComponent("ok-betalningsansvar.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "senast tre vardagar", with: "senast fem vardagar").write(to: file, atomically: true, encoding: .utf8)
        let strict = try avtal(["check", "--strict", "--root", root.path, "--color", "never"])
        #expect(strict.status == 1)
        #expect(strict.stdout.contains("warning[AV650]: The wording of \(target) differs from what arbetsgruppen agreed on 2025-03-03"))
        #expect(strict.stdout.contains("[tre]"))
        #expect(strict.stdout.contains("[fem]"))

        #expect(try avtal(["agree", target, "--by", "arbetsgruppen", "--on", "2025-04-07", "--root", root.path]).status == 0)
        #expect(try avtal(["check", "--strict", "--root", root.path]).status == 0)
    }

    @Test func argumentsAreCheckedBeforeAnythingIsRead() throws {
        let bad = try avtal(["agree", "ok-betalningsansvar", "--by", "arbetsgruppen", "--on", "2025-03-03", "--root", remissCorpus])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("is not document#clause-id"))
        let date = try avtal(["agree", "a#b", "--by", "arbetsgruppen", "--on", "2025-02-30", "--root", remissCorpus])
        #expect(date.status == 2)
        #expect(date.stderr.contains("is not a date"))
    }

    @Test func anUnknownClauseCannotBeAgreed() throws {
        let root = try corpusCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try avtal(["agree", "ok-betalningsansvar#finns-inte", "--by", "arbetsgruppen", "--on", "2025-03-03", "--root", root.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("has no clause 'finns-inte'"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("agreed.yml").path))
    }
}
