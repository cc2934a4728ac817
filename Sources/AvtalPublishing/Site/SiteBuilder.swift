import AvtalCore
import AvtalMarkdown
import Foundation
import Mustache

/// The render stage: the HTML site of the working text and of every version, from values only.
package struct SiteBuilder {
    package let workspace: Workspace
    package let templates: TemplateLibrary
    let library: MustacheLibrary
    let termIndex: (index: PhraseIndex, termOfForm: [Int])?

    /// Version diffs a caller already has (the remiss package needs the same one), by version ID.
    let diffs: [String: VersionDiff]

    package init(workspace: Workspace, templates: TemplateLibrary, diffs: [String: VersionDiff] = [:]) throws(TemplateError) {
        self.workspace = workspace
        self.diffs = diffs
        self.templates = try templates.preloaded()
        library = try self.templates.library()
        termIndex = workspace.context.glossary?.termIndex
    }

    /// The site's folder names for versions: `working` keeps its name.
    package var versionIDs: [String] {
        [VersionsFile.working] + workspace.versions.map(\.id).filter { workspace.texts[$0] != nil }
    }

    /// Every file of the site, by path relative to the site folder, rendered in memory (the remiss
    /// package zips them).
    package func render(only: String? = nil) throws -> [String: Data] {
        let collector = FileCollector()
        try render(only: only, into: collector)
        return collector.files
    }

    /// Every file of the site handed to `sink` as soon as it is rendered, and then dropped: a build
    /// holds the per-version data (labels, navigation) and one page at a time, not the site.
    package func render(only: String? = nil, into sink: any FileSink) throws {
        let versions = only.map { [$0] } ?? versionIDs
        for id in versions {
            guard let text = workspace.texts[id] else { continue }
            try VersionSite(builder: self, id: id, text: text).render(into: sink, folder: id)
        }
        try sink.write("index.html", try renderIndex(versions: versions))
        try sink.write(Self.statement, try renderAccessibilityStatement())
        try sink.write("style.css", try templates.asset(named: "style.css"))
        try sink.write("sok.js", try templates.asset(named: "sok.js"))
    }

    func page(_ template: String, _ content: Any, frame: PageFrame) throws -> String {
        try templates.render(content, with: template, frame: frame, library: library)
    }

    /// The frame of a page at the site's root.
    func rootFrame(title: String, current: String) -> PageFrame {
        PageFrame(pageTitle: title, siteTitle: siteTitle, root: "",
                  nav: [.init(href: "index.html", label: "Versioner", current: current == "index.html"),
                        .init(href: Self.statement, label: "Tillgänglighet", current: current == Self.statement)],
                  footer: footer, statementHref: Self.statement)
    }

    var siteTitle: String { workspace.working?.manifest.title ?? "Avtal" }

    var footer: String {
        let manifest = workspace.working?.manifest
        let parties = manifest.map { Swedish.list($0.parties) } ?? ""
        return parties.isEmpty ? siteTitle : "Parter: \(parties)."
    }

    struct IndexPage {
        var siteTitle: String
        var versions: [VersionEntry]
    }

    struct VersionEntry {
        var href: String
        var title: String
        var status: String
        var id: String
    }

    func renderIndex(versions: [String]) throws -> String {
        let entries = versions.map { id in
            VersionEntry(href: "\(id)/index.html", title: versionTitle(id), status: versionStatus(id), id: id)
        }
        return try page("index", IndexPage(siteTitle: siteTitle, versions: entries),
                        frame: rootFrame(title: siteTitle, current: "index.html"))
    }

    func versionTitle(_ id: String) -> String {
        if id == VersionsFile.working { return "Arbetsversion" }
        return workspace.versions.first { $0.id == id }?.title ?? id
    }

    func versionStatus(_ id: String) -> String {
        guard let version = workspace.versions.first(where: { $0.id == id }) else {
            return "arbetstext, ej beslutad"
        }
        switch version.status {
        case .published: return version.publishedOn.map { "publicerad \(SwedishDate.format($0))" } ?? "publicerad"
        case .draft: return "utkast"
        }
    }
}
