import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// Checks what a browser would otherwise forgive: tags balanced and properly nested, every `<` starts
/// a tag, every `&` starts an entity, no scripts and nothing loaded from elsewhere.
func htmlProblems(_ html: String) -> [String] {
    var problems: [String] = []
    let void: Set<String> = ["meta", "br", "hr", "img", "link", "input"]
    var stack: [String] = []
    var index = html.startIndex
    while let open = html[index...].firstIndex(of: "<") {
        guard let close = html[open...].firstIndex(of: ">") else { problems.append("unclosed <"); break }
        let tag = html[html.index(after: open)..<close]
        index = html.index(after: close)
        if tag.hasPrefix("!") { continue }
        let closing = tag.hasPrefix("/")
        let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
        if name.isEmpty { problems.append("bare < before \(tag.prefix(20))"); continue }
        if ["script", "link", "iframe", "object", "embed"].contains(name) { problems.append("a <\(name)> element") }
        // Links within the page are fine; anything fetched, or a link leaving the file, is not.
        let external = tag.contains("src=") || tag.contains("href=\"http") || tag.contains("href=\"//")
            || (tag.contains("href=") && !tag.contains("href=\"#"))
        let handler = tag.split(separator: " ").contains { $0.lowercased().hasPrefix("on") && $0.contains("=") }
        if external || handler { problems.append("an external resource or handler in <\(tag)>") }
        if void.contains(name) { continue }
        if closing {
            if stack.last == name { stack.removeLast() } else { problems.append("</\(name)> closes <\(stack.last ?? "nothing")>") }
        } else {
            stack.append(name)
        }
    }
    if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    var rest = html[...]
    while let amp = rest.firstIndex(of: "&") {
        let after = rest[rest.index(after: amp)...]
        let entity = after.prefix { $0 != ";" && $0 != " " && $0 != "<" }
        if !(entity.allSatisfy { $0.isLetter || $0.isNumber || $0 == "#" }) || after.dropFirst(entity.count).first != ";" {
            problems.append("bare & before \(after.prefix(12))")
        }
        rest = after
    }
    if let style = html.range(of: "<style>"), let end = html.range(of: "</style>") {
        let css = html[style.upperBound..<end.lowerBound]
        for forbidden in ["@import", "url("] where css.contains(forbidden) { problems.append("the style loads \(forbidden)") }
    }
    return problems
}

