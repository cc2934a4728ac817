import AvtalCore
import Foundation

extension VersionSite {
    /// The decisions that changed each clause of this version against its base, by "document#clause",
    /// in the order the patches apply: "Ändrad genom SRO:s beslut den 30 januari 2025".
    static func decisionsByClause(_ workspace: Workspace, version id: String) -> [String: [Patch]] {
        guard let record = workspace.assemblies[id] else { return [:] }
        var byClause: [String: [Patch]] = [:]
        for change in record.changes {
            guard let clause = change.after?.clause?.id, let patch = workspace.patches[change.patch] else { continue }
            let key = "\(change.document)#\(clause)"
            if !(byClause[key] ?? []).contains(where: { $0.id == patch.id }) { byClause[key, default: []].append(patch) }
        }
        return byClause
    }

    /// "Ändrad genom SRO:s beslut den 30 januari 2025", each decision a link to its page in the version.
    static func decisionsHTML(_ patches: [Patch]) -> String {
        guard !patches.isEmpty else { return "" }
        let e = HTML.escape
        let links = patches.map { patch in
            "<a href=\"beslut-\(e(patch.id)).html\">\(e(possessive(patch.decidedBy))) beslut \(e(SwedishDate.format(patch.decidedOn)))</a>"
        }
        return "<p class=\"changed-by\">Ändrad genom \(Swedish.list(links)).</p>\n"
    }

    /// The working text's clauses whose wording differs from what the working group agreed (AV650),
    /// by "document#clause". Only the working text: a version's differences are decisions on record.
    static func deviationsByClause(_ workspace: Workspace, version id: String) -> [String: AgreedDeviation] {
        guard id == VersionsFile.working else { return [:] }
        var byClause: [String: AgreedDeviation] = [:]
        for deviation in workspace.deviations {
            guard let clause = deviation.clause else { continue }
            byClause["\(deviation.agreed.document)#\(clause)"] = deviation
        }
        return byClause
    }

    /// A note under the clause's heading: the meeting, and the agreed wording against the current one
    /// as a redline of the Markdown source (escaped), the same markup as the redline pages.
    static func deviationHTML(_ deviation: AgreedDeviation) -> String {
        let e = HTML.escape
        let agreed = deviation.agreed
        var out = "<aside class=\"agreed-deviation\" aria-label=\"Avvikelse från överenskommen lydelse\">\n"
        out += "<p><strong>Avviker från \(e(possessive(agreed.by))) överenskomna lydelse (\(e(agreed.on.description)))</strong>"
        if let note = agreed.note { out += " – \(e(note))" }
        out += "</p>\n<p class=\"redline-text\">"
        for run in WordDiff.runs(from: agreed.text, to: deviation.current ?? "") {
            switch run.kind {
            case .equal: out += e(run.text)
            case .deleted: out += "<del><span class=\"visually-hidden\">Borttaget: </span>\(e(run.text))</del>"
            case .inserted: out += "<ins><span class=\"visually-hidden\">Infogat: </span>\(e(run.text))</ins>"
            }
        }
        return out + "</p>\n</aside>\n"
    }

    /// "arbetsgruppen" → "arbetsgruppens", "SRO" → "SRO:s"; a name that already ends in s, x or z
    /// takes no s.
    static func possessive(_ name: String) -> String {
        guard let last = name.last else { return name }
        if last.isUppercase || last.isNumber { return name + ":s" }
        return ["s", "x", "z"].contains(last) ? name : name + "s"
    }
}
