import AvtalCore
import Foundation
import Mustache

/// Why a template could not be used.
package enum TemplateError: Error, Sendable, CustomStringConvertible {
    case missing(name: String, path: String)
    case unreadable(path: String)
    case notUTF8(path: String, line: Int, column: Int, byte: String)
    case invalid(path: String, line: Int, column: Int, message: String)
    /// Templates that include each other in a circle: rendering them would never end.
    case recursion(path: String, chain: [String])

    package var description: String {
        switch self {
        case let .missing(name, path):
            "Template '\(name)' not found: expected \(path)"
        case let .unreadable(path):
            "Template \(path) cannot be read as UTF-8 text"
        case let .notUTF8(path, line, column, byte):
            "\(path):\(line):\(column): template is not UTF-8 text: \(byte); save it as UTF-8"
        case let .invalid(path, line, column, message):
            "\(path):\(line):\(column): template error: \(message)"
        case let .recursion(path, chain):
            "\(path): template '\(chain[0])' includes itself (\(chain.joined(separator: " → "))): a template may not include itself, directly or through others"
        }
    }
}

/// The Mustache templates in one folder (`Templates/` of the project), loaded by name on demand.
/// Templates render with HTML escaping: `{{value}}` is escaped; user text never goes through `{{{ }}}`.
package struct TemplateLibrary: Sendable {
    package let folder: URL
    /// Every template parsed once, when `preloaded()` made this value; otherwise parsed per use.
    private var parsed: MustacheLibrary?

    package init(folder: URL) {
        self.folder = folder
    }

    /// The same templates, parsed now, for rendering many pages.
    package func preloaded() throws(TemplateError) -> TemplateLibrary {
        var copy = self
        copy.parsed = try library()
        return copy
    }

    package func url(of name: String) -> URL {
        folder.appendingPathComponent(name + ".mustache")
    }

    /// The template `<folder>/<name>.mustache`.
    package func template(named name: String) throws(TemplateError) -> MustacheTemplate {
        let url = url(of: name)
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missing(name: name, path: url.path) }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
        let text: String
        switch TextFile.decode(data) {
        case let .success(decoded): text = decoded
        case let .failure(bad):
            throw .notUTF8(path: url.path, line: bad.location.line, column: bad.location.column, byte: bad.description)
        }
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw .invalid(path: url.path, line: error.context.lineNumber, column: error.context.columnNumber,
                           message: String(describing: error.error))
        } catch {
            throw .invalid(path: url.path, line: 1, column: 1, message: String(describing: error))
        }
    }

    /// Renders `content` with the named page template inside the layout described by `frame`.
    /// Structs, arrays and dictionaries with string keys render; the template escapes every `{{value}}`.
    package func render(_ content: Any, with name: String, frame: PageFrame) throws(TemplateError) -> String {
        try render(content, with: name, frame: frame, library: library())
    }

    /// Marks a template that is a whole page of its own, with no layout and no partials.
    static let standaloneMarker = "{{! standalone"

    /// A page template that is a whole document of its own (the response form), without the layout.
    package func renderPage(_ context: Any, with name: String) throws(TemplateError) -> String {
        try template(named: name).render(context)
    }

    /// As `render(_:with:frame:)`, with templates loaded once for many pages.
    func render(_ content: Any, with name: String, frame: PageFrame, library: MustacheLibrary) throws(TemplateError) -> String {
        var context = frame.context
        context["content"] = content
        context["navItems"] = frame.navItemsHTML ?? NavFragment(frame.nav, library: library).html(current: nil)
        if frame.hasInlineStyle, context["inlineStyle"] as? String == "" {
            context["inlineStyle"] = String(decoding: try asset(named: "style.css"), as: UTF8.self)
        }
        guard library.getTemplate(named: name) != nil else { throw .missing(name: name, path: url(of: name).path) }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// Every template of the folder in one library, so that pages can use partials (`{{> clause}}`)
    /// and inherit the layout (`{{<layout}}`).
    package func library() throws(TemplateError) -> MustacheLibrary {
        if let parsed { return parsed }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".mustache") }.sorted()
        } catch {
            throw .missing(name: "*.mustache", path: folder.path)
        }
        var templates: [String: MustacheTemplate] = [:]
        for file in names {
            let name = String(file.dropLast(".mustache".count))
            // A page that stands alone ({{! standalone }} on its first line, like the 60 kB response
            // form) uses no layout or partials; parsing it for every site build cost 15 % of the build.
            if let head = FileManager.default.contents(atPath: url(of: name).path)?.prefix(64),
               String(decoding: head, as: UTF8.self).hasPrefix(Self.standaloneMarker) { continue }
            templates[name] = try template(named: name)
        }
        try refuseRecursion(templates)
        return MustacheLibrary(templates: templates)
    }

    /// A template that includes itself, directly or through others, is refused before anything is
    /// rendered: the renderer would recurse until the stack overflows.
    private func refuseRecursion(_ templates: [String: MustacheTemplate]) throws(TemplateError) {
        var graph: [String: [String]] = [:]
        for (name, template) in templates {
            do {
                graph[name] = try TemplateIncludes.names(in: template.description)
            } catch {
                throw .invalid(path: url(of: name).path, line: 1, column: 1,
                               message: "\(error.tag): dynamic partials are not supported; name the template")
            }
        }
        if let chain = TemplateIncludes.cycle(in: graph) { throw .recursion(path: url(of: chain[0]).path, chain: chain) }
    }

    /// A file that is copied as it is (the stylesheet).
    package func asset(named name: String) throws(TemplateError) -> Data {
        let url = folder.appendingPathComponent(name)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw .missing(name: name, path: url.path) }
        // Every asset is text (CSS, JavaScript, a JSON schema), copied or inlined into UTF-8 pages.
        if case let .failure(bad) = TextFile.decode(data) {
            throw .notUTF8(path: url.path, line: bad.location.line, column: bad.location.column, byte: bad.description)
        }
        return data
    }
}

