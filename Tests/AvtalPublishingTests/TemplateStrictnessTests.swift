import Foundation
@testable import AvtalPublishing
import Testing

/// Templates that would crash the renderer or render from the wrong folder are refused before any page.
@Suite struct TemplateStrictnessTests {
    func folder(_ templates: [String: [UInt8]]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in templates { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    func recursion(_ templates: [String: String]) throws -> [String]? {
        let folder = try folder(templates.mapValues { Array($0.utf8) })
        do {
            _ = try TemplateLibrary(folder: folder).library()
            return nil
        } catch {
            guard case let .recursion(_, chain) = error else { Issue.record("wrong error \(error)"); return nil }
            return chain
        }
    }

    @Test func includesInACircleAreRefusedNamingTheChain() throws {
        #expect(try recursion(["sida.mustache": "{{<sida}}{{/sida}}"]) == ["sida", "sida"])
        #expect(try recursion(["a.mustache": "<p>{{> b}}</p>", "b.mustache": "{{#x}}{{>c}}{{/x}}", "c.mustache": "{{> a }}"])
            == ["a", "b", "c", "a"])
        // Changed delimiters do not hide an include.
        #expect(try recursion(["a.mustache": "{{=<% %>=}}<%> a%>"]) == ["a", "a"])
    }

    @Test func includesWithoutACircleAreUsed() throws {
        #expect(try recursion(["layout.mustache": "{{$body}}{{/body}}{{> fot}}", "fot.mustache": "<footer>{{! {{> layout}} }}</footer>",
                               "sida.mustache": "{{<layout}}{{$body}}{{> fot}}{{/body}}{{/layout}}"]) == nil)
    }

    @Test func theProjectTemplatesHaveNoCircle() throws {
        _ = try TemplateLibrary(folder: templatesFolder).library()
    }

    @Test func aTemplateThatIsNotUTF8NamesItsFirstBadByte() throws {
        let folder = try folder(["sida.mustache": Array("<p>\nf".utf8) + [0xF6] + Array("r</p>\n".utf8)])
        do {
            _ = try TemplateLibrary(folder: folder).template(named: "sida")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(folder.path)/sida.mustache:2:2: template is not UTF-8 text: byte 0xF6 at byte offset 5; save it as UTF-8")
        }
    }
}
