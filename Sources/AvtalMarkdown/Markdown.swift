import CMarkGFM
import Foundation

/// Entry points to cmark-gfm.
public enum Markdown {
    /// How many levels Markdown may nest: each block quote, list item, emphasis, strong emphasis,
    /// strikethrough, link and image opens one (a list and its item count once). Far more than any
    /// text needs, and low enough that the value tree stays shallow (docs/format.md).
    public static let nestingLimit = 100

    /// Parses `source` into a value tree, leaving out what nests deeper than `nestingLimit`.
    public static func parse(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = []
    ) -> MarkdownNode {
        parseDocument(source, extensions: extensions, options: options).tree
    }

    /// Parses `source` into a value tree, with the places where nesting went past `nestingLimit`.
    public static func parseDocument(
        _ source: String,
        extensions: MarkdownExtensions = .agreement,
        options: MarkdownOptions = []
    ) -> ParsedMarkdown {
        withParsedTree(source, extensions: extensions, options: options) { root, _ in
            buildTree(root)
        }
    }

    /// Parses `source` and hands the C tree and parser to `body`; both are freed when it returns, so
    /// no pointer may outlive it.
    static func withParsedTree<T>(
        _ source: String,
        extensions: MarkdownExtensions,
        options: MarkdownOptions,
        _ body: (OpaquePointer, OpaquePointer) -> T
    ) -> T {
        _ = registration
        let cmarkOptions = options.cmarkValue
        guard let parser = cmark_parser_new(cmarkOptions) else {
            fatalError("cmark_parser_new failed: out of memory")
        }
        defer { cmark_parser_free(parser) }
        for (flag, name) in MarkdownExtensions.names where extensions.contains(flag) {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = source
        // cmark-gfm turns the extensions' special characters (autolink's ':', 'w', '@', …) on in a
        // global table while it parses inlines, and off again when a parse ends: two parses at once
        // switch them off under each other, and autolinks came out differently from run to run.
        // Parsing is serialised; everything else about a parse stays on every core.
        parseLock.lock()
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        let finished = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let root = finished else {
            fatalError("cmark_parser_finish failed: out of memory")
        }
        defer { cmark_node_free(root) }
        return body(root, parser)
    }

    /// The C registry of core extensions is global and not thread-safe: register it once, lazily,
    /// through a global whose initialisation Swift guarantees to run exactly once.
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    private static let parseLock = NSLock()
}
