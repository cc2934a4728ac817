import AvtalCore

extension Amendment {
    /// - Parameter decidedBy: the body that decides, as the subject of "… beslutar i fråga om …".
    static func section(old: EditableDocument, new: EditableDocument, fates: [ClauseFate], fields: [FrontMatterField],
                        labels: ReferenceLabels, decidedBy: String) -> Section {
        let writer = SectionWriter(old: old, new: new, fates: fates, labels: labels)
        // In the classic order: repeals, moves, the document's own facts, new wording, insertions.
        let items = writer.repeals() + writer.moves() + writer.renumbering() + writer.facts(fields)
            + writer.headings() + writer.rewordings() + writer.insertions()
        var blocks: [Block] = []
        if items.count == 1 {
            // One change stands alone under the document's heading: "Punkt 6.2.6 ska upphöra att gälla."
            let end = items[0].restatements.isEmpty ? "." : ":"
            blocks.append(.sentence(Swedish.capitalizingFirst(items[0].text) + end))
            blocks += items[0].restatements
        } else if items.count > 1 {
            let dels = items.enumerated().map { index, item in item.text + (index == items.count - 1 ? "." : ",") }
            // Named as it is before the decision, which may rename it.
            blocks.append(.dels(intro: "\(decidedBy) beslutar i fråga om \(old.frontMatter.referenceName)", items: dels))
            blocks += items.flatMap(\.restatements)
        }
        blocks += writer.idNotes()
        return Section(documentID: new.entry.id, documentKind: new.entry.kind, documentTitle: new.frontMatter.shortTitle,
                       blocks: blocks)
    }
}

/// One thing the decision says about a document, as it follows "dels att": "punkt 4.2 ska upphöra att gälla".
/// Standing alone it starts with a capital and ends with a period, or a colon before restated clauses.
private struct Item {
    var text: String
    var restatements: [Amendment.Block] = []
}

/// Writes the items of one document's section from the text before and after the patch.
private struct SectionWriter {
    typealias Fate = Amendment.ClauseFate
    let old: EditableDocument
    let new: EditableDocument
    let fates: [Fate]
    let labels: ReferenceLabels

    private var survivors: [Fate] { fates.filter { !$0.deleted && !$0.inserted } }

    private func number(_ document: EditableDocument, _ id: String?) -> (String, [Int])? {
        // An unnumbered clause has no number to name: the amendment's numbered sentences leave it out.
        guard let id, let path = document.path(of: id), case let number = document.number(at: path), !number.isEmpty
        else { return nil }
        return (number, path)
    }

    /// The fates that have a number in `document`, in the document's order.
    private func numbered(_ fates: [Fate], in document: EditableDocument, by id: (Fate) -> String?) -> [(String, [Int], Fate)] {
        fates.compactMap { fate in number(document, id(fate)).map { ($0.0, $0.1, fate) } }
            .sorted { $0.1.lexicographicallyPrecedes($1.1) }
    }

    private func restatement(_ number: String, _ id: String) -> Amendment.Block {
        let clause = new.path(of: id).map { new[$0] }
        // A restated clause reads as the decision will: references as "punkt 9.1 i …", not as link syntax.
        let body = labels.plainText(clause?.body ?? "", from: new.entry)
        return .restatement(number: number, heading: clause?.heading ?? "", body: body)
    }

    func repeals() -> [Item] {
        let deleted = numbered(fates.filter { $0.deleted && !$0.inserted }, in: old, by: \.originalID)
        guard !deleted.isEmpty else { return [] }
        return [Item(text: "\(Swedish.clauses(deleted.map(\.0))) ska upphöra att gälla")]
    }

    func moves() -> [Item] {
        numbered(fates.filter { $0.moved && !$0.deleted && !$0.inserted }, in: new, by: \.currentID).map { newNumber, _, fate in
            let oldNumber = number(old, fate.originalID)?.0 ?? "?"
            return Item(text: "punkt \(oldNumber) ska flyttas och bli punkt \(newNumber)")
        }
    }

