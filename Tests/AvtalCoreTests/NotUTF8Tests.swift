import Foundation
import Testing
@testable import AvtalCore

/// A file that is there but is not UTF-8 is an error at its first bad byte, for every kind of file the
/// load stage reads; it is never taken for a file that is absent, which would switch checks off.
@Suite struct NotUTF8Tests {
    /// One corpus with every kind of file: remiss-base (manifest, document, versions, patch, snapshot,
    /// lock, consultees, remiss settings) and the registries and a patient case from other fixtures.
    func everyKindOfFile() throws -> URL {
        let folder = try copyFixture("remiss-base")
        let fm = FileManager.default
        for (fixture, file) in [("AV901-unknown-statute", "forfattningar.yml"), ("AV911-avoided-word", "begrepp.yml"),
                                ("AV931-unknown-external-document", "externa-dokument.yml")] {
            try fm.copyItem(at: fixturesFolder.appendingPathComponent("\(fixture)/\(file)"), to: folder.appendingPathComponent(file))
        }
        try fm.copyItem(at: fixturesFolder.appendingPathComponent("AV921-unknown-theme/patientfall"),
                        to: folder.appendingPathComponent("patientfall"))
        return folder
    }

    static let files = [
        "agreement.yml", "avtal.md", "versions.yml", "patches/p1.yml", "versions/v1/agreement.yml", "versions/v1/avtal.md",
        "versions/v1/lock.json", "forfattningar.yml", "begrepp.yml", "externa-dokument.yml", "patientfall/syrgas-1.md",
        "remissinstanser.yml", "remiss/v1.yml",
    ]

    func unusable(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { $0.code == .notUTF8 || $0.code == .unreadableFile }
    }

    @Test func theCorpusWithEveryKindOfFileReadsEveryFile() throws {
        let result = try check(try everyKindOfFile())
        #expect(unusable(result.diagnostics).isEmpty)
    }

    @Test(arguments: files)
    func aByteThatIsNotUTF8IsAnErrorAtItsPlace(_ file: String) throws {
        let folder = try everyKindOfFile()
        let before = Set(try check(folder).diagnostics.map(Expected.init))
        let url = folder.appendingPathComponent(file)
        var bytes = [UInt8](try Data(contentsOf: url))
        let lineStart = try #require(bytes.firstIndex(of: 0x0A)) + 1
        let offset = lineStart + 3
        bytes.insert(0xFF, at: offset)
        try Data(bytes).write(to: url)

        let result = try check(folder)
        let found = unusable(result.diagnostics)
        #expect(found.map(Expected.init) == [.init(.notUTF8, file, 2, 4)])
        #expect(found.first?.summary == "'\(file)' is not UTF-8 text: byte 0xFF at byte offset \(offset)")
        #expect(result.summary.errors > 0, "the run fails")
        // Nothing elsewhere is blamed on the file: no "missing" registry, no version or remiss without its list.
        let elsewhere = Set(result.diagnostics.filter { $0.range.file != file }.map(Expected.init)).subtracting(before)
        #expect(elsewhere.isEmpty, "\(elsewhere)")
    }

    /// A registry that cannot be read is not reported as missing too.
    @Test func anUnreadableRegistryIsNotCalledMissing() throws {
        let folder = try copyFixture("AV931-unknown-external-document")
        try Data([0x64, 0x6F, 0xFF, 0x0A]).write(to: folder.appendingPathComponent("externa-dokument.yml"))
        let result = try check(folder)
        #expect(result.diagnostics.map(Expected.init) == [.init(.notUTF8, "externa-dokument.yml", 1, 3)])
    }

    @Test func theFirstBadByteIsFoundWhereverItIs() {
        func bad(_ bytes: [UInt8]) -> TextFile.BadByte? { TextFile.firstBadByte(Data(bytes)) }
        #expect(bad(Array("å\nä ö".utf8)) == nil)
        // An overlong form, a surrogate, a code point past U+10FFFF and a truncated sequence.
        #expect(bad([0x61, 0xC0, 0xAF])?.offset == 1)
        #expect(bad([0xED, 0xA0, 0x80])?.offset == 0)
        #expect(bad([0xF4, 0x90, 0x80, 0x80])?.offset == 0)
        #expect(bad([0x61, 0x0A, 0xC3, 0xA5, 0xE2, 0x82])?.location == SourceLocation(line: 2, column: 2))
    }
}
