import AvtalCore
import Foundation

/// One patch as a Swedish ändringsbeslut: who decided it and why, and per document what changes, with
/// the numbers of the text the patch produces and every changed clause restated in full.
public struct Amendment: Hashable, Sendable {
    public var patchID: String
    public var title: String
    public var kind: PatchKind
    public var decidedBy: String
    public var decidedOn: CalendarDate
    public var reference: String
    public var rationale: String
    /// The version whose numbering the text uses.
    public var version: String
    public var sections: [Section]

    /// The changes to one document.
    public struct Section: Hashable, Sendable {
        public var documentID: String
        public var documentKind: DocumentKind
        /// The document's short title, as the section heading.
        public var documentTitle: String
        public var blocks: [Block]
    }

    public enum Block: Hashable, Sendable {
        /// A sentence that stands alone: "Punkt 4.2 upphävs."
        case sentence(String)
        /// "Härigenom föreskrivs i fråga om X" followed by "dels att …," items; the last ends with a period.
        case dels(intro: String, items: [String])
        /// A clause restated in full: its number, heading and own text (Markdown).
        case restatement(number: String, heading: String, body: String)
        /// The clause's permanent ID changed; the legal text does not.
        case idNote(number: String, oldID: String, newID: String)
    }

    public var kindLabel: String { Swedish.kindLabel(kind) }

    /// The decision's facts with a statement that its text cannot be restated: for a published
    /// version whose patches no longer apply to the working text they were made on. The published
    /// text itself is unaffected (it is read from its snapshot); only the wording of the change
    /// cannot be rebuilt.
    public static func factsOnly(_ patch: Patch, version: String) -> Amendment {
        Amendment(patchID: patch.id, title: patch.title, kind: patch.kind, decidedBy: patch.decidedBy, decidedOn: patch.decidedOn,
                  reference: patch.reference, rationale: patch.rationale.trimmed, version: version,
                  sections: [Section(documentID: "", documentKind: .agreement, documentTitle: "Ändringstexten",
                                     blocks: [.sentence("Ändringstexten kan inte återskapas, eftersom arbetstexten har ändrats sedan versionen publicerades. Den publicerade texten är oförändrad; ändringarna syns i jämförelsen mellan versionerna.")])])
    }
}

extension Amendment {
    /// The amendment text of a patch of a loaded workspace, numbered as in the version that lists it:
    /// the version's base with the earlier patches applied (`before`), then this one (`after`).
    /// - Parameter version: the version to number against; by default the first that lists the patch.
    public static func build(patchID: String, in workspace: Workspace, version: String? = nil) throws(PublishingError) -> Amendment {
        guard let patch = workspace.patches[patchID] else {
            throw .unknownPatch(patchID, known: workspace.patches.keys.sorted())
        }
        let listing = workspace.versions.filter { $0.patches.contains(patchID) }
        let chosen: Version?
        if let version {
            guard let found = workspace.versions.first(where: { $0.id == version }) else {
                throw .unknownVersion(version, known: workspace.versions.map(\.id))
            }
            guard found.patches.contains(patchID) else { throw .patchInNoVersion(patchID) }
            chosen = found
        } else {
            chosen = listing.first
        }
        guard let chosen else { throw .patchInNoVersion(patchID) }
        guard var base = workspace.texts[chosen.base] else {
            throw workspace.versions.contains(where: { $0.id == chosen.base }) || chosen.base == VersionsFile.working
                ? .versionNotBuilt(chosen.base) : .unknownVersion(chosen.base, known: workspace.versions.map(\.id))
        }
        if let manifest = workspace.working?.manifest {
            base.history.aliases.merge(manifest.aliases) { current, _ in current }
            base.history.retired.merge(manifest.history.retired) { current, _ in current }
        }
        base.id = chosen.id
        var assembler = Assembler(base: base)
        for earlier in chosen.patches.prefix(while: { $0 != patchID }) {
            guard let earlierPatch = workspace.patches[earlier] else {
                throw .patchDoesNotApply(patchID, version: chosen.id, problems: ["earlier patch '\(earlier)' is missing"])
            }
            assembler.apply(earlierPatch)
        }
        let before = assembler.text
        assembler.apply(patch)
        guard assembler.diagnostics.isEmpty else {
            throw .patchDoesNotApply(patchID, version: chosen.id, problems: assembler.diagnostics.map(\.summary))
        }
        return build(patch: patch, before: before, after: assembler.text, version: chosen.id)
    }

