import Foundation
@testable import AvtalPublishing
import Testing

/// The response form's CSS and JavaScript live in files of their own and are inlined after rendering.
@Suite struct InlineAssetsTests {
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-inline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test func emptyElementsAreFilledAndTheAssetsBypassTheTemplateEngine() throws {
        let folder = try folder([
            "page.mustache": "<title>{{title}}</title>\n<style>\n</style>\n<p>{{title}}</p>\n<script>\n</script>\n",
            "page.css": "p { color: red; }\n",
            "page.js": "const t = '{{title}}' + '</p>';\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try TemplateLibrary(folder: folder)
            .renderPage(["title": "<style>\n</style>"], with: "page", style: "page.css", script: "page.js")
        #expect(page == """
            <title>&lt;style&gt;\n&lt;/style&gt;</title>
            <style>
            p { color: red; }
            </style>
            <p>&lt;style&gt;\n&lt;/style&gt;</p>
            <script>
            const t = '{{title}}' + '</p>';
            </script>

            """)
    }

    @Test func aTemplateWithItsOwnInlineCodeIsLeftAsItIs() throws {
        let folder = try folder(["page.mustache": "<style>\np { margin: 0; }\n</style>\n<script>\nrun();\n</script>\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try TemplateLibrary(folder: folder).renderPage([String: String](), with: "page", style: "page.css", script: "page.js")
        #expect(page == "<style>\np { margin: 0; }\n</style>\n<script>\nrun();\n</script>\n")
    }
}