func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct RedlineTests {
    let templates = TemplateLibrary(folder: templatesFolder)

    @Test func aCompleteAccessiblePage() throws {
        let workspace = try loadFixture("andringar")
        let diff = try VersionDiff.compute(from: VersionsFile.working, to: "v2", in: workspace)
        let html = try RedlineRenderer(templates: templates).render(
            diff, toTitle: VersionDiff.title(of: "v2", in: workspace))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(htmlProblems(html) == [])
        #expect(occurrences(of: "<h1>", in: html) == 1)
        #expect(html.contains("<h1>Ändringar från arbetstexten till Avtalet 2027, remissversion</h1>"))
        #expect(html.contains("<p class=\"summary\">Ändringar i 2 dokument: 1 infogad punkt, 2 borttagna punkter, 1 flyttad punkt, 1 punkt med nytt ID och 5 ändrade punkter.</p>"))
        #expect(occurrences(of: "<h2>", in: html) == 2)
        #expect(occurrences(of: "<article", in: html) == 10)
        // Each change carries a label for screen readers, not only colour and lines.
        // A space between the deleted and the inserted word: read, copied and printed, they stay apart.
        #expect(html.contains("31 december <del><span class=\"visually-hidden\">Borttaget: </span>2030</del> <ins><span class=\"visually-hidden\">Infogat: </span>2028</ins>."))
        // An insertion that follows equal text gets no extra space.
        #expect(html.contains("informationsöverföring<ins><span class=\"visually-hidden\">Infogat: </span> och samordnad planering</ins>."))
        #expect(occurrences(of: "<ins>", in: html) == occurrences(of: "<span class=\"visually-hidden\">Infogat: </span>", in: html))
        #expect(occurrences(of: "<del>", in: html) == occurrences(of: "<span class=\"visually-hidden\">Borttaget: </span>", in: html))
        #expect(html.contains("text-decoration: underline") && html.contains("text-decoration: line-through"))
        // Stable anchors and the Swedish notes.
        #expect(html.contains("<article class=\"clause inserted\" id=\"avtal--avvikelser\">"))
        #expect(html.contains("<p class=\"notes\">Infogad punkt</p>"))
        #expect(html.contains("<p class=\"notes\">Borttagen punkt</p>"))
        #expect(html.contains("<p class=\"notes\">Flyttad från punkt 1.1</p>"))
        #expect(html.contains("<p class=\"notes\">Nytt ID: utvardering-och-revision (tidigare utvardering) · Tidigare punkt 3.2</p>"))
        #expect(html.contains("<dt>Giltighet till och med</dt>"))
        #expect(html.contains("den 31 december 2030</del>"))
    }

    @Test func everyTextIsEscaped() throws {
        let workspace = try loadFixture("andringar")
        let a = try text(VersionsFile.working, in: workspace)
        var b = a
        let path = try #require(b.documents[0].path(of: "avtalstid"))
        b.documents[0][path].body = "Se <script>alert('x')</script> & \"citat\" <img src=x onerror=alert(1)>"
        b.documents[0][path].heading = "Avtalstid <b>fet</b>"
        b.documents[0].frontMatter.title = "Avtal <script>alert(1)</script>"
        let html = try RedlineRenderer(templates: templates).render(VersionDiff.compute(from: a, to: b),
                                                                    fromTitle: "<i>gammal</i>", toTitle: "\"ny\"")
        #expect(htmlProblems(html) == [])
        #expect(!html.contains("<script") && !html.contains("<b>") && !html.contains("<img") && !html.contains("<i>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;"))
        #expect(html.contains("<h2>Avtal &lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
        #expect(html.contains("<h1>Ändringar från &lt;i&gt;gammal&lt;/i&gt; till &quot;ny&quot;</h1>"))
    }

    @Test func noDifferencesIsSaidInWords() throws {
        let workspace = try loadFixture("andringar")
        let a = try text(VersionsFile.working, in: workspace)
        let html = try RedlineRenderer(templates: templates).render(VersionDiff.compute(from: a, to: a))
        #expect(htmlProblems(html) == [])
        #expect(html.contains("Inga skillnader mellan versionerna."))
        #expect(!html.contains("<section"))
    }
}

@Suite struct TemplateLibraryTests {
    /// A template that neither the folder nor the built-in defaults have is named where it was expected;
    /// one the folder lacks but the defaults have is the default.
    @Test func aMissingTemplateNamesItsPath() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-templates-\(UUID().uuidString)")
        let library = TemplateLibrary(folder: folder)
        #expect(try library.template(named: "redline").description == (try TemplateLibrary().template(named: "redline").description))
        do {
            _ = try library.template(named: "sidfot")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "Template 'sidfot' not found: expected \(folder.path)/sidfot.mustache")
        }
        #expect(throws: TemplateError.self) { try TemplateLibrary().template(named: "sidfot") }
    }

    @Test func aBrokenTemplateSaysWhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>\n{{#open}}\n</p>\n".write(to: folder.appendingPathComponent("trasig.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try TemplateLibrary(folder: folder).template(named: "trasig")
            Issue.record("expected an error")
        } catch {
            guard case let .invalid(path, _, _, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path.hasSuffix("trasig.mustache"))
        }
    }

    @Test func theProjectTemplatesParse() throws {
        let library = TemplateLibrary(folder: templatesFolder)
        _ = try library.template(named: RedlineRenderer.templateName)
        _ = try library.template(named: AmendmentRenderer.templateName)
    }
}

@Suite struct SwedishDateTests {
    @Test func datesReadAsInAgreements() {
        #expect(SwedishDate.format(CalendarDate(year: 2027, month: 1, day: 1)) == "den 1 januari 2027")
        #expect(SwedishDate.format(CalendarDate(year: 2025, month: 6, day: 19)) == "den 19 juni 2025")
        #expect(SwedishDate.format(CalendarDate(year: 2030, month: 12, day: 31)) == "den 31 december 2030")
        #expect(SwedishDate.months.count == 12 && SwedishDate.months[4] == "maj")
    }
}
