import Foundation
import Testing

/// `avtal history document#clause`: which wording applied when, and who decided it.
@Suite struct HistoryCommandTests {
    @Test func namesTheRattelseAndBothWordings() throws {
        let run = try avtal(["history", "ok-betalningsansvar#kallelse-till-sip", "--root", remissCorpus, "--no-git"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  working      3.1.2  Kallelse till samordnad individuell planering  (arbetstexten)"))
        #expect(run.stdout.contains("  remiss-2025  3.1.2  Kallelse till samordnad individuell planering  (Remissversion, published 2025-02-01)"))
        #expect(run.stdout.contains("remiss-2025 ← sro-2025-01-30-rattelse: Rättelse av fristen för kallelse till samordnad individuell planering (correction)"))
        #expect(run.stdout.contains("decided by SRO on 2025-01-30"))
        #expect(run.stdout.contains("senast tre vardagar efter underrättelsen"), "the wording before")
        #expect(run.stdout.contains("senast tre dagar efter underrättelsen"), "the wording after")
        #expect(run.stdout.contains("senast tre [-vardagar-]{+dagar+} efter"))
    }

    @Test func aRenamedClauseIsFoundByItsNewIDAndShowsTheRename() throws {
        let root = "Tests/AvtalCoreTests/Fixtures/versions-all-operations"
        let run = try avtal(["history", "avtal#regionen", "--root", root, "--no-git"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("avtal#regionens-ansvar  Regionens ansvar\n  also known as: avtal#regionen\n"))
        #expect(run.stdout.contains("  v1       2.2  Regionens ansvar  (Version 1, draft, as regionen)"))
        #expect(run.stdout.contains("renamed: avtal#regionens-ansvar → avtal#regionen"))
    }

    @Test func anUnknownClauseCannotRun() throws {
        let run = try avtal(["history", "ok-betalningsansvar#finns-inte", "--root", remissCorpus])
        #expect(run.status == 2)
        #expect(run.stderr.contains("has no clause 'finns-inte'"))
        #expect(try avtal(["history", "utan-brädgård", "--root", remissCorpus]).status == 2)
    }

    /// In a git repository the commits that touched the clause's lines are listed, newest first, and
    /// a commit message cannot act on the terminal.
    @Test func listsTheCommitsThatTouchedTheClause() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-history-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: "Tests/AvtalCoreTests/Fixtures/valid"), to: root)
        defer { try? FileManager.default.removeItem(at: root) }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=Anna Exempel", "-c", "user.email=anna@example.org"] + arguments
            process.currentDirectoryURL = root
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-q", "-m", "Första utkastet")
        let file = root.appendingPathComponent("avtal.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Avtalet gäller enligt", with: "Avtalet gäller alltid enligt").write(to: file, atomically: true, encoding: .utf8)
        try git("commit", "-q", "-a", "-m", "Avtalstiden \u{1B}[2Jförtydligad")
        let run = try avtal(["history", "avtal#avtalstid", "--root", root.path])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        let commits = lines.drop { !$0.hasPrefix("Commits that touched") }.dropFirst().filter { !$0.isEmpty }
        #expect(commits.count == 2)
        #expect(commits.first?.hasSuffix("Anna Exempel: Avtalstiden \\u{1B}[2Jförtydligad") == true)
        #expect(commits.last?.hasSuffix("Anna Exempel: Första utkastet") == true)
        #expect(!run.stdout.contains("\u{1B}"))
        let other = try avtal(["history", "avtal#inledning", "--root", root.path])
        #expect(other.stdout.components(separatedBy: "\n").filter { $0.contains("Anna Exempel") }.count == 1)
    }
}
