import AvtalCore
import AvtalPublishing
import Foundation

/// A receipt per counted response, for the registrar to file in the diarium: who answered, when,
/// from which file, and the grades and comments in the order of the text, readable without any tool.
extension CompilationRenderer {
    struct ReceiptGrade {
        var label: String
        var grade: String
    }

    struct ReceiptComment {
        var place: String
        var text: String
        var positive: Bool
    }

    struct ReceiptDocument {
        var title: String
        var grades: [ReceiptGrade]
        var hasGrades: Bool
        var comments: [ReceiptComment]
        var hasComments: Bool
    }

    struct ReceiptPage {
        var title: String
        var versionTitle: String
        var organisation: String
        var contactName: String
        var contactEmail: String
        var contactPhone: String
        var hasPhone: Bool
        var exported: String
        var file: String
        var late: Bool
        var deadline: String
        /// The documents' grades and comments, written by `receiptBody`: through the template engine
        /// they were half the time of 2 000 receipts.
        var bodyHTML: String
    }

    package static let receiptsFolder = "kvitton"

    /// "kvitton/remissvar-boras-2025-06-10.html", "kvitton/enkat-rad-4.html": one name per input.
    package static func receiptPath(_ response: Response) -> String {
        let base = (response.source as NSString).deletingPathExtension + (response.row.map { "-rad-\($0)" } ?? "")
        let safe = String(base.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
        })
        return "\(receiptsFolder)/\(safe).html"
    }

    /// Each receipt into `sink` as it is made; with `printer` they are kept to be printed together.
    func writeReceipts(to sink: any FileSink, printer: (any PDFPrinter)?) throws {
        var byResponse: [String: [Compilation.Comment]] = [:]
        for comment in compilation.comments { byResponse[comment.source, default: []].append(comment) }
        var printed: [String: Data] = [:]
        for response in compilation.responses {
            let page = receiptPage(response, comments: byResponse[response.label] ?? [])
            let data = Data(try templates.render(page, with: "kvitto", frame: .standalone(
                title: page.title, siteTitle: page.title, statementHref: "../" + SiteBuilder.statement)).utf8)
            try sink.write(Self.receiptPath(response), data)
            if printer != nil { printed[Self.receiptPath(response)] = data }
        }
        guard let printer, !printed.isEmpty else { return }
        // Each receipt also as PDF, for a diarium that files PDF only.
        for (page, pdf) in try printer.print(printed.keys.sorted(), of: printed) { try sink.write(String(page.dropLast(5)) + ".pdf", pdf) }
    }

    func receiptPage(_ response: Response, comments: [Compilation.Comment]) -> ReceiptPage {
        var documents: [ReceiptDocument] = text.documents.map { document in
            let id = document.entry.id
            var grades: [ReceiptGrade] = []
            if let grade = response.documentGrades[id]?.grade { grades.append(.init(label: "Dokumentet som helhet", grade: Self.gradeText(grade))) }
            for clause in document.clauses {
                guard let grade = response.chapterGrades[id]?[clause.id]?.grade else { continue }
                let info = labels.index[id]?[clause.id]
                grades.append(.init(label: "\(info?.number ?? "") \(info?.heading ?? clause.heading)", grade: Self.gradeText(grade)))
            }
            let own = comments.filter { describe($0.place).0 == id }.map(receiptComment)
            return ReceiptDocument(title: document.frontMatter.title, grades: grades, hasGrades: !grades.isEmpty,
                                   comments: own, hasComments: !own.isEmpty)
        }
        let unplaced = comments.filter { if case .unplaced = $0.place { true } else { false } }.map(receiptComment)
        if !unplaced.isEmpty {
            documents.append(ReceiptDocument(title: "Kommentarer som inte kunde placeras i versionen", grades: [], hasGrades: false,
                                             comments: unplaced, hasComments: true))
        }
        return ReceiptPage(
            title: "Remissvar från \(response.organisationName)", versionTitle: versionTitle, organisation: response.organisationName,
            contactName: response.contactName, contactEmail: response.contactEmail, contactPhone: response.contactPhone ?? "",
            hasPhone: response.contactPhone != nil, exported: response.exported, file: response.label, late: response.late,
            deadline: deadlineText, bodyHTML: Self.receiptBody(documents.filter { $0.hasGrades || $0.hasComments }))
    }

    /// The documents of a receipt as HTML; every value is escaped here.
    static func receiptBody(_ documents: [ReceiptDocument]) -> String {
        let e = HTML.escape
        var out = ""
        for document in documents {
            out += "<section class=\"receipt-document\">\n<h2>\(e(document.title))</h2>\n"
            if document.hasGrades {
                out += "<table>\n<caption>Betyg</caption>\n<thead><tr><th scope=\"col\">Del</th><th scope=\"col\">Betyg</th></tr></thead>\n<tbody>\n"
                for grade in document.grades { out += "<tr><th scope=\"row\">\(e(grade.label))</th><td>\(e(grade.grade))</td></tr>\n" }
                out += "</tbody>\n</table>\n"
            }
            if document.hasComments {
                out += "<h3>Kommentarer</h3>\n"
                for comment in document.comments {
                    out += "<article class=\"comment\(comment.positive ? " positive" : "")\">\n<p class=\"comment-meta\"><strong>\(e(comment.place))</strong>"
                    if comment.positive { out += " · <span class=\"tag positive\">Fungerar bra</span>" }
                    out += "</p>\n<p class=\"comment-text\">\(e(comment.text))</p>\n</article>\n"
                }
            }
            out += "</section>\n"
        }
        return out
    }

    func receiptComment(_ comment: Compilation.Comment) -> ReceiptComment {
        let (_, clause, number, heading) = describe(comment.place)
        let place: String
        switch comment.place {
        case .document: place = "Dokumentet som helhet"
        case .unplaced: place = clause
        default: place = "\(number) \(heading)"
        }
        return ReceiptComment(place: place, text: comment.text, positive: comment.positive)
    }

    static func gradeText(_ grade: Response.Grade) -> String {
        switch grade {
        case let .scale(n): scaleLabels[n - 1]
        case .noOpinion: "ingen synpunkt"
        }
    }
}
