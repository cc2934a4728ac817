import Foundation
import Testing

/// The binary alone, copied to a folder outside the repository with no Templates/ anywhere on its path,
/// starts a corpus, checks it, builds it, publishes a version and sends it on remiss: another
/// organisation needs nothing but `avtal`.
@Suite struct SelfContainedTests {
    /// A new folder in the temporary folder holding only a copy of the binary.
    func lonelyBinary() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: try avtalBinary(), to: folder.appendingPathComponent("avtal"))
        #expect(!folder.standardizedFileURL.path.hasPrefix(packageRoot.standardizedFileURL.path + "/"), "outside the repository")
        var ancestor = folder.standardizedFileURL
        while ancestor.path != "/" {
            #expect(!FileManager.default.fileExists(atPath: ancestor.appendingPathComponent("Templates").path),
                    "\(ancestor.path) holds Templates/, so the test would not show the binary is self-contained")
            ancestor.deleteLastPathComponent()
        }
        return folder
    }

    /// Runs the copy with the folder as the current folder, and without AVTAL_TEMPLATES.
    func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = folder.appendingPathComponent("avtal")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["AVTAL_TEMPLATES"] = nil
        process.environment = environment
        let (stdout, stderr) = try runCapturing(process)
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    @Test func theBinaryAloneStartsChecksBuildsPublishesAndSendsOutACorpus() throws {
        let folder = try lonelyBinary()
        func succeeds(_ arguments: [String]) throws {
            let result = try run(arguments, in: folder)
            #expect(result.status == 0, "avtal \(arguments.joined(separator: " ")):\n\(result.stdout)\(result.stderr)")
        }
        try succeeds(["init", "x"])
        try succeeds(["check", "--strict", "--root", "x"])
        try succeeds(["build", "--root", "x", "--output", "out"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/working/avtal.html").path))
        try succeeds(["publish", "utkast-1", "--root", "x", "--date", "2030-01-15"])
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("x/remiss"), withIntermediateDirectories: true)
        try Self.remissSettings.write(to: folder.appendingPathComponent("x/remiss/utkast-1.yml"))
        try Self.consultees.write(to: folder.appendingPathComponent("x/remissinstanser.yml"))
        try succeeds(["check", "--strict", "--root", "x"])
        try succeeds(["remiss", "utkast-1", "--root", "x", "--output", "remiss-ut"])
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("remiss-ut/remiss-utkast-1.zip").path))
    }

    @Test func initAndExportRefuseAFolderThatIsNotEmpty() throws {
        let folder = try lonelyBinary()
        #expect(try run(["init"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("Agreement/agreement.yml").path))
        #expect(try run(["check", "--strict"], in: folder).status == 0)
        let again = try run(["init"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("it is not empty"), "\(again.stderr)")
        #expect(try run(["templates", "export", "mallar"], in: folder).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("mallar/layout.mustache").path))
        #expect(try run(["templates", "export", "mallar"], in: folder).status == 2)
    }

    static let remissSettings = Data("""
        # Remissen av det första utkastet. Namn och adresser är påhittade.
        title: Remiss av utkast till samverkansavtal
        diarienummer:
          - organisation: Part A
            number: "2030-0001"
        senders:
          - name: Part A
            signatory:
              name: Eva Exempelsson
              title: Ordförande
        contacts:
          - name: Kim Exempelsson
            role: samordnare
            email: kim@example.org
        opens: 2030-01-15
        deadline:
          date: 2030-03-15
          time: "12:00"
        answer:
          email: registrator@example.org
        consultees:
          - kommuner

        """.utf8)

    static let consultees = Data("""
        # Remissinstanserna: en grupp med två påhittade kommuner.
        groups:
          - id: kommuner
            title: Kommunerna
            members:
              - id: kommun-a
                name: Kommun A
              - id: kommun-b
                name: Kommun B

        """.utf8)
}
