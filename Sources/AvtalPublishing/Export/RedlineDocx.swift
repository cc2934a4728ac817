import AvtalCore
import Foundation

/// The redline as Word tracked changes: each inserted or deleted run of the word diff is one
/// `insertion` or `deletion` span, which pandoc writes as one `w:ins` or `w:del`, so that Word's
/// Accept and Reject walk through them one by one. Clause text is its Markdown source, as in the HTML
/// redline; a clause body is one paragraph whose source lines are line breaks.
package struct RedlineDocx {
    /// Who decided a change and when: the deciding body and the decision date of a patch.
    package struct Revision: Sendable, Equatable {
        package var author: String
        /// ISO 8601, as `w:date` wants it.
        package var date: String
    }

    let diff: VersionDiff
    let heading: String
    let revision: (_ document: String, _ clause: String?) -> Revision

    /// The changes attributed to the patches of the newer version (or, for a diff back to the sources,
    /// of the older one); a change no patch made is the version's own, dated `epoch`.
    package init(diff: VersionDiff, heading: String, workspace: Workspace, epoch: Int) {
        self.diff = diff
        self.heading = heading
        let record = workspace.assemblies[diff.to] ?? workspace.assemblies[diff.from]
        var byTarget: [String: Revision] = [:]
        for change in record?.changes ?? [] {
            guard let patch = workspace.patches[change.patch] else { continue }
            let revision = Revision(author: patch.decidedBy, date: Self.iso(patch.decidedOn))
            byTarget["\(change.document)#\(change.clause ?? "")"] = revision
            if byTarget[change.document] == nil { byTarget[change.document] = revision }
        }
        let fallback = Revision(author: "avtal", date: Self.iso(epoch: epoch))
        revision = { document, clause in
            byTarget["\(document)#\(clause ?? "")"] ?? (clause == nil ? byTarget[document] : nil) ?? fallback
        }
    }

    static func iso(_ date: CalendarDate) -> String { "\(date)T00:00:00Z" }

    static func iso(epoch: Int) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
    }

    /// The page pandoc reads.
    package func html() -> String {
        var body = "<p>\(HTML.escape(RedlineRenderer.summary(diff)))</p>\n"
        for document in diff.documents {
            body += "<h1 id=\"\(HTML.escape(document.id))\">\(HTML.escape(document.title))</h1>\n"
            for field in document.frontMatter {
                body += "<p>\(HTML.escape(Swedish.label(field.field))): "
                body += runs(Self.fieldRuns(field), revision(document.id, nil)) + "</p>\n"
            }
            if let preamble = document.preamble {
                body += "<p>" + runs(preamble.runs, revision(document.id, nil)) + "</p>\n"
            }
            for clause in document.clauses {
                let by = revision(document.id, clause.newID ?? clause.oldID)
                let number = clause.number.isEmpty ? "" : HTML.escape(clause.number) + " "
                let heading = clause.heading.map { runs($0.runs, by) } ?? HTML.escape(clause.displayHeading)
                body += "<h2 id=\"\(HTML.escape("\(document.id)--\(clause.id)"))\">\(number)\(heading)</h2>\n"
                if let text = clause.body { body += "<p>" + runs(text.runs, by) + "</p>\n" }
            }
        }
        return VersionSite.exportPage(title: heading, body: body)
    }

    /// Equal text as it is, each inserted or deleted run as one span; source line breaks as `<br>`.
    func runs(_ runs: [TextRun], _ revision: Revision) -> String {
        var out = ""
        for run in runs {
            let text = HTML.escape(run.text).replacingOccurrences(of: "\n", with: "<br>")
            switch run.kind {
            case .equal: out += text
            case .inserted, .deleted:
                let kind = run.kind == .inserted ? "insertion" : "deletion"
                out += "<span class=\"\(kind)\" data-author=\"\(HTML.escape(revision.author))\" data-date=\"\(revision.date)\">\(text)</span>"
            }
        }
        return out
    }

    /// A front matter field as the HTML redline shows it: the old value deleted whole, the new one inserted.
    static func fieldRuns(_ field: FrontMatterChange) -> [TextRun] {
        let old = Swedish.frontMatterValue(field.field, field.old), new = Swedish.frontMatterValue(field.field, field.new)
        var runs: [TextRun] = []
        if !old.isEmpty { runs.append(TextRun(.deleted, old)) }
        if !old.isEmpty, !new.isEmpty { runs.append(TextRun(.equal, " ")) }
        if !new.isEmpty { runs.append(TextRun(.inserted, new)) }
        return runs
    }

    /// How many revisions the file holds: one per inserted or deleted run.
    package var revisionCount: Int {
        var count = 0
        func add(_ runs: [TextRun]?) { count += runs?.filter { $0.kind != .equal }.count ?? 0 }
        for document in diff.documents {
            for field in document.frontMatter { add(Self.fieldRuns(field)) }
            add(document.preamble?.runs)
            for clause in document.clauses {
                add(clause.heading?.runs)
                add(clause.body?.runs)
            }
        }
        return count
    }
}
