import AvtalCore
import Foundation

/// `avtal remiss`: the remiss package of a published version, written as a folder and as a zip.
package enum RemissAction {
    package struct Packaged: Sendable {
        package var folder: URL
        package var zip: URL
        package var fileCount: Int
        package var zipSize: Int
    }

    /// Writes `<output>/remiss/<version>/` and `<output>/remiss-<version>.zip`. `printer`, when given,
    /// adds each document as `pdf/<document>.pdf`; `revision` goes into the manifest. File times come
    /// from `environment`'s SOURCE_DATE_EPOCH or the version's date, never the clock. A package with
    /// placeholders in its settings is refused (AV711) unless it is a `draft`.
    package static func run(
        root: URL, templates: TemplateSearch, version: String, output: URL, draft: Bool = false,
        printer: (any PDFPrinter)? = nil, revision: GitRevision? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ActionFailure) -> Packaged {
        // The package depends only on the version and its base, so nothing else of the corpus is loaded:
        // sending out a frozen version does not wait for the whole working text to be checked.
        let workspace = try Workspace.withoutErrors(root: root, scope: version)
        let library = try templates.library()
        do {
            var package = try RemissPackage(workspace: workspace, templates: library, version: version)
            let refused = draft ? [] : package.placeholderDiagnostics()
            if !refused.isEmpty { throw ActionFailure.problems(refused, sources: workspace.sources) }
            package.commit = revision.map { ($0.id, $0.clean) }
            var extra: [String: Data] = [:]
            if let printer {
                let documents = workspace.texts[version]?.documents.map(\.entry.id) ?? []
                extra = try pdfs(of: package.files(), version: version, documents: documents, printer: printer)
            }
            let files = try package.files(extra: extra)
            let date = RemissPackage.timestamp(for: package.version, environment: environment)
            let zip = try RemissPackage.zip(files, root: version, date: date)
            let folder = output.appendingPathComponent("remiss").appendingPathComponent(version)
            let zipURL = output.appendingPathComponent("remiss-\(version).zip")
            // The zip is staged with the folder, so a failed write leaves both as they were.
            try OutputWriter.replace(folder, with: files, alongWith: zipURL, data: zip, corpus: root)
            return Packaged(folder: folder, zip: zipURL, fileCount: files.count, zipSize: zip.count)
        } catch {
            throw .wrapping(error)
        }
    }

    /// Each document's page of the package's site, printed: "pdf/<document>.pdf" → bytes.
    static func pdfs(of files: [String: Data], version: String, documents: [String], printer: any PDFPrinter) throws(ActionFailure) -> [String: Data] {
        let prefix = "\(RemissPackage.site)/\(version)/"
        let pages = documents.map { "\(prefix)\($0).html" }.filter { files[$0] != nil }.sorted()
        var pdfs: [String: Data] = [:]
        for (page, data) in try printer.print(pages, of: files) {
            pdfs["pdf/\(page.dropFirst(prefix.count).dropLast(".html".count)).pdf"] = data
        }
        return pdfs
    }
}
