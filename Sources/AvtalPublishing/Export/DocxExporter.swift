import AvtalCore
import Foundation

/// A version as Word files: one per document, named by its ID, and `alla.docx` with every document.
package struct DocxExporter {
    package static let referenceDocName = "reference.docx"
    package static let allName = "alla.docx"

    let builder: SiteBuilder
    let pandoc: Pandoc
    let epoch: Int

    package init(builder: SiteBuilder, pandoc: Pandoc, epoch: Int) {
        self.builder = builder
        self.pandoc = pandoc
        self.epoch = epoch
    }

    /// The files by name; the reference document comes from the templates (a corpus may override it).
    package func export(version id: String) throws(ActionFailure) -> [String: Data] {
        guard let text = builder.workspace.texts[id] else { throw .cannotRun("version '\(id)' could not be built") }
        let site = VersionSite(builder: builder, id: id, text: text)
        let reference: Data
        do {
            reference = try builder.templates.binaryAsset(named: Self.referenceDocName)
        } catch {
            throw .cannotRun("\(error)")
        }
        var jobs = text.documents.map { document in
            Pandoc.Job(name: "\(document.entry.id).docx", html: site.exportDocumentHTML(document),
                       metadata: metadata(site, title: document.frontMatter.title, document: document), epoch: epoch)
        }
        jobs.append(Pandoc.Job(name: Self.allName, html: site.exportAllHTML(),
                               metadata: metadata(site, title: builder.siteTitle, document: nil), epoch: epoch))
        return try pandoc.docx(jobs, referenceDoc: reference)
    }

    /// Core properties (title, subject, language) and custom ones that a registrar can sort by.
    func metadata(_ site: VersionSite, title: String, document: EditableDocument?) -> [(key: String, value: String)] {
        var pairs: [(key: String, value: String)] = [("title", title), ("subject", site.exportSubject), ("lang", "sv-SE"),
                                                     ("avtal-version", site.id)]
        if let document {
            pairs.append(("avtal-dokument", document.entry.id))
            pairs.append(("giltighetstid", site.validity(document.frontMatter)))
        }
        return pairs
    }
}

extension TemplateLibrary {
    /// A file of the templates copied as it is, not read as text (the Word reference document).
    package func binaryAsset(named name: String) throws(TemplateError) -> Data {
        switch origin(of: name) {
        case let .folder(url):
            guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            return data
        case .builtIn: return BuiltInTemplates.files[name] ?? Data()
        case nil: throw .missing(name: name, path: path(of: name))
        }
    }
}