    /// Clauses the patch did not move whose place among their siblings changed, because a clause
    /// before them was deleted, inserted or moved: their new numbers are stated, as "betecknas".
    /// A sub-clause that only follows its parent's new number is left out: that is implied.
    func renumbering() -> [Item] {
        var originalOf: [String: String] = [:]
        for fate in fates { if let original = fate.originalID { originalOf[fate.currentID] = original } }
        let touched = Set(fates.filter { $0.moved || $0.inserted }.map(\.currentID))
        var renumbered: [(old: [Int], new: [Int], oldNumber: String, newNumber: String)] = []
        new.walk { clause, path in
            guard !touched.contains(clause.id), let oldPath = old.path(of: originalOf[clause.id] ?? clause.id) else { return }
            // Own numbers, not positions: an unnumbered clause before this one does not count.
            let oldNumber = old.number(at: oldPath), newNumber = new.number(at: path)
            guard !oldNumber.isEmpty, !newNumber.isEmpty,
                  oldNumber.split(separator: ".").last != newNumber.split(separator: ".").last else { return }
            renumbered.append((oldPath, path, oldNumber, newNumber))
        }
        renumbered.sort { $0.old.lexicographicallyPrecedes($1.old) }
        guard !renumbered.isEmpty else { return [] }
        let before = Swedish.clauses(renumbered.map(\.oldNumber))
        let after = Swedish.clauses(renumbered.map(\.newNumber))
        return [Item(text: "nuvarande \(before) ska betecknas \(after)")]
    }

    func facts(_ fields: [FrontMatterField]) -> [Item] {
        let kind = new.entry.kind
        let own = Swedish.genitive(kind)
        var items: [Item] = []
        if fields.contains(.title) {
            items.append(Item(text: "\(own) rubrik ska lyda ”\(new.frontMatter.title)”"))
        }
        if fields.contains(.shortTitle) {
            items.append(Item(text: "\(own) kortnamn ska lyda ”\(new.frontMatter.shortTitle)”"))
        }
        let from = "från och med \(SwedishDate.format(new.frontMatter.validFrom))"
        let end: String
        switch new.frontMatter.validity {
        case let .until(date): end = "till och med \(SwedishDate.format(date))"
        case .untilFurtherNotice: end = "tills vidare"
        }
        // A restated clause that already gives the new period says it in the words of the text itself.
        let stated = restatedBodies.contains { body in
            body.contains(end) && (!fields.contains(.validFrom) || body.contains(from))
        }
        if fields.contains(.validFrom) || fields.contains(.validTo), !stated {
            let joint = new.frontMatter.validity == .untilFurtherNotice ? " och " : " "
            items.append(Item(text: "\(Swedish.definite(kind)) ska gälla \(from)\(joint)\(end)"))
        }
        return items
    }

    /// The own text of every clause the section restates: reworded or inserted.
    private var restatedBodies: [String] {
        (survivors.filter(\.textChanged) + fates.filter { $0.inserted && !$0.deleted })
            .compactMap { fate in new.path(of: fate.currentID).map { new[$0].body } }
    }

    func headings() -> [Item] {
        numbered(survivors.filter { $0.headingChanged && !$0.textChanged }, in: new, by: \.currentID).map { number, path, _ in
            Item(text: "rubriken till punkt \(number) ska lyda ”\(new[path].heading)”")
        }
    }

    func rewordings() -> [Item] {
        let rewritten = numbered(survivors.filter(\.textChanged), in: new, by: \.currentID)
        guard !rewritten.isEmpty else { return [] }
        return [Item(text: "\(Swedish.clauses(rewritten.map(\.0))) ska ha följande lydelse",
                     restatements: rewritten.map { restatement($0.0, $0.2.currentID) })]
    }

    func insertions() -> [Item] {
        let inserted = numbered(fates.filter { $0.inserted && !$0.deleted }, in: new, by: \.currentID)
        guard !inserted.isEmpty else { return [] }
        let numbers = Swedish.list(inserted.map(\.0))
        let restated = inserted.map { restatement($0.0, $0.2.currentID) }
        if inserted.count == 1 {
            return [Item(text: "det ska införas en ny punkt, \(numbers), av följande lydelse", restatements: restated)]
        }
        return [Item(text: "det ska införas \(Swedish.count(inserted.count)) nya punkter, \(numbers), av följande lydelse",
                     restatements: restated)]
    }

    /// The clause's permanent ID changed; the legal text does not.
    func idNotes() -> [Amendment.Block] {
        let renamed = numbered(survivors.filter { $0.originalID != nil && $0.originalID != $0.currentID }, in: new, by: \.currentID)
        return renamed.map { number, _, fate in .idNote(number: number, oldID: fate.originalID ?? "", newID: fate.currentID) }
    }
}