    /// The amendment text of `patch`, given the text just before it and the text it produces.
    public static func build(patch: Patch, before: VersionText, after: VersionText, version: String) -> Amendment {
        // What the patch does to each clause, followed through renames: keyed by the ID it had before
        // the patch (or its ID at insertion), in the order the patch first touches it.
        struct Fate {
            var originalID: String?
            var currentID: String
            var inserted = false
            var deleted = false
            var textChanged = false
            var headingChanged = false
            var moved = false
        }
        struct DocumentChanges {
            var fates: [Fate] = []
            var byCurrentID: [String: Int] = [:]
            var fields: [String] = []
        }
        var changes: [String: DocumentChanges] = [:]
        for change in patch.changes {
            let documentID = change.target.document
            var document = changes[documentID] ?? DocumentChanges()
            defer { changes[documentID] = document }
            func fate(_ id: String) -> Int {
                if let index = document.byCurrentID[id] { return index }
                document.fates.append(Fate(originalID: id, currentID: id))
                document.byCurrentID[id] = document.fates.count - 1
                return document.fates.count - 1
            }
            switch change.operation {
            case let .insert(id, _, _, _):
                document.fates.append(Fate(originalID: nil, currentID: id, inserted: true))
                document.byCurrentID[id] = document.fates.count - 1
            case let .setMetadata(field, _, _):
                if !document.fields.contains(field.rawValue) { document.fields.append(field.rawValue) }
            case .replace, .setText:
                if let id = change.target.clause { document.fates[fate(id)].textChanged = true }
            case .setHeading:
                if let id = change.target.clause { document.fates[fate(id)].headingChanged = true }
            case .delete:
                if let id = change.target.clause { document.fates[fate(id)].deleted = true }
            case .move:
                if let id = change.target.clause { document.fates[fate(id)].moved = true }
            case let .renameID(newID):
                if let id = change.target.clause {
                    let index = fate(id)
                    document.byCurrentID[id] = nil
                    document.fates[index].currentID = newID
                    document.byCurrentID[newID] = index
                }
            }
        }

        var sections: [Section] = []
        let labels = ReferenceLabels(text: after)
        var order = after.documents.map(\.entry.id)
        for document in before.documents where !order.contains(document.entry.id) { order.append(document.entry.id) }
        for documentID in order {
            guard let documentChanges = changes[documentID],
                  let old = before.document(documentID), let new = after.document(documentID) ?? before.document(documentID)
            else { continue }
            let section = section(old: old, new: new, fates: documentChanges.fates.map {
                ClauseFate(originalID: $0.originalID, currentID: $0.currentID, inserted: $0.inserted, deleted: $0.deleted,
                           textChanged: $0.textChanged, headingChanged: $0.headingChanged, moved: $0.moved)
            }, fields: documentChanges.fields, labels: labels)
            if !section.blocks.isEmpty { sections.append(section) }
        }
        return Amendment(patchID: patch.id, title: patch.title, kind: patch.kind, decidedBy: patch.decidedBy,
                         decidedOn: patch.decidedOn, reference: patch.reference,
                         rationale: patch.rationale.trimmingCharacters(in: .whitespacesAndNewlines),
                         version: version, sections: sections)
    }

    struct ClauseFate {
        var originalID: String?
        var currentID: String
        var inserted, deleted, textChanged, headingChanged, moved: Bool
    }

