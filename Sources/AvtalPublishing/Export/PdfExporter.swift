import AvtalCore
import Foundation

/// A version as PDF: each document's page and the page with every text (`alla.pdf`), printed by
/// Chromium with the site's print stylesheet, a running header and page numbers.
package struct PdfExporter {
    let builder: SiteBuilder
    let printer: any PDFPrinter
    let epoch: Int

    package init(builder: SiteBuilder, printer: any PDFPrinter, epoch: Int) {
        self.builder = builder
        self.printer = printer
        self.epoch = epoch
    }

    package func export(version id: String) throws -> [String: Data] {
        guard let text = builder.workspace.texts[id] else { throw ActionFailure.cannotRun("version '\(id)' could not be built") }
        let site = VersionSite(builder: builder, id: id, text: text)
        var files = try builder.render(only: id)
        var names: [String: String] = [:]
        var titles = Dictionary(uniqueKeysWithValues: text.documents.map { ($0.entry.id, $0.frontMatter.title) })
        titles["alla"] = builder.siteTitle
        for (name, title) in titles {
            let page = "\(id)/\(name).html"
            guard let data = files[page],
                  let html = PrintPages.withRunningHeader(String(decoding: data, as: UTF8.self), document: title,
                                                          version: site.exportSubject)
            else { continue }
            files[page] = Data(html.utf8)
            names[page] = "\(name).pdf"
        }
        var pdfs: [String: Data] = [:]
        for (page, pdf) in try printer.print(names.keys.sorted(), of: files) {
            if let name = names[page] { pdfs[name] = PrintPages.fixingDates(pdf, epoch: epoch) }
        }
        return pdfs
    }
}
