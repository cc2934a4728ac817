import Foundation

extension TemplateLibrary {
    /// A standalone page whose empty `<style>` and `<script>` elements are filled with the named assets
    /// after rendering. The stylesheet and script are kept as files of their own so they can be read
    /// and linted as CSS and JavaScript; they never pass through the template engine, and the template
    /// itself writes no value unescaped.
    package func renderPage(_ context: Any, with name: String, style: String, script: String) throws(TemplateError) -> String {
        var page = try renderPage(context, with: name)
        try fill(&page, element: "style", with: style)
        try fill(&page, element: "script", with: script)
        return page
    }

    /// A page rendered in a frame whose template has an empty `<script>` element: filled with the
    /// named asset, as `renderPage(_:with:style:script:)` does for a standalone page.
    package func fillScript(_ page: String, asset: String) throws(TemplateError) -> String {
        var page = page
        try fill(&page, element: "script", with: asset)
        return page
    }

    /// The first empty element is the template's own: every value the template writes is escaped, so
    /// no data can produce the tag. A template without one (a corpus's own, with its code inline) is
    /// left as it is.
    private func fill(_ page: inout String, element: String, with asset: String) throws(TemplateError) {
        guard let range = page.range(of: "<\(element)>\n</\(element)>") else { return }
        let code = String(decoding: try self.asset(named: asset), as: UTF8.self)
        page.replaceSubrange(range, with: "<\(element)>\n\(code)</\(element)>")
    }
}