/// What the layout template needs around a page: title, navigation, where the stylesheet is.
package struct PageFrame: Sendable {
    package struct NavItem: Sendable {
        package var href: String
        package var label: String
        package var current: Bool

        package init(href: String, label: String, current: Bool) {
            (self.href, self.label, self.current) = (href, label, current)
        }
    }

    package var pageTitle: String
    package var siteTitle: String
    /// The path from the page to the site's root folder ("../"), where style.css is.
    package var root: String
    package var versionTitle: String?
    package var versionStatus: String?
    package var nav: [NavItem]
    /// `nav` already rendered, for pages that share one navigation (see `NavFragment`).
    package var navItemsHTML: String?
    package var footer: String
    /// A page that stands alone (a redline written with --output) carries its stylesheet inline.
    package var hasInlineStyle: Bool

    package init(pageTitle: String, siteTitle: String, root: String = "", versionTitle: String? = nil,
                versionStatus: String? = nil, nav: [NavItem] = [], navItemsHTML: String? = nil, footer: String = "",
                hasInlineStyle: Bool = false) {
        self.navItemsHTML = navItemsHTML
        self.pageTitle = pageTitle
        self.siteTitle = siteTitle
        self.root = root
        self.versionTitle = versionTitle
        self.versionStatus = versionStatus
        self.nav = nav
        self.footer = footer
        self.hasInlineStyle = hasInlineStyle
    }

    /// A single self-contained page: no site navigation, the stylesheet inlined.
    package static func standalone(title: String, siteTitle: String) -> PageFrame {
        PageFrame(pageTitle: title, siteTitle: siteTitle, hasInlineStyle: true)
    }

    var context: [String: Any] {
        [
            "pageTitle": pageTitle, "siteTitle": siteTitle, "root": root,
            "hasVersion": versionTitle != nil, "versionTitle": versionTitle ?? "", "versionStatus": versionStatus ?? "",
            "nav": nav, "hasNav": !nav.isEmpty, "footer": footer,
            "hasInlineStyle": hasInlineStyle, "inlineStyle": "",
        ]
    }
}