    /// One thing the document's text says, in a form that stands alone and in a form that follows "dels att".
    private struct Item {
        var sentence: String
        var dels: String
        var restatements: [Block] = []
    }

    private static func section(old: EditableDocument, new: EditableDocument, fates: [ClauseFate], fields: [String],
                                labels: ReferenceLabels) -> Section {
        func number(_ document: EditableDocument, _ id: String?) -> (String, [Int])? {
            guard let id, let path = document.path(of: id) else { return nil }
            return (EditableDocument.number(path), path)
        }
        func sorted(_ list: [(String, [Int], ClauseFate)]) -> [(String, [Int], ClauseFate)] {
            list.sorted { $0.1.lexicographicallyPrecedes($1.1) }
        }
        func restatement(_ number: String, _ id: String) -> Block {
            let clause = new.path(of: id).map { new[$0] }
            // A restated clause reads as the decision will: references as "punkt 9.1 i …", not as link syntax.
            let body = labels.plainText(clause?.body ?? "", from: new.entry)
            return .restatement(number: number, heading: clause?.heading ?? "", body: body)
        }
        let kind = new.entry.kind
        var items: [Item] = []

        // In the classic order: repeals, moves, the document's own facts, new wording, insertions.
        let deleted = sorted(fates.filter { $0.deleted && !$0.inserted }.compactMap { fate in
            number(old, fate.originalID).map { ($0.0, $0.1, fate) }
        })
        if !deleted.isEmpty {
            let numbers = Swedish.list(deleted.map(\.0))
            items.append(Item(sentence: "Punkt \(numbers) upphävs.", dels: "punkt \(numbers) ska upphöra att gälla"))
        }

        let moved = sorted(fates.filter { $0.moved && !$0.deleted && !$0.inserted }.compactMap { fate in
            number(new, fate.currentID).map { ($0.0, $0.1, fate) }
        })
        for (newNumber, _, fate) in moved {
            let oldNumber = number(old, fate.originalID)?.0 ?? "?"
            items.append(Item(sentence: "Punkt \(oldNumber) flyttas och blir punkt \(newNumber).",
                              dels: "punkt \(oldNumber) ska flyttas och bli punkt \(newNumber)"))
        }

        // Clauses the patch did not move whose place among their siblings changed, because a clause
        // before them was deleted, inserted or moved: their new numbers are stated, as "betecknas".
        // A sub-clause that only follows its parent's new number is left out: that is implied.
        var originalOf: [String: String] = [:]
        for fate in fates { if let original = fate.originalID { originalOf[fate.currentID] = original } }
        let touched = Set(fates.filter { $0.moved || $0.inserted }.map(\.currentID))
        var renumbered: [(old: [Int], new: [Int])] = []
        new.walk { clause, path in
            guard !touched.contains(clause.id), let oldPath = old.path(of: originalOf[clause.id] ?? clause.id),
                  oldPath.last != path.last else { return }
            renumbered.append((oldPath, path))
        }
        renumbered.sort { $0.old.lexicographicallyPrecedes($1.old) }
        if !renumbered.isEmpty {
            let before = Swedish.list(renumbered.map { EditableDocument.number($0.old) })
            let after = Swedish.list(renumbered.map { EditableDocument.number($0.new) })
            items.append(Item(sentence: "Nuvarande punkt \(before) betecknas punkt \(after).",
                              dels: "nuvarande punkt \(before) ska betecknas punkt \(after)"))
        }

        let own = Swedish.genitive(kind)
        if fields.contains("title") {
            let value = "”\(new.frontMatter.title)”"
            items.append(Item(sentence: Swedish.capitalizingFirst("\(own) rubrik ska lyda: \(value)."),
                              dels: "\(own) rubrik ska lyda \(value)"))
        }
        if fields.contains("short-title") {
            let value = "”\(new.frontMatter.shortTitle)”"
            items.append(Item(sentence: Swedish.capitalizingFirst("\(own) kortnamn ska lyda: \(value)."),
                              dels: "\(own) kortnamn ska lyda \(value)"))
        }
        if fields.contains("valid-from") || fields.contains("valid-to") {
            let period: String
            switch new.frontMatter.validity {
            case let .until(end):
                period = "från och med \(SwedishDate.format(new.frontMatter.validFrom)) till och med \(SwedishDate.format(end))"
            case .untilFurtherNotice:
                period = "från och med \(SwedishDate.format(new.frontMatter.validFrom)) och tills vidare"
            }
            let subject = Swedish.definite(kind)
            items.append(Item(sentence: Swedish.capitalizingFirst("\(subject) ska gälla \(period)."),
                              dels: "\(subject) ska gälla \(period)"))
        }

        let survivors = fates.filter { !$0.deleted && !$0.inserted }
        let headingOnly = sorted(survivors.filter { $0.headingChanged && !$0.textChanged }.compactMap { fate in
            number(new, fate.currentID).map { ($0.0, $0.1, fate) }
        })
        for (number, path, _) in headingOnly {
            let value = "”\(new[path].heading)”"
            items.append(Item(sentence: "Rubriken till punkt \(number) ska lyda: \(value).",
                              dels: "rubriken till punkt \(number) ska lyda \(value)"))
        }

        let rewritten = sorted(survivors.filter(\.textChanged).compactMap { fate in
            number(new, fate.currentID).map { ($0.0, $0.1, fate) }
        })
        if !rewritten.isEmpty {
            let numbers = Swedish.list(rewritten.map(\.0))
            var named = numbers
            if rewritten.count == 1, let fate = rewritten.first?.2, !fate.headingChanged {
                named += " " + new[rewritten[0].1].heading
            }
            items.append(Item(sentence: "Punkt \(named) ska ha följande lydelse:",
                              dels: "punkt \(numbers) ska ha följande lydelse",
                              restatements: rewritten.map { restatement($0.0, $0.2.currentID) }))
        }

        let inserted = sorted(fates.filter { $0.inserted && !$0.deleted }.compactMap { fate in
            number(new, fate.currentID).map { ($0.0, $0.1, fate) }
        })
        if !inserted.isEmpty {
            let numbers = Swedish.list(inserted.map(\.0))
            let restated = inserted.map { restatement($0.0, $0.2.currentID) }
            if inserted.count == 1 {
                items.append(Item(sentence: "En ny punkt \(numbers) införs med följande lydelse:",
                                  dels: "det ska införas en ny punkt, \(numbers), av följande lydelse",
                                  restatements: restated))
            } else {
                let count = Swedish.count(inserted.count)
                items.append(Item(sentence: Swedish.capitalizingFirst("\(count) nya punkter, \(numbers), införs med följande lydelse:"),
                                  dels: "det ska införas \(count) nya punkter, \(numbers), av följande lydelse",
                                  restatements: restated))
            }
        }

        var blocks: [Block] = []
        if items.count == 1 {
            blocks.append(.sentence(items[0].sentence))
            blocks += items[0].restatements
        } else if items.count > 1 {
            let dels = items.enumerated().map { index, item in item.dels + (index == items.count - 1 ? "." : ",") }
            blocks.append(.dels(intro: "Härigenom föreskrivs i fråga om \(new.frontMatter.shortTitle)", items: dels))
            blocks += items.flatMap(\.restatements)
        }

        let renamed = sorted(survivors.filter { $0.originalID != nil && $0.originalID != $0.currentID }.compactMap { fate in
            number(new, fate.currentID).map { ($0.0, $0.1, fate) }
        })
        for (number, _, fate) in renamed {
            blocks.append(.idNote(number: number, oldID: fate.originalID ?? "", newID: fate.currentID))
        }
        return Section(documentID: new.entry.id, documentKind: kind, documentTitle: new.frontMatter.shortTitle, blocks: blocks)
    }
}
