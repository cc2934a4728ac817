import AvtalMarkdown
import Testing

/// The renderer's side of sub-clause anchors: which `{#id}` is a marker, and what becomes of it.
@Suite struct AnchorRenderTests {
    func render(_ source: String, known: Set<String>? = nil) -> String {
        Markdown.renderHTML(source, rewritingLinks: { _ in nil }, anchoring: { id in
            known.map { $0.contains(id) } ?? true ? "a-" + id : nil
        })
    }

    @Test func aStyckeAndListItemsGetTheID() {
        #expect(render("Första stycket. {#st1}\n") == "<p id=\"a-st1\">Första stycket.</p>\n")
        #expect(render("- ett {#b1}\n- två\n") == "<ul>\n<li id=\"a-b1\">ett</li>\n<li>två</li>\n</ul>\n")
        #expect(render("1. ett {#n1}\n   mer\n\n2. två\n") == "<ol>\n<li id=\"a-n1\">\n<p>ett\nmer</p>\n</li>\n<li>\n<p>två</p>\n</li>\n</ol>\n")
    }

    /// Only a marker that ends the stycke (or the item's first line) counts; an escaped one, one in
    /// code, one the caller does not know and one inside a block quote stay text.
    @Test func otherBracesAreText() {
        #expect(render("Text \\{#x}\n") == "<p>Text {#x}</p>\n")
        #expect(render("Text `{#x}`\n") == "<p>Text <code>{#x}</code></p>\n")
        #expect(render("Text {#x} mer\n") == "<p>Text {#x} mer</p>\n")
        #expect(render("Text {#x}\n", known: []) == "<p>Text {#x}</p>\n")
        #expect(render("> Text {#x}\n") == "<blockquote>\n<p>Text {#x}</p>\n</blockquote>\n")
    }

    /// An ID of scalars that make fewer characters (a combining accent) is cut as scalars: no crash,
    /// nothing but the marker removed.
    @Test func anIDWithACombiningMarkIsCutExactly() {
        #expect(render("A {#e\u{301}}\n") == "<p id=\"a-e\u{301}\">A</p>\n")
        #expect(render("{#e\u{301}}\n") == "<p id=\"a-e\u{301}\"></p>\n")
    }

    @Test func theMarkerIsFoundInTheSource() {
        let found = Markdown.anchors(inText: "Första. {#a}\n\n- x\n- y {#b}\n\n1. z {#c}\n")
        #expect(found.map(\.id) == ["a", "b", "c"])
        #expect(found.map(\.kind) == [.paragraph, .bulletItem, .numberedItem])
        #expect(found.map(\.paragraph) == [1, 1, 1] && found.map(\.item) == [0, 2, 1] && found.map(\.paragraphCount) == [1, 1, 1])
    }
}
