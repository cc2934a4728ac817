import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// The compilation of remiss responses against the fixture corpus Tests/Fixtures/remiss-korpus, with the fixture set in
/// Fixtures/responses/remiss-2025: form saves (JSON), two survey exports (CSV, one with commas, one
/// with semicolons and a BOM) and files that are not responses at all. Every expectation below was
/// worked out from the fixture files by hand, not read back from the compiler.
enum ResponsesFixture {
    static let version = "remiss-2025"
    static let folder = fixturesFolder.appendingPathComponent("responses/remiss-2025")
    static let corpus = testsFolder.deletingLastPathComponent().appendingPathComponent("Fixtures/remiss-korpus")

    /// Loaded once: the corpus is read-only in these tests.
    static let workspace: Result<Workspace, CorpusUnreadable> = Result { () throws(CorpusUnreadable) in try Workspace.load(root: corpus) }

    /// Every input, in the order it is read (files by name, CSV rows in order), with its status.
    static let statuses: [(String, Compilation.Status)] = [
        ("bilaga-skarmdump.png", .rejected),
        ("enkat-export-semikolon.csv rad 2", .accepted),
        ("enkat-export-semikolon.csv rad 3", .superseded),
        ("enkat-export-semikolon.csv rad 4", .accepted),
        ("enkat-export-semikolon.csv rad 5", .accepted),
        ("enkat-kommuner.csv rad 2", .accepted),
        ("enkat-kommuner.csv rad 3", .accepted),
        ("enkat-kommuner.csv rad 4", .accepted),
        ("enkat-kommuner.csv rad 5", .rejected),
        ("enkat-tom.csv", .rejected),
        ("foljebrev-uddevalla.txt", .rejected),
        ("manifest.json", .rejected),
        ("remissvar-alingsas-2025-06-05.json", .accepted),
        ("remissvar-boras-2025-06-10.json", .accepted),
        ("remissvar-goteborg-2025-06-12.json", .accepted),
        ("remissvar-goteborg-utkast.json", .superseded),
        ("remissvar-gr-2025-06-13.json", .accepted),
        ("remissvar-harryda-2025-06-04.json", .superseded),
        ("remissvar-kungalv-2025-06-09.json", .accepted),
        ("remissvar-kungsbacka-2025-06-07.json", .accepted),
        ("remissvar-lidkoping-2025-06-11.json", .accepted),
        ("remissvar-mark-2025-06-08.json", .rejected),
        ("remissvar-pro-vastra-gotaland.json", .accepted),
        ("remissvar-regionstyrelsen-2025-06-16.json", .accepted),
        ("remissvar-tandvardsstyrelsen-2025-06-14.json", .accepted),
        ("remissvar-trollhattan-2025-06-10.json", .accepted),
        ("remissvar-vanersborg-ansi.json", .rejected),
    ]

    static let accountLine = "files: 27 read, 17 accepted, 3 superseded, 7 rejected"
    /// Comments in the accepted responses, counted in the files by hand.
    static let commentCount = 45

    static func load() throws -> (Workspace, VersionText) {
        let workspace = try workspace.get()
        let text = try #require(workspace.texts[version], "version \(version) was not built")
        return (workspace, text)
    }

    static func compile(_ folder: URL = folder, dispositions: SourceFile? = nil) throws -> Compilation {
        let (workspace, text) = try load()
        return try Compilation.compile(folder: folder, text: text, consultees: workspace.consultees, workspace: workspace,
                                       dispositions: dispositions)
    }

    static func render(_ compilation: Compilation) throws -> CompilationRenderer {
        let (workspace, text) = try load()
        return CompilationRenderer(compilation: compilation, text: text, consultees: workspace.consultees,
                                   templates: try TemplateLibrary(folder: templatesFolder).preloaded(),
                                   versionTitle: VersionDiff.title(of: version, in: workspace))
    }

    static func entry(_ label: String, in compilation: Compilation) throws -> Compilation.Entry {
        try #require(compilation.entries.first { $0.label == label }, "no input \(label)")
    }

    /// A small RFC 4180 reader of our own, so that the expectations do not depend on the CSV library
    /// the compiler uses: quoted cells, doubled quotes, line breaks in cells, a BOM, `,` or `;`.
    static func parseCSV(_ raw: String, delimiter: Character? = nil) -> [[String]] {
        var text = Substring(raw)
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator = delimiter ?? (header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ",")
        let characters = Array(text)
        var rows: [[String]] = [], row: [String] = [], cell = "", quoted = false, index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            if quoted {
                if character != "\"" {
                    cell.append(character)
                } else if index < characters.count, characters[index] == "\"" {
                    cell.append("\"") // "" inside a quoted cell
                    index += 1
                } else {
                    quoted = false
                }
            } else if character == "\"" {
                quoted = true
            } else if character == separator {
                row.append(cell)
                cell = ""
            } else if character == "\n" || character == "\r\n" {
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }

    /// What the compiler must keep of a text: trimmed, or cut to 20 000 characters when longer.
    static func kept(_ raw: String) -> String? {
        if raw.count > ResponseReader.maxTextLength { return String(raw.prefix(ResponseReader.maxTextLength)) }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// (input label, comment text) for every comment in the accepted inputs, read from the files.
    static func commentsInFiles(accepted: Set<String>) throws -> [String] {
        var found: [String] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        for name in names {
            let url = folder.appendingPathComponent(name)
            if name.hasSuffix(".json"), accepted.contains(name) {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
                for (_, value) in object["grades"] as? [String: Any] ?? [:] {
                    let entry = value as? [String: Any] ?? [:]
                    if let comment = (entry["document"] as? [String: Any])?["comment"] as? String, let text = kept(comment) {
                        found.append("\(name)\n\(text)")
                    }
                    for (_, chapter) in entry["chapters"] as? [String: Any] ?? [:] {
                        if let comment = (chapter as? [String: Any])?["comment"] as? String, let text = kept(comment) {
                            found.append("\(name)\n\(text)")
                        }
                    }
                }
                for (_, value) in object["comments"] as? [String: Any] ?? [:] {
                    if let comment = value as? String, let text = kept(comment) { found.append("\(name)\n\(text)") }
                }
            } else if name.hasSuffix(".csv") {
                let rows = parseCSV(try String(contentsOf: url, encoding: .utf8))
                guard let header = rows.first else { continue }
                for (index, row) in rows.enumerated().dropFirst() where accepted.contains("\(name) rad \(index + 1)") {
                    for (column, cell) in zip(header, row) where column.hasPrefix("comment:") {
                        if let text = kept(cell) { found.append("\(name) rad \(index + 1)\n\(text)") }
                    }
                }
            }
        }
        return found
    }

    /// A folder of its own for a test, removed afterwards by the caller.
    static func scratchFolder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-responses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }
}
