import AvtalCore
import Foundation

/// `avtal export`: one version's texts in a format outside the site, written as a folder of its own.
package enum ExportAction {
    package enum Format: String, CaseIterable, Sendable {
        case docx, pdf, akn
    }

    package struct Exported: Sendable {
        package var output: URL
        package var files: [String]
    }

    /// Writes the version's files into `output`, replacing it only if avtal made it. The external tool is
    /// found before anything is rendered, so a missing one writes nothing.
    package static func run(root: URL, templates: TemplateSearch, format: Format, version: String, output: URL,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) -> Exported {
        let pandoc = format == .docx ? try Pandoc.locate(environment: environment) : nil
        let printer = format == .pdf ? try chromium(environment) : nil
        let workspace = try Workspace.withoutErrors(root: root, scope: version == VersionsFile.working ? nil : version)
        guard workspace.texts[version] != nil else {
            throw .cannotRun(PublishingError.unknownVersion(version, known: workspace.versions.map(\.id)).description)
        }
        let library = try templates.library()
        do {
            let builder = try SiteBuilder(workspace: workspace, templates: library)
            let epoch = epoch(of: version, in: workspace, environment: environment)
            let files: [String: Data]
            if let pandoc {
                files = try DocxExporter(builder: builder, pandoc: pandoc, epoch: epoch).export(version: version)
            } else if let printer {
                files = try PdfExporter(builder: builder, printer: printer, epoch: epoch).export(version: version)
            } else {
                let published = workspace.versions.first { $0.id == version }?.publishedOn
                files = try AknExporter(builder: builder).export(version: version, date: published ?? AknExporter.day(ofEpoch: epoch))
            }
            try OutputWriter.replace(output, with: files, corpus: root)
            return Exported(output: output, files: files.keys.sorted())
        } catch {
            throw .wrapping(error)
        }
    }

    static func chromium(_ environment: [String: String]) throws(ActionFailure) -> ChromiumPrinter {
        do {
            return try ChromiumPrinter.locate(environment: environment)
        } catch {
            throw .cannotRun("--format pdf needs Chromium, which is not installed (apt-get install chromium, or set CHROMIUM); nothing was written")
        }
    }

    /// The time every exported file carries: SOURCE_DATE_EPOCH, else the version's date, else 1980-01-01.
    package static func epoch(of version: String, in workspace: Workspace, environment: [String: String]) -> Int {
        if let given = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) { return given }
        guard let found = workspace.versions.first(where: { $0.id == version }) else { return 315_532_800 }
        return Int(RemissPackage.timestamp(for: found, environment: [:]).timeIntervalSince1970)
    }
}
