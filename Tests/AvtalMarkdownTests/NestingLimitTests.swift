import Testing
import AvtalMarkdown

/// Deep nesting is cut at the limit, reported where the limit is crossed, and never crashes.
@Suite struct NestingLimitTests {
    /// The deepest path from the root, counted without recursion.
    func depth(_ tree: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(tree, 1)]
        while let (node, level) = stack.popLast() {
            deepest = max(deepest, level)
            stack += node.children.map { ($0, level + 1) }
        }
        return deepest
    }

    @Test func theLimitItselfIsAllowed() {
        let parsed = Markdown.parseDocument(String(repeating: ">", count: Markdown.nestingLimit) + " Citat.\n")
        #expect(parsed.tooDeep.isEmpty)
        #expect(parsed.tree.plainText == "Citat.")
    }

    @Test func oneLevelPastTheLimitIsCutWhereItStarts() {
        let parsed = Markdown.parseDocument("Inledning.\n\n" + String(repeating: "- ", count: 101) + "Punkt.\n")
        // Item n starts at column 2n - 1: the 101st is the first past the limit.
        #expect(parsed.tooDeep == [ByteLocation(line: 3, column: 201)])
        #expect(parsed.tree.plainText == "Inledning.")
    }

    /// Hundreds of thousands of levels: cmark-gfm parses them iteratively; the value tree stays shallow,
    /// so building, walking and releasing it cannot exhaust the stack.
    @Test(arguments: [
        DeepLine("lists", String(repeating: "- ", count: 300_000) + "x"),
        DeepLine("block quotes", String(repeating: ">", count: 600_000) + " x"),
        DeepLine("strong emphasis", String(repeating: "*", count: 50_000) + "x" + String(repeating: "*", count: 50_000)),
        DeepLine("emphasis", String(repeating: "*a ", count: 50_000) + "b" + String(repeating: "*", count: 50_000)),
        DeepLine("underscores", String(repeating: "_", count: 50_000) + "x" + String(repeating: "_", count: 50_000)),
        DeepLine("links in images", String(repeating: "[![", count: 50_000) + "x" + String(repeating: "](u)](v)", count: 50_000)),
    ])
    func deepNestingIsCutNotFatal(_ deep: DeepLine) {
        let parsed = Markdown.parseDocument(deep.line + "\n")
        #expect(parsed.tooDeep.count == 1)
        #expect(depth(parsed.tree) <= 2 * Markdown.nestingLimit + 5)
        _ = parsed.tree.plainText
    }

    /// Brackets that never close are text, not nesting: cmark-gfm keeps them flat.
    @Test func unclosedBracketsStayText() {
        let line = String(repeating: "[", count: 50_000) + "x" + String(repeating: "]", count: 50_000)
        let parsed = Markdown.parseDocument(line + "\n")
        #expect(parsed.tooDeep.isEmpty)
        #expect(parsed.tree.plainText == line)
    }
}

/// A line of deep nesting, named in test output instead of printed.
struct DeepLine: Sendable, CustomTestStringConvertible {
    var name: String
    var line: String
    init(_ name: String, _ line: String) { (self.name, self.line) = (name, line) }
    var testDescription: String { name }
}
