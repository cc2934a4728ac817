import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The templates compiled into avtal, and a corpus's folder that overrides them file by file.
@Suite struct BuiltInTemplatesTests {
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-overrides-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// Editing a template without regenerating the compiled-in copy fails here, with the command to run.
    @Test func theBuiltInFilesAreTheTemplatesFolderByteForByte() throws {
        let shipped = try FileManager.default.contentsOfDirectory(atPath: templatesFolder.path).filter { !$0.hasPrefix(".") }
        let regenerate = "Templates/ and the compiled-in templates differ: run scripts/embed-templates and commit the result"
        #expect(Set(shipped) == Set(BuiltInTemplates.files.keys), "\(regenerate)")
        for name in shipped {
            let bytes = try Data(contentsOf: templatesFolder.appendingPathComponent(name))
            #expect(BuiltInTemplates.files[name] == bytes, "\(name): \(regenerate)")
        }
    }

    @Test func withoutAFolderEveryFileIsBuiltIn() throws {
        let library = TemplateLibrary()
        #expect(library.origin(of: "layout.mustache") == .builtIn)
        #expect(try library.asset(named: "style.css") == BuiltInTemplates.files["style.css"])
        #expect(try library.library().getTemplate(named: "document") != nil)
    }

    /// A folder with one changed file: that file is its own, every other one the default.
    @Test func aFolderOverridesOnlyTheFilesItHas() throws {
        let overrides = try folder(["style.css": "body { color: black; }\n", "egen.mustache": "<p>egen</p>\n"])
        let library = TemplateLibrary(folder: overrides)
        #expect(library.origin(of: "style.css") == .folder(overrides.appendingPathComponent("style.css")))
        #expect(try library.asset(named: "style.css") == Data("body { color: black; }\n".utf8))
        #expect(library.origin(of: "layout.mustache") == .builtIn)
        #expect(try library.asset(named: "svar.js") == BuiltInTemplates.files["svar.js"])
        let names = try library.templateNames()
        #expect(names.contains("egen") && names.contains("layout"), "\(names)")
    }

    /// An override that includes a default which inherits from the override is a circle all the same.
    @Test func aCircleThroughAnOverrideAndADefaultIsRefused() throws {
        let overrides = try folder(["layout.mustache": "<main>{{> alla}}</main>\n"])
        do {
            _ = try TemplateLibrary(folder: overrides).library()
            Issue.record("expected the circle to be refused")
        } catch {
            guard case let .recursion(path, chain) = error else { Issue.record("wrong error \(error)"); return }
            #expect(chain == ["alla", "layout", "alla"], "\(chain)")
            #expect(path == BuiltInTemplates.path(of: "alla.mustache"))
        }
    }

    @Test func anOverrideThatIsNotUTF8IsNamedByItsPath() throws {
        let overrides = try folder([:])
        try Data([0x62, 0x6F, 0x64, 0x79, 0xF6]).write(to: overrides.appendingPathComponent("style.css"))
        #expect(throws: TemplateError.self) { try TemplateLibrary(folder: overrides).asset(named: "style.css") }
    }

    @Test func theSearchUsesTheFolderBesideTheCorpusOrNone() throws {
        let parent = try folder([:])
        let corpus = parent.appendingPathComponent("avtal")
        let none = TemplateSearch(corpus: corpus, environment: [:])
        #expect(try none.library().folder == nil)
        try FileManager.default.createDirectory(at: parent.appendingPathComponent("Templates"), withIntermediateDirectories: true)
        let found = try #require(try none.overrides())
        #expect(found.source == .besideCorpus)
        #expect(found.folder.standardizedFileURL.path == parent.appendingPathComponent("Templates").standardizedFileURL.path)
    }

    /// A folder named explicitly that does not exist is an error, never passed over for the defaults.
    @Test func aNamedFolderThatDoesNotExistIsRefused() throws {
        let corpus = try folder([:]).appendingPathComponent("avtal")
        for search in [TemplateSearch(given: URL(fileURLWithPath: "/finns/inte"), corpus: corpus, environment: [:]),
                       TemplateSearch(corpus: corpus, environment: ["AVTAL_TEMPLATES": "/finns/inte"])] {
            #expect(throws: ActionFailure.self) { try search.library() }
        }
    }

    @Test func exportWritesTheDefaultsAndRefusesAFolderThatIsNotEmpty() throws {
        let target = try folder([:]).appendingPathComponent("mallar")
        #expect(try TemplatesAction.export(to: target) == BuiltInTemplates.files.keys.sorted())
        for (name, bytes) in BuiltInTemplates.files {
            #expect(try Data(contentsOf: target.appendingPathComponent(name)) == bytes, "\(name)")
        }
        #expect(throws: ActionFailure.self) { try TemplatesAction.export(to: target) }
    }
}
