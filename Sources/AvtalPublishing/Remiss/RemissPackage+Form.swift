import Foundation
import AvtalCore
import AvtalMarkdown

/// The response form: one self-contained page that works offline.
extension RemissPackage {
    func renderForm() throws -> String {
        guard let consultees = workspace.consultees, let text = workspace.texts[version.id] else {
            throw Failure.notReady("the consultees or the text of '\(version.id)' could not be read (avtal check)")
        }
        let groups: [[String: Any]] = settings.consultees.compactMap { consultees.group($0) }.map { group in
            ["id": group.id, "title": group.title,
             "members": group.members.map { ["id": $0.id, "name": $0.name] }]
        }
        let documents: [[String: Any]] = text.documents.map(Self.formDocument)
        let scale: [[String: Any]] = [
            ["value": "1", "label": "1 – instämmer inte alls"], ["value": "2", "label": "2 – instämmer delvis"],
            ["value": "3", "label": "3 – instämmer till stor del"], ["value": "4", "label": "4 – instämmer helt"],
            ["value": "ingen-synpunkt", "label": "Ingen synpunkt"],
        ]
        let context: [String: Any] = [
            "pageTitle": "Svar på remiss – \(settings.title)", "remissTitle": settings.title,
            "versionID": version.id, "versionTitle": VersionDiff.title(of: version.id, in: workspace),
            // The form's template escapes every value itself, so placeholders are flags, not HTML.
            "diarienummer": settings.diarienummer.enumerated().map { index, registration in
                ["organisation": registration.organisation, "number": registration.number.text,
                 "placeholder": registration.number.isPlaceholder, "last": index == settings.diarienummer.count - 1] as [String: Any]
            },
            "hasDiarienummer": !settings.diarienummer.isEmpty,
            "deadline": deadlineText, "answerEmail": settings.answerEmail.text,
            // The instant the form compares the respondent's clock with, to say that the deadline has passed.
            "deadlineInstant": settings.deadlineInstant.map { ISO8601DateFormatter().string(from: $0) } ?? "",
            "lateAccepted": settings.late == .accept,
            "answerEmailPlaceholder": settings.answerEmail.isPlaceholder,
            "storageKey": "avtal-svar/\(version.id)", "groups": groups, "documents": documents, "scale": scale,
            "hasStatement": true, "statementHref": Self.statementHref(from: ""),
        ]
        return try templates.renderPage(context, with: "svar", style: "svar.css", script: "svar.js")
    }

    /// One document of the form: its chapters to grade and its clauses to comment on.
    static func formDocument(_ document: EditableDocument) -> [String: Any] {
        var chapters: [[String: Any]] = []
        var clauses: [[String: Any]] = []
        document.walk { clause, path in
            let number = document.number(at: path)
            let heading = Markdown.parse(clause.heading).plainText
            if path.count == 1 {
                chapters.append(["id": clause.id, "number": number, "heading": heading,
                                 "key": "\(document.entry.id)--\(clause.id)"])
            }
            clauses.append(["key": "\(document.entry.id)#\(clause.id)", "number": number, "heading": heading,
                            "indent": String(repeating: "  ", count: path.count - 1)])
        }
        return ["id": document.entry.id, "title": document.frontMatter.title,
                "shortTitle": document.frontMatter.shortTitle, "chapters": chapters, "clauses": clauses]
    }
}
