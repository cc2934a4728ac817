import AvtalCore
import AvtalMarkdown
import Foundation
import ZIPFoundation

/// The remiss package of a published version: the letter, the site of the version, the redline, the
/// amendment texts, the response form and its schema, a manifest with checksums, and a read-me.
/// Rendered in memory from values; the caller writes it (folder and zip) in one step.
package struct RemissPackage {
    package enum Failure: Error, CustomStringConvertible {
        case notReady(String)

        package var description: String {
            switch self {
            case let .notReady(message): message
            }
        }
    }

    package let workspace: Workspace
    package let templates: TemplateLibrary
    package let version: Version
    package let settings: RemissSettings
    /// The git commit of the sources, and whether the work tree had changes, when known.
    package var commit: (id: String, clean: Bool)?

    package static let letter = "remissbrev.html"
    package static let form = "svar.html"
    package static let schema = "svar.schema.json"
    package static let manifest = "manifest.json"
    package static let readme = "LÄSMIG.txt"
    package static let site = "webbplats"

    /// The site's accessibility statement, from a page of the package `root` below its top folder:
    /// every page links to it, not only the site's own.
    static func statementHref(from root: String) -> String { "\(root)\(site)/\(SiteBuilder.statement)" }

    package init(workspace: Workspace, templates: TemplateLibrary, version id: String) throws {
        guard let version = workspace.versions.first(where: { $0.id == id }) else {
            throw Failure.notReady("no version '\(id)' in \(VersionsFile.name)")
        }
        guard version.status == .published else {
            throw Failure.notReady("version '\(id)' is not published: only a frozen text goes out on remiss (avtal publish \(id))")
        }
        guard let settings = workspace.remiss[id] else {
            throw Failure.notReady("no remiss settings for '\(id)': write \(RemissSettings.folder)/\(id).yml (see docs/remiss.md)")
        }
        self.workspace = workspace
        self.templates = try templates.preloaded()
        self.version = version
        self.settings = settings
    }

    /// The date every file carries: SOURCE_DATE_EPOCH when set, else the version's publication date.
    package static func timestamp(for version: Version, environment: [String: String]) -> Date {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) { return Date(timeIntervalSince1970: epoch) }
        let day = version.publishedOn ?? CalendarDate(year: 1980, month: 1, day: 1)
        var components = DateComponents()
        (components.year, components.month, components.day) = (day.year, day.month, day.day)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }

    /// Every file of the package, by path within it; `extra` (PDFs) is added before the manifest is made.
    package func files(extra: [String: Data] = [:]) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let diff = VersionDiff.ofVersion(version.id, in: workspace)
        let site = try SiteBuilder(workspace: workspace, templates: templates, diffs: diff.map { [version.id: $0] } ?? [:])
        for (path, data) in try site.render(only: version.id) {
            files["\(Self.site)/\(path)"] = data
        }
        files[Self.letter] = Data(try renderLetter().utf8)
        files[Self.form] = Data(try renderForm().utf8)
        files[Self.schema] = try templates.asset(named: Self.schema)
        if let diff {
            files["andringar.html"] = Data(try RedlineRenderer(templates: templates).render(
                diff, fromTitle: VersionDiff.title(of: version.base, in: workspace),
                toTitle: VersionDiff.title(of: version.id, in: workspace), statementHref: Self.statementHref(from: "")).utf8)
        }
        for patchID in version.patches {
            guard let patch = workspace.patches[patchID] else { continue }
            let amendment = (try? Amendment.build(patchID: patchID, in: workspace, version: version.id))
                ?? Amendment.factsOnly(patch, version: version.id, versionTitle: version.title)
            let renderer = AmendmentRenderer(templates: templates)
            files["beslut/\(patchID).md"] = Data(AmendmentRenderer.markdown(amendment).utf8)
            files["beslut/\(patchID).html"] = Data(try renderer.html(amendment, statementHref: Self.statementHref(from: "../")).utf8)
        }
        files.merge(extra) { _, new in new }
        files[Self.readme] = Data(readme(files: files).utf8)
        files[Self.manifest] = manifest(files: files)
        return files
    }

    // MARK: Read-me and manifest

    func readme(files: [String: Data]) -> String {
        var entries: [(String, String)] = [
            (Self.letter, "remissbrevet"),
            (Self.form, "svarsformuläret: öppna det i en webbläsare, fyll i och spara svaret som en fil, som ni skickar till \(PlaceholderText.plain(settings.answerEmail))"),
            ("\(Self.site)/index.html", "avtalstexterna i \(VersionDiff.title(of: version.id, in: workspace).lowercasingFirstWord)"),
        ]
        if files["andringar.html"] != nil {
            entries.append(("andringar.html", "ändringarna jämfört med \(VersionDiff.title(of: version.base, in: workspace).lowercasingFirstWord)"))
        }
        if !version.patches.isEmpty { entries.append(("beslut/", "ändringsbesluten i text")) }
        if files.keys.contains(where: { $0.hasPrefix("pdf/") }) { entries.append(("pdf/", "dokumenten som PDF, för utskrift")) }
        entries += [
            (Self.schema, "svarsfilens format (JSON Schema), för den som skapar svar i ett annat system"),
            (Self.manifest, "förteckning över alla filer med kontrollsummor (SHA-256)"),
        ]
        let width = entries.map(\.0.count).max() ?? 0
        var lines = [settings.title]
        lines += settings.diarienummer.map { "Diarienummer: \($0.organisation) \(PlaceholderText.plain($0.number))" }
        lines += ["", "Svara \(deadlineText).", "", "Öppna först \(Self.letter): brevet beskriver remissen och hur ni svarar.", "",
                  "Innehåll:"]
        lines += entries.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count + 2) + $0.1 }
        lines += [
            "",
            "Allt fungerar utan internetanslutning. Formuläret skickar inget självt; ett påbörjat svar sparas bara i den här webbläsaren.",
            "",
            "Frågor: " + settings.contacts.map { person in
                ([person.name, person.role, person.email] + (person.phone.map { [$0] } ?? [])).map(PlaceholderText.plain)
                    .joined(separator: ", ")
            }.joined(separator: "; "),
        ]
        // CRLF, so that the file reads well in Notepad too.
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    struct ManifestFile: Encodable {
        var path: String
        var size: Int
        var sha256: String
    }

    struct ManifestSource: Encodable {
        var commit: String?
        var clean: Bool?
    }

    struct Manifest: Encodable {
        var format = "avtal-remisspaket/1"
        var version: String
        var title: String
        var publishedOn: String
        var base: String
        var patches: [String]
        var source: ManifestSource
        var files: [ManifestFile]

        enum CodingKeys: String, CodingKey {
            case format, version, title, base, patches, source, files
            case publishedOn = "published-on"
        }
    }

    func manifest(files: [String: Data]) -> Data {
        let list = files.keys.filter { $0 != Self.manifest }.sorted().map { path in
            ManifestFile(path: path, size: files[path]!.count, sha256: TextDigest.sha256(files[path]!))
        }
        let manifest = Manifest(version: version.id, title: settings.title, publishedOn: version.publishedOn?.description ?? "",
                                base: version.base, patches: version.patches,
                                source: ManifestSource(commit: commit?.id, clean: commit?.clean), files: list)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(manifest)) ?? Data()) + Data("\n".utf8)
    }

    // MARK: Zip

    /// A zip of `files` under the folder `root`, the same bytes for the same files: entries sorted,
    /// one timestamp, fixed permissions, no absolute paths and no "..".
    package static func zip(_ files: [String: Data], root: String, date: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in files.keys.sorted() {
            guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                throw Failure.notReady("refusing to put '\(path)' in the zip")
            }
            let data = files[path]!
            try archive.addEntry(with: "\(root)/\(path)", type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: date, permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw Failure.notReady("the zip could not be made") }
        return data
    }
}
