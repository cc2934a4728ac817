import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// Prints nothing: each page becomes a few recognisable bytes, so that the package's PDFs can be
/// checked without a browser.
struct FakePrinter: PDFPrinter {
    func print(_ pages: [String], of files: [String: Data]) throws(ActionFailure) -> [String: Data] {
        var pdfs: [String: Data] = [:]
        for page in pages where files[page] != nil { pdfs[page] = Data("%PDF fake \(page)".utf8) }
        return pdfs
    }
}

/// The remiss action on the remiss-base fixture (one published version with settings).
@Suite struct RemissActionTests {
    let corpus = coreFixtures.appendingPathComponent("remiss-base")
    let environment = ["SOURCE_DATE_EPOCH": "1750000000"]

    var templates: TemplateSearch { TemplateSearch(given: templatesFolder, corpus: corpus, environment: [:]) }

    func package(printer: (any PDFPrinter)? = nil) throws -> RemissAction.Packaged {
        try RemissAction.run(root: corpus, templates: templates, version: "v1", output: try actionFolder(), printer: printer,
                             revision: GitRevision(id: String(repeating: "a", count: 40), clean: false), environment: environment)
    }

    @Test func writesTheFolderAndTheZipTheSameBytesTwice() throws {
        let first = try package(), second = try package()
        for file in [RemissPackage.letter, RemissPackage.form, RemissPackage.manifest, "webbplats/v1/avtal.html"] {
            #expect(FileManager.default.fileExists(atPath: first.folder.appendingPathComponent(file).path), "\(file)")
        }
        #expect(first.fileCount == (try FileManager.default.subpathsOfDirectory(atPath: first.folder.path))
            .filter { !$0.hasSuffix("/") && $0 != ".avtal-output" && !isFolder(first.folder.appendingPathComponent($0)) }.count)
        #expect(try Data(contentsOf: first.zip) == Data(contentsOf: second.zip))
        #expect(first.zipSize == (try Data(contentsOf: first.zip)).count)
    }

    @Test func theManifestNamesTheRevision() throws {
        let packaged = try package()
        let manifest = try String(contentsOf: packaged.folder.appendingPathComponent(RemissPackage.manifest), encoding: .utf8)
        #expect(manifest.contains("\"commit\" : \"\(String(repeating: "a", count: 40))\""))
        #expect(manifest.contains("\"clean\" : false"))
    }

    /// LÄSMIG names the version by its title inside a sentence: "Version 1" reads "version 1" (and
    /// "SRO:s version" would keep its capitals; see AmendmentDataTests).
    @Test func theReadmeNamesTheVersionInRunningText() throws {
        let packaged = try package()
        let readme = try String(contentsOf: packaged.folder.appendingPathComponent(RemissPackage.readme), encoding: .utf8)
        #expect(readme.contains("avtalstexterna i version 1"), "\(readme)")
    }

    @Test func aPrinterAddsEachDocumentAsPDF() throws {
        let packaged = try package(printer: FakePrinter())
        let pdf = try String(contentsOf: packaged.folder.appendingPathComponent("pdf/avtal.pdf"), encoding: .utf8)
        #expect(pdf == "%PDF fake webbplats/v1/avtal.html")
        let manifest = try String(contentsOf: packaged.folder.appendingPathComponent(RemissPackage.manifest), encoding: .utf8)
        #expect(manifest.contains("\"path\" : \"pdf/avtal.pdf\""))
    }

    @Test func onlyAPublishedVersionGoesOnRemiss() throws {
        let output = try actionFolder()
        let failure = try #require(throws: ActionFailure.self) {
            try RemissAction.run(root: corpus, templates: templates, version: "working", output: output, environment: environment)
        }
        #expect(message(of: failure)?.contains("no version 'working'") == true, "\(failure)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path).isEmpty, "nothing is written")
    }

    func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
