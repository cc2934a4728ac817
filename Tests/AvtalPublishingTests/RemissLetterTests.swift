import AvtalCore
import Foundation
@testable import AvtalPublishing
import Testing

/// The remiss letter as a jurist would sign it: the deciding body written out on first use, the
/// diarienummer in the right number, the notice on allmänna handlingar, and signatories by name and
/// title. The form and every page of the package link to the accessibility statement.
@Suite struct RemissLetterTests {
    func package(_ root: URL, version: String = "remiss-2025") throws -> RemissPackage {
        try RemissPackage(workspace: try Workspace.load(root: root), templates: TemplateLibrary(folder: templatesFolder), version: version)
    }

    @Test func signatoriesAreNamedWithTheirTitles() throws {
        let letter = try package(remissCorpus).renderLetter()
        #expect(letter.contains("<h2>Avsändare</h2>\n<ul class=\"signatures\">\n"
            + "<li>Västra Götalandsregionen<br>Maria Lund<br><span class=\"muted\">Regionstyrelsens ordförande</span></li>\n"
            + "<li>VästKom<br>Per Sandberg<br><span class=\"muted\">VästKoms ordförande</span></li>\n</ul>"))
    }

    @Test func oneDiarienummerIsDiarienumretAndTwoAreDiarienumren() throws {
        #expect(try package(remissCorpus).renderLetter().contains("Ange diarienumret i ämnesraden."))
        let root = try copyCorpus(remissCorpus)
        try edit(root.appendingPathComponent("remiss/remiss-2025.yml"), [(
            "    number: RS 2024-00001\n", "    number: RS 2024-00001\n  - organisation: VästKom\n    number: VK 2024-0001\n")])
        let letter = try package(root).renderLetter()
        #expect(letter.contains("Ange diarienumren i ämnesraden."))
        #expect(!letter.contains("diarienumret"))
    }

    @Test func theLetterSaysThatResponsesBecomeAllmannaHandlingar() throws {
        let letter = try package(remissCorpus).renderLetter()
        #expect(letter.contains("Ett remissvar blir en allmän handling när det har kommit in. Det kan då lämnas ut till den som begär det, om inte uppgifter i svaret omfattas av sekretess."))
    }

    /// "SRO" is written out where the letter first names it, when the glossary explains the
    /// abbreviation; later mentions keep the abbreviation.
    @Test func aDecidingBodyIsWrittenOutOnFirstUse() throws {
        #expect(try package(remissCorpus).renderLetter().contains("<p>SRO har före remissen beslutat om följande "))
        let root = try copyCorpus(remissCorpus)
        try edit(root.appendingPathComponent("begrepp.yml"), [("terms:\n", """
            terms:
              - term: Samrådsorganet
                abbreviation: SRO
                definition: Det politiska organet för samråd mellan regionen och kommunerna.
                source: Avtalet

            """)])
        let letter = try package(root).renderLetter()
        #expect(letter.contains("<p>Samrådsorganet (SRO) har före remissen beslutat om följande "))
        #expect(letter.components(separatedBy: "Samrådsorganet").count == 2, "written out once")
        #expect(letter.contains("(beslutad av SRO den 30 januari 2025)"))
    }

    @Test func aSignatoryGivenAsTextAsksForNameAndTitle() throws {
        let root = try copyCorpus(remissCorpus)
        try edit(root.appendingPathComponent("remiss/remiss-2025.yml"), [(
            "    signatory:\n      name: Maria Lund\n      title: Regionstyrelsens ordförande\n", "    signatory: Regionstyrelsens ordförande\n")])
        let workspace = try Workspace.load(root: root)
        let wrong = try #require(workspace.diagnostics.first { $0.code == .wrongType })
        #expect(wrong.range.file == "remiss/remiss-2025.yml")
        #expect(wrong.summary.contains("'signatory' to be a mapping with name and title"))
        #expect(wrong.notes.contains { $0.message.contains("signatory: {name: …, title: …}") })
    }

    @Test func anUnknownSignatoryIsAPlaceholder() throws {
        let root = try copyCorpus(remissCorpus)
        try edit(root.appendingPathComponent("remiss/remiss-2025.yml"), [("      name: Per Sandberg\n", "      name: {placeholder: Förnamn Efternamn}\n")])
        let package = try package(root)
        #expect(package.placeholders.map(\.key) == ["name"])
        #expect(package.placeholders.first?.range.start.line == 13)
        #expect(try package.renderLetter().contains(##"<li>VästKom<br><span class="placeholder">Förnamn Efternamn (exempel)</span><br>"##))
    }

    /// Every HTML page of the package links to the statement in its footer, by a path that exists in
    /// the package, and no footer holds an empty paragraph.
    @Test func everyPageOfThePackageLinksToTheStatement() throws {
        let files = try package(remissCorpus).files()
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages.contains("svar.html") && pages.contains("remissbrev.html") && pages.contains("andringar.html"))
        #expect(pages.contains { $0.hasPrefix("beslut/") })
        for path in pages {
            let html = String(decoding: try #require(files[path]), as: UTF8.self)
            #expect(!html.contains("<p></p>"), "\(path) has an empty paragraph")
            let link = try #require(html.range(of: #"<a href="([^"]*)">Tillgänglighetsredogörelse</a>"#, options: .regularExpression),
                                    "\(path) has no link to the statement")
            let href = String(html[link]).split(separator: "\"")[1]
            var target: [Substring] = path.split(separator: "/").dropLast()
            for part in href.split(separator: "/") {
                if part == ".." { target = target.dropLast() } else { target.append(part) }
            }
            #expect(target.joined(separator: "/") == "webbplats/tillganglighet.html", "\(path) links to \(href)")
            #expect(files[target.joined(separator: "/")] != nil, "\(path) links to \(href), which is not in the package")
        }
    }

    @Test func eachClauseOptionOfTheFormNamesItsDocument() throws {
        let form = try package(remissCorpus).renderForm()
        #expect(form.contains(##"<option value="ok-munhalsa#giltighetstid" label=""##))
        let options = form.components(separatedBy: "<option value=\"").dropFirst().filter { $0.contains("#") && $0.contains("label=") }
        #expect(options.count > 10)
        #expect(options.allSatisfy { option in
            ["Överenskommelsen om", "Hälso- och sjukvårdsavtalet", "Eskaleringstrappan"].contains { option.contains(" – \($0)") }
        }, "\(options.prefix(3))")
        #expect(form.contains(##"<div id="felsammanfattning" class="error-summary" role="alert""##))
        #expect(form.contains(##"<div id="tom-bekrafta" class="confirm" role="region""##))
    }
}
