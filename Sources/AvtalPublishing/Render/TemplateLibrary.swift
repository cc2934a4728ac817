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

/// The Mustache templates and assets: the built-in defaults, each overridden by a file of the same name
/// in `folder` when one is given. A folder may add templates of its own (partials its pages include).
/// Templates render with HTML escaping: `{{value}}` is escaped; user text never goes through `{{{ }}}`.
package struct TemplateLibrary: Sendable {
    /// The folder whose files take the place of the built-in ones; nil for the built-in files alone.
    package let folder: URL?
    /// Every template parsed once, when `preloaded()` made this value; otherwise parsed per use.
    private var parsed: MustacheLibrary?

    package init(folder: URL? = nil) {
        self.folder = folder
    }

    /// The same templates, parsed now, for rendering many pages.
    package func preloaded() throws(TemplateError) -> TemplateLibrary {
        var copy = self
        copy.parsed = try library()
        return copy
    }

    /// Where a file is taken from: the folder's own file if it has one, else the built-in one.
    package enum Origin: Sendable, Equatable {
        case folder(URL)
        case builtIn
    }

    /// Where `file` comes from; nil when neither the folder nor the defaults have it.
    package func origin(of file: String) -> Origin? {
        if let url = folder?.appendingPathComponent(file), FileManager.default.fileExists(atPath: url.path) {
            return .folder(url)
        }
        return BuiltInTemplates.files[file] == nil ? nil : .builtIn
    }

    /// The path messages name for `file`: in the folder, or marked as built in.
    package func path(of file: String) -> String {
        switch origin(of: file) {
        case let .folder(url): url.path
        case .builtIn: BuiltInTemplates.path(of: file)
        case nil: folder.map { $0.appendingPathComponent(file).path } ?? BuiltInTemplates.path(of: file)
        }
    }

    /// The bytes of `file`, checked to be UTF-8 text, from wherever `origin(of:)` says.
    func bytes(of file: String, name: String) throws(TemplateError) -> Data {
        let data: Data
        switch origin(of: file) {
        case let .folder(url):
            guard let read = FileManager.default.contents(atPath: url.path) else { throw .unreadable(path: url.path) }
            data = read
        case .builtIn: data = BuiltInTemplates.files[file] ?? Data()
        case nil: throw .missing(name: name, path: path(of: file))
        }
        if case let .failure(bad) = TextFile.decode(data) {
            throw .notUTF8(path: path(of: file), line: bad.location.line, column: bad.location.column, byte: bad.description)
        }
        return data
    }

    /// The text of `file`, as `bytes(of:name:)`.
    func contents(of file: String, name: String) throws(TemplateError) -> String {
        String(decoding: try bytes(of: file, name: name), as: UTF8.self)
    }

    /// The template `<name>.mustache`.
    package func template(named name: String) throws(TemplateError) -> MustacheTemplate {
        let text = try contents(of: name + ".mustache", name: name)
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw .invalid(path: path(of: name + ".mustache"), line: error.context.lineNumber, column: error.context.columnNumber,
                           message: String(describing: error.error))
        } catch {
            throw .invalid(path: path(of: name + ".mustache"), line: 1, column: 1, message: String(describing: error))
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
        guard library.getTemplate(named: name) != nil else { throw .missing(name: name, path: path(of: name + ".mustache")) }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// The names of every template: the built-in ones and the folder's own `*.mustache` files.
    package func templateNames() throws(TemplateError) -> [String] {
        var files = Set(BuiltInTemplates.files.keys)
        if let folder {
            do {
                files.formUnion(try FileManager.default.contentsOfDirectory(atPath: folder.path))
            } catch {
                throw .missing(name: "*.mustache", path: folder.path)
            }
        }
        return files.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) }.sorted()
    }

    /// Every template in one library, so that pages can use partials (`{{> clause}}`) and inherit the
    /// layout (`{{<layout}}`); an override and the defaults it includes are checked together for circles.
    package func library() throws(TemplateError) -> MustacheLibrary {
        if let parsed { return parsed }
        var templates: [String: MustacheTemplate] = [:]
        for name in try templateNames() {
            // A page that stands alone ({{! standalone }} on its first line, like the 60 kB response
            // form) uses no layout or partials; parsing it for every site build cost 15 % of the build.
            if try contents(of: name + ".mustache", name: name).hasPrefix(Self.standaloneMarker) { continue }
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
                throw .invalid(path: path(of: name + ".mustache"), line: 1, column: 1,
                               message: "\(error.tag): dynamic partials are not supported; name the template")
            }
        }
        if let chain = TemplateIncludes.cycle(in: graph) { throw .recursion(path: path(of: chain[0] + ".mustache"), chain: chain) }
    }

    /// A file that is copied as it is (the stylesheet).
    package func asset(named name: String) throws(TemplateError) -> Data {
        // Every asset is text (CSS, JavaScript, a JSON schema), copied or inlined into UTF-8 pages.
        try bytes(of: name, name: name)
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
    /// The path from the page to the accessibility statement, for the footer's link; nil for a page
    /// written where there is no statement (a redline or an amendment written on its own).
    package var statementHref: String?

    package init(pageTitle: String, siteTitle: String, root: String = "", versionTitle: String? = nil,
                versionStatus: String? = nil, nav: [NavItem] = [], navItemsHTML: String? = nil, footer: String = "",
                hasInlineStyle: Bool = false, statementHref: String? = nil) {
        self.statementHref = statementHref
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
    package static func standalone(title: String, siteTitle: String, statementHref: String? = nil) -> PageFrame {
        PageFrame(pageTitle: title, siteTitle: siteTitle, hasInlineStyle: true, statementHref: statementHref)
    }

    var context: [String: Any] {
        [
            "pageTitle": pageTitle, "siteTitle": siteTitle, "root": root,
            "hasVersion": versionTitle != nil, "versionTitle": versionTitle ?? "", "versionStatus": versionStatus ?? "",
            "nav": nav, "hasNav": !nav.isEmpty, "footer": footer, "hasFooter": !footer.isEmpty,
            "hasStatement": statementHref != nil, "statementHref": statementHref ?? "",
            // A page written on its own with nothing to say in a footer gets no empty one.
            "hasSiteFooter": !footer.isEmpty || statementHref != nil,
            "hasInlineStyle": hasInlineStyle, "inlineStyle": "",
        ]
    }
}
