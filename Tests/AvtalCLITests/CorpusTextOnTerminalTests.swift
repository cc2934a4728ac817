import Foundation
import Testing

/// `avtal diff` and `avtal amendments` print the corpus's own text. A control character in it (here
/// an escape sequence that would clear the screen, written by a patch) is shown escaped, as every
/// other command shows untrusted text; the commands' own line breaks and colours are kept.
@Suite struct CorpusTextOnTerminalTests {
    static let escape = "\u{1B}"

    func hostileCorpus() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("avtal-terminal-\(UUID().uuidString)/andringar")
        try FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("Tests/AvtalPublishingTests/Fixtures/andringar"),
                                         to: folder)
        let patch = folder.appendingPathComponent("patches/p-rattelse.yml")
        let text = try String(contentsOf: patch, encoding: .utf8)
            .replacingOccurrences(of: "    with: varandra", with: "    with: \"vara\\e[2Jndra\"")
        try Data(text.utf8).write(to: patch)
        return folder
    }

    @Test func amendmentsShowsTheCorpusTextEscaped() throws {
        let corpus = try hostileCorpus()
        for format in ["markdown", "html"] {
            let run = try avtal(["amendments", "p-rattelse", "--root", corpus.path, "--format", format])
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(!run.stdout.contains(Self.escape))
            #expect(run.stdout.contains("Parterna rapporterar avvikelser till vara\\u{1B}[2Jndra."), "\(run.stdout)")
        }
        let markdown = try avtal(["amendments", "p-rattelse", "--root", corpus.path])
        #expect(markdown.stdout.hasPrefix("# Rättelse av stavfel\n\n- Beslutat av Avtalssekretariatet den 2 april 2025\n"))
    }

    @Test func diffShowsTheCorpusTextEscapedAndKeepsItsOwnColours() throws {
        let corpus = try hostileCorpus()
        let plain = try avtal(["diff", "working", "v2", "--root", corpus.path, "--color", "never"])
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(!plain.stdout.contains(Self.escape))
        #expect(plain.stdout.contains("till [-varndra-] {+vara\\u{1B}[2Jndra+}."), "\(plain.stdout)")
        let coloured = try avtal(["diff", "working", "v2", "--root", corpus.path, "--color", "always"])
        #expect(coloured.stdout.contains("\(Self.escape)[32m{+vara\\u{1B}[2Jndra+}\(Self.escape)[0m."), "\(coloured.stdout)")
        #expect(!coloured.stdout.contains("\(Self.escape)[2J"))
    }
}
