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
        var documents: [ReceiptDocument]
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
            let data = Data(try templates.render(page, with: "kvitto", frame: .standalone(title: page.title, siteTitle: page.title)).utf8)
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
            deadline: deadlineText, documents: documents.filter { $0.hasGrades || $0.hasComments })
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
