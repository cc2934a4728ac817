import AvtalCore
import AvtalPublishing
import Foundation

/// What the preview adds to each served HTML page: the banner of current problems and the small
/// script that reloads the page when the site is rebuilt. Files outside HTML are served as built.
package enum PreviewPage {
    /// The path of the server-sent events stream that announces rebuilds.
    package static let eventsPath = "/_avtal/events"

    /// `html` with the banner placed first in the body and the reload script last.
    package static func decorate(_ html: Data, path: String, state: PreviewSite.State) -> Data {
        var page = String(decoding: html, as: UTF8.self)
        let script = reloadScript(generation: state.generation, path: path)
        if let close = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: script, at: close.lowerBound)
        } else {
            page += script
        }
        let banner = self.banner(state)
        if !banner.isEmpty, let open = page.range(of: "<body"),
           let end = page[open.upperBound...].firstIndex(of: ">") {
            page.insert(contentsOf: banner, at: page.index(after: end))
        }
        return Data(page.utf8)
    }

    /// The page shown when there has never been a good build: only the problems.
    package static func problemsOnly(_ state: PreviewSite.State) -> Data {
        let html = """
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="utf-8"><title>Förhandsvisning – fel i texten</title></head>
        <body><main><h1>Förhandsvisning</h1><p>Texten har fel, och ingen tidigare version gick att visa.</p></main></body></html>
        """
        return decorate(Data(html.utf8), path: "", state: state)
    }

    /// Connects to the event stream and reloads when a rebuild changed this page, or every page; an
    /// event for a generation the page never saw (it connected late) reloads it too.
    static func reloadScript(generation: Int, path: String) -> String {
        """
        <script>(function(){var shown=\(generation),page=\(jsonString(path));\
        var events=new EventSource("\(eventsPath)");events.onmessage=function(event){\
        var built=JSON.parse(event.data);if(built.generation===shown)return;\
        if(built.changed===null||built.changed.indexOf(page)>=0){events.close();location.reload();}\
        else{shown=built.generation;}};})();</script>

        """
    }

    /// A JSON string literal that is also inert inside a `<script>` element: everything but letters,
    /// digits and `/._-` is written as `\uXXXX`.
    static func jsonString(_ text: String) -> String {
        var out = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2F, 0x2E, 0x5F, 0x2D: out.append(Character(Unicode.Scalar(unit)!))
            default:
                let hex = String(unit, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }

    /// The problems as a list, every text escaped: file:line:col, code, message and the fix.
    static func banner(_ state: PreviewSite.State) -> String {
        guard !state.diagnostics.isEmpty || state.failure != nil else { return "" }
        let errors = state.diagnostics.filter { $0.severity == .error }.count
        let warnings = state.diagnostics.count - errors
        var items = state.failure.map { ["<li>\(HTML.escape($0))</li>"] } ?? []
        for diagnostic in state.diagnostics {
            let place = "\(diagnostic.range.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column)"
            let code = "<code>\(HTML.escape(place))</code>"
            // A link to the clause the problem concerns, on the page the preview shows.
            let located = state.links[diagnostic.range].map { "<a href=\"\(HTML.escape($0))\">\(code)</a>" } ?? code
            var item = "<li>\(located) \(diagnostic.severity == .error ? "fel" : "varning") "
                + "\(HTML.escape(diagnostic.code.rawValue)): \(HTML.escape(diagnostic.summary))"
            if let fix = diagnostic.fix { item += "<br>Åtgärd: \(HTML.escape(fix.summary))" }
            items.append(item + "</li>")
        }
        let heading = errors > 0 || state.failure != nil
            ? "Texten har fel: sidan visar senaste felfria version."
            : "Texten har varningar."
        return """
        <div id="avtal-problems" role="alert" style="border:3px solid #a00;background:#fff4f4;color:#000;padding:0.5em 1em;margin:0">\
        <p><strong>\(heading)</strong> \(errors) fel, \(warnings) varningar.</p><ul>\(items.joined())</ul></div>
        """
    }
}
