import Mustache

/// A version's navigation, rendered once for all its pages. Every page lists every document, so
/// rendering the list through the template per page made a site build cost pages × documents
/// template lookups; here each item is rendered twice (as the current page and not), and a page
/// only joins the strings.
struct NavFragment {
    private var hrefs: [String]
    private var plain: [String]
    private var marked: [String]

    init(_ items: [PageFrame.NavItem], library: MustacheLibrary) {
        hrefs = items.map(\.href)
        plain = items.map { Self.render(.init(href: $0.href, label: $0.label, current: false), library) }
        marked = items.map { Self.render(.init(href: $0.href, label: $0.label, current: true), library) }
        // An item that is never current (a link out of the version) renders the same both ways.
        for (index, item) in items.enumerated() where item.current { plain[index] = marked[index] }
    }

    private static func render(_ item: PageFrame.NavItem, _ library: MustacheLibrary) -> String {
        library.render(item, withTemplate: "navitem") ?? ""
    }

    /// The items with the one whose link is `current` marked as the current page.
    func html(current: String?) -> String {
        var out = ""
        for index in hrefs.indices {
            out += hrefs[index] == current ? marked[index] : plain[index]
        }
        return out
    }
}
