import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// A build hands each page to the writer as it is rendered, and `alla.html` in pieces: the pages
/// must be the bytes of the pages rendered whole.
@Suite struct StreamedSiteTests {
    /// Every version's document pages and `alla.html`, rendered whole in memory.
    func wholeTexts(_ site: VersionSite) throws -> [String: Data] {
        let texts = site.text.documents.map { site.rendered($0) }
        var pages: [String: Data] = [:]
        for (document, html) in zip(site.text.documents, texts) {
            pages["v/\(document.entry.id).html"] = Data(try site.renderDocument(document, html).utf8)
        }
        pages["v/alla.html"] = Data(try site.renderAll(texts).utf8)
        return pages
    }

    func versionSites(templates: URL = templatesFolder) throws -> [VersionSite] {
        let workspace = try loadFixture("andringar")
        let builder = try SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templates))
        return builder.versionIDs.compactMap { id in
            workspace.texts[id].map { VersionSite(builder: builder, id: id, text: $0) }
        }
    }

    @Test(arguments: [1, 2, 16])
    func streamedTextsAreThePagesRenderedWhole(batchSize: Int) throws {
        for site in try versionSites() {
            #expect(try site.allPageSkeleton() != nil, "the shipped template streams alla.html")
            let collector = FileCollector()
            try site.renderTexts(into: collector, folder: "v", batchSize: batchSize)
            let whole = try wholeTexts(site)
            #expect(collector.files.keys.sorted() == whole.keys.sorted())
            for (path, data) in whole { #expect(collector.files[path] == data, "\(site.id)/\(path)") }
        }
    }

    /// A template that escapes the texts, or shows them twice, cannot be filled in piece by piece:
    /// the page is rendered whole, as the template says.
    @Test(arguments: ["{{clausesHTML}}", "{{{clausesHTML}}}{{{clausesHTML}}}"])
    func aTemplateThatDoesNotShowEachTextOnceGetsThePageWhole(_ replacement: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: templatesFolder, to: folder)
        let alla = folder.appendingPathComponent("alla.mustache")
        let template = try String(contentsOf: alla, encoding: .utf8)
        #expect(template.contains("{{{clausesHTML}}}"))
        try template.replacingOccurrences(of: "{{{clausesHTML}}}", with: replacement).write(to: alla, atomically: true, encoding: .utf8)
        for site in try versionSites(templates: folder) {
            #expect(try site.allPageSkeleton() == nil)
            let collector = FileCollector()
            try site.renderTexts(into: collector, folder: "v", batchSize: 1)
            #expect(collector.files == (try wholeTexts(site)))
        }
    }

    @Test func buildWritesTheFilesOfTheSiteRenderedInMemory() throws {
        let corpus = fixturesFolder.appendingPathComponent("andringar")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-build-\(UUID().uuidString)/site")
        let built = try BuildAction.run(root: corpus, templates: TemplateSearch(given: templatesFolder, corpus: corpus, environment: [:]),
                                        version: nil, output: output)
        let inMemory = try SiteBuilder(workspace: try loadFixture("andringar"), templates: TemplateLibrary(folder: templatesFolder)).render()
        #expect(built.pages == inMemory.keys.filter { $0.hasSuffix(".html") }.count)
        let written = try #require(FileManager.default.enumerator(atPath: output.path)).compactMap { $0 as? String }
            .filter { !FileManager.default.isDirectoryAtPath(output.appendingPathComponent($0).path) && $0 != OutputFolderGuard.markerName }
        #expect(written.sorted() == inMemory.keys.sorted())
        for (path, data) in inMemory {
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path) == data, "\(path)")
        }
    }
}

extension FileManager {
    fileprivate func isDirectoryAtPath(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
