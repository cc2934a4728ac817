import AvtalCore

extension Amendment {
    static func section(old: EditableDocument, new: EditableDocument, fates: [ClauseFate], fields: [FrontMatterField],
                        labels: ReferenceLabels) -> Section {
        let writer = SectionWriter(old: old, new: new, fates: fates, labels: labels)
        // In the classic order: repeals, moves, the document's own facts, new wording, insertions.
        let items = writer.repeals() + writer.moves() + writer.renumbering() + writer.facts(fields)
            + writer.headings() + writer.rewordings() + writer.insertions()
        var blocks: [Block] = []
        if items.count == 1 {
            blocks.append(.sentence(items[0].sentence))
            blocks += items[0].restatements
        } else if items.count > 1 {
            let dels = items.enumerated().map { index, item in item.dels + (index == items.count - 1 ? "." : ",") }
            blocks.append(.dels(intro: "Härigenom föreskrivs i fråga om \(new.frontMatter.shortTitle)", items: dels))
            blocks += items.flatMap(\.restatements)
        }
        blocks += writer.idNotes()
        return Section(documentID: new.entry.id, documentKind: new.entry.kind, documentTitle: new.frontMatter.shortTitle,
                       blocks: blocks)
    }
}

/// One thing the document's text says, in a form that stands alone and in a form that follows "dels att".
private struct Item {
    var sentence: String
    var dels: String
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
        let numbers = Swedish.list(deleted.map(\.0))
        return [Item(sentence: "Punkt \(numbers) upphävs.", dels: "punkt \(numbers) ska upphöra att gälla")]
    }

    func moves() -> [Item] {
        numbered(fates.filter { $0.moved && !$0.deleted && !$0.inserted }, in: new, by: \.currentID).map { newNumber, _, fate in
            let oldNumber = number(old, fate.originalID)?.0 ?? "?"
            return Item(sentence: "Punkt \(oldNumber) flyttas och blir punkt \(newNumber).",
                        dels: "punkt \(oldNumber) ska flyttas och bli punkt \(newNumber)")
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
        let before = Swedish.list(renumbered.map(\.oldNumber))
        let after = Swedish.list(renumbered.map(\.newNumber))
        return [Item(sentence: "Nuvarande punkt \(before) betecknas punkt \(after).",
                     dels: "nuvarande punkt \(before) ska betecknas punkt \(after)")]
    }

    func facts(_ fields: [FrontMatterField]) -> [Item] {
        let kind = new.entry.kind
        let own = Swedish.genitive(kind)
        var items: [Item] = []
        if fields.contains(.title) {
            let value = "”\(new.frontMatter.title)”"
            items.append(Item(sentence: Swedish.capitalizingFirst("\(own) rubrik ska lyda: \(value)."),
                              dels: "\(own) rubrik ska lyda \(value)"))
        }
        if fields.contains(.shortTitle) {
            let value = "”\(new.frontMatter.shortTitle)”"
            items.append(Item(sentence: Swedish.capitalizingFirst("\(own) kortnamn ska lyda: \(value)."),
                              dels: "\(own) kortnamn ska lyda \(value)"))
        }
        if fields.contains(.validFrom) || fields.contains(.validTo) {
            let from = "från och med \(SwedishDate.format(new.frontMatter.validFrom))"
            let period: String
            switch new.frontMatter.validity {
            case let .until(end): period = "\(from) till och med \(SwedishDate.format(end))"
            case .untilFurtherNotice: period = "\(from) och tills vidare"
            }
            let subject = Swedish.definite(kind)
            items.append(Item(sentence: Swedish.capitalizingFirst("\(subject) ska gälla \(period)."),
                              dels: "\(subject) ska gälla \(period)"))
        }
        return items
    }

    func headings() -> [Item] {
        numbered(survivors.filter { $0.headingChanged && !$0.textChanged }, in: new, by: \.currentID).map { number, path, _ in
            let value = "”\(new[path].heading)”"
            return Item(sentence: "Rubriken till punkt \(number) ska lyda: \(value).",
                        dels: "rubriken till punkt \(number) ska lyda \(value)")
        }
    }

    func rewordings() -> [Item] {
        let rewritten = numbered(survivors.filter(\.textChanged), in: new, by: \.currentID)
        guard !rewritten.isEmpty else { return [] }
        let numbers = Swedish.list(rewritten.map(\.0))
        var named = numbers
        if rewritten.count == 1, !rewritten[0].2.headingChanged {
            named += " " + new[rewritten[0].1].heading
        }
        return [Item(sentence: "Punkt \(named) ska ha följande lydelse:",
                     dels: "punkt \(numbers) ska ha följande lydelse",
                     restatements: rewritten.map { restatement($0.0, $0.2.currentID) })]
    }

    func insertions() -> [Item] {
        let inserted = numbered(fates.filter { $0.inserted && !$0.deleted }, in: new, by: \.currentID)
        guard !inserted.isEmpty else { return [] }
        let numbers = Swedish.list(inserted.map(\.0))
        let restated = inserted.map { restatement($0.0, $0.2.currentID) }
        if inserted.count == 1 {
            return [Item(sentence: "En ny punkt \(numbers) införs med följande lydelse:",
                         dels: "det ska införas en ny punkt, \(numbers), av följande lydelse",
                         restatements: restated)]
        }
        let count = Swedish.count(inserted.count)
        return [Item(sentence: Swedish.capitalizingFirst("\(count) nya punkter, \(numbers), införs med följande lydelse:"),
                     dels: "det ska införas \(count) nya punkter, \(numbers), av följande lydelse",
                     restatements: restated)]
    }

    /// The clause's permanent ID changed; the legal text does not.
    func idNotes() -> [Amendment.Block] {
        let renamed = numbered(survivors.filter { $0.originalID != nil && $0.originalID != $0.currentID }, in: new, by: \.currentID)
        return renamed.map { number, _, fate in .idNote(number: number, oldID: fate.originalID ?? "", newID: fate.currentID) }
    }
}
