import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The site's search index (`sokindex.js`) on the shared fixture corpus: what the search script finds
/// is only what the index holds.
@Suite struct SearchIndexTests {
    struct Index: Decodable {
        struct Clause: Decodable {
            var document, documentTitle, number, id, heading, text, href: String
        }

        struct Term: Decodable {
            var term, abbreviation, definition, href: String
            var forms: [String]
        }

        var format: String
        var version: String
        var clauses: [Clause]
        var terms: [Term]
    }

    static let site: [String: Data] = {
        let workspace = try! Workspace.load(root: remissCorpus)
        return try! SiteBuilder(workspace: workspace, templates: TemplateLibrary(folder: templatesFolder)).render()
    }()

    func index(_ version: String) throws -> Index {
        let data = try #require(Self.site["\(version)/sokindex.js"], "no sokindex.js in \(version)")
        let script = String(decoding: data, as: UTF8.self)
        let prefix = "window.avtalSokindex = "
        #expect(script.hasPrefix(prefix) && script.hasSuffix(";\n"), "not a script that sets one global")
        let json = script.dropFirst(prefix.count).dropLast(2)
        return try JSONDecoder().decode(Index.self, from: Data(json.utf8))
    }

    @Test func everyVersionHasItsIndexSearchPageAndTheSharedScript() throws {
        for version in ["working", "remiss-2025"] {
            #expect(Self.site["\(version)/sok.html"] != nil)
            #expect(try index(version).version == version)
        }
        #expect(Self.site["sok.js"] == BuiltInTemplates.files["sok.js"])
        let page = String(decoding: try #require(Self.site["working/sok.html"]), as: UTF8.self)
        #expect(page.contains(#"<script src="sokindex.js"></script>"#))
        #expect(page.contains(#"<script src="../sok.js"></script>"#))
        #expect(page.contains(#"role="search""#))
        #expect(page.contains(#"<a href="sok.html" aria-current="page">Sök</a>"#))
    }

    @Test func clausesCarryNumberIDHeadingPlainTextAndLink() throws {
        let clauses = try index("working").clauses
        let kallelse = try #require(clauses.first { $0.id == "kallelse-till-sip" })
        #expect(kallelse.number == "3.1.2")
        #expect(kallelse.document == "ok-betalningsansvar")
        #expect(kallelse.heading == "Kallelse till samordnad individuell planering")
        #expect(kallelse.href == "ok-betalningsansvar.html#kallelse-till-sip")
        #expect(kallelse.text.contains("senast tre vardagar efter underrättelsen"))
        // Every clause of every document is there, in document order.
        let workspace = try Workspace.load(root: remissCorpus)
        let working = try text("working", in: workspace)
        #expect(clauses.count == working.documents.reduce(0) { total, document in
            var count = 0
            document.walk { _, _ in count += 1 }
            return total + count
        })
        var documents: [String] = []
        for clause in clauses where documents.last != clause.document { documents.append(clause.document) }
        #expect(documents == working.documents.filter { !$0.clauses.isEmpty }.map(\.entry.id))
    }

    @Test func textIsPlainWithReferencesAsTheirLabels() throws {
        let clauses = try index("working").clauses
        let mentions = clauses.filter { $0.text.contains("punkt 2 i hälso- och sjukvårdsavtalet") }
        #expect(!mentions.isEmpty, "a reference written without text is not indexed by its label")
        for clause in clauses {
            #expect(!clause.text.contains("]("), "\(clause.id): Markdown link syntax in the index")
            #expect(!clause.text.contains("\n"), "\(clause.id): a line break in the plain text")
        }
    }

    @Test func theIndexFollowsItsVersion() throws {
        // The rättelse of 30 January 2025 changed "vardagar" in 3.1.2; the working text still says it.
        let working = try #require(try index("working").clauses.first { $0.id == "kallelse-till-sip" })
        let published = try #require(try index("remiss-2025").clauses.first { $0.id == "kallelse-till-sip" })
        #expect(working.text != published.text)
    }

    @Test func glossaryTermsWithTheirFormsAndLinks() throws {
        let terms = try index("working").terms
        #expect(terms.map(\.term) == ["nödvändig tandvård", "samordnad individuell plan", "utskrivningsklar"])
        let sip = try #require(terms.first { $0.abbreviation == "SIP" })
        #expect(sip.forms == ["samordnade individuella planen"])
        #expect(sip.href.hasPrefix("begrepp.html#"))
        let glossary = String(decoding: try #require(Self.site["working/begrepp.html"]), as: UTF8.self)
        #expect(glossary.contains(#"id="\#(sip.href.dropFirst("begrepp.html#".count))""#))
    }

    @Test func corpusTextCannotEndTheScript() throws {
        let script = String(decoding: try #require(Self.site["working/sokindex.js"]), as: UTF8.self)
        #expect(!script.contains("</"), "a closing tag in the index script")
    }

    @Test func hostileTextStaysAStringOfTheScript() throws {
        let hostile = "</script><script>alert(1)</script>\u{2028}\"; window.x = 1; //"
        let index = SearchIndex(version: "v", clauses: [.init(document: "d", documentTitle: hostile, number: "1", id: "a",
                                                              heading: hostile, text: hostile, href: "d.html#a")], terms: [])
        let script = String(decoding: try index.script(), as: UTF8.self)
        #expect(!script.contains("</script"))
        #expect(script.components(separatedBy: "\n").count == 2, "one line, ended by a newline")
        let json = script.dropFirst("window.avtalSokindex = ".count).dropLast(2)
        let decoded = try JSONDecoder().decode(Index.self, from: Data(json.utf8))
        #expect(decoded.clauses.first?.text == hostile)
    }

    @Test func plainTextSeparatesBlocksAndDropsMarkup() {
        #expect(SearchIndex.plainText("Ett *viktigt* ord.\n\nNästa stycke\nfortsätter.\n\n- punkt ett\n- punkt två")
            == "Ett viktigt ord. Nästa stycke fortsätter. punkt ett punkt två")
        #expect(SearchIndex.plainText("| a | b |\n|---|---|\n| c | d |") == "a b c d")
    }
}
