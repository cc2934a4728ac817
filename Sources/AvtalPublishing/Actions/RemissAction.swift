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
            let date = RemissPackage.timestamp(for: package.version, environment: environment)
            if let printer {
                let documents = workspace.texts[version]?.documents ?? []
                let titles = Dictionary(documents.map { ($0.entry.id, $0.frontMatter.title) }, uniquingKeysWith: { a, _ in a })
                extra = try pdfs(of: package.files(), version: package.version, titles: titles, printer: printer,
                                 epoch: Int(date.timeIntervalSince1970))
            }
            let files = try package.files(extra: extra)
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

    /// Each document's page of the package's site, the letter and the blank form, printed with a
    /// running header and page numbers: "pdf/<document>.pdf", "pdf/remissbrev.pdf", "pdf/svar.pdf" → bytes.
    static func pdfs(of files: [String: Data], version: Version, titles: [String: String], printer: any PDFPrinter,
                     epoch: Int) throws(ActionFailure) -> [String: Data] {
        let prefix = "\(RemissPackage.site)/\(version.id)/"
        var pages: [String: (name: String, title: String)] = [
            RemissPackage.letter: ("remissbrev.pdf", "Remissbrev"), RemissPackage.form: ("svar.pdf", "Svarsformulär"),
        ]
        for (id, title) in titles { pages["\(prefix)\(id).html"] = ("\(id).pdf", title) }
        let subject = "\(version.title) (\(version.id))" + (version.publishedOn.map { ", publicerad \(SwedishDate.format($0))" } ?? "")
        var printed = files
        for (page, info) in pages {
            guard let data = files[page] else { pages[page] = nil; continue }
            let html = String(decoding: data, as: UTF8.self)
            printed[page] = PrintPages.withRunningHeader(html, document: info.title, version: subject).map { Data($0.utf8) } ?? data
        }
        var pdfs: [String: Data] = [:]
        for (page, data) in try printer.print(pages.keys.sorted(), of: printed) {
            if let name = pages[page]?.name { pdfs["pdf/\(name)"] = PrintPages.fixingDates(data, epoch: epoch) }
        }
        return pdfs
    }
}
