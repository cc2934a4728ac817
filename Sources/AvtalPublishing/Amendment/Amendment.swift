import AvtalCore
import Foundation

/// One patch as a Swedish ändringsbeslut: who decided it and why, and per document what changes, with
/// the numbers of the text the patch produces and every changed clause restated in full.
package struct Amendment: Hashable, Sendable {
    package var patchID: String
    package var title: String
    package var kind: PatchKind
    package var decidedBy: String
    package var decidedOn: CalendarDate
    package var reference: SettingText
    package var rationale: String
    /// The version whose numbering the text uses.
    package var version: String
    /// That version's title, as readers name it ("Remissversion"); never its ID.
    package var versionTitle: String
    /// When the change takes effect, if the patch says.
    package var inForceFrom: CalendarDate?
    package var sections: [Section]

    /// The changes to one document.
    package struct Section: Hashable, Sendable {
        package var documentID: String
        package var documentKind: DocumentKind
        /// The document's short title, as the section heading.
        package var documentTitle: String
        package var blocks: [Block]
    }

    package enum Block: Hashable, Sendable {
        /// A sentence that stands alone: "Punkt 4.2 ska upphöra att gälla."
        case sentence(String)
        /// "SRO beslutar i fråga om X" followed by "dels att …," items; the last ends with a period.
        case dels(intro: String, items: [String])
        /// A clause restated in full: its number, heading and own text (Markdown).
        case restatement(number: String, heading: String, body: String)
        /// The clause's permanent ID changed; the legal text does not.
        case idNote(number: String, oldID: String, newID: String)
    }

    package var kindLabel: String { Swedish.kindLabel(kind) }

    /// "Denna ändring träder i kraft den 1 januari 2027.", the amendment's last sentence.
    package var inForceSentence: String? {
        inForceFrom.map { "Denna ändring träder i kraft \(SwedishDate.format($0))." }
    }

    /// The decision's facts with a statement that its text cannot be restated: for a published
    /// version whose patches no longer apply to the working text they were made on. The published
    /// text itself is unaffected (it is read from its snapshot); only the wording of the change
    /// cannot be rebuilt.
    package static func factsOnly(_ patch: Patch, version: String, versionTitle: String) -> Amendment {
        Amendment(patchID: patch.id, title: patch.title, kind: patch.kind, decidedBy: patch.decidedBy, decidedOn: patch.decidedOn,
                  reference: patch.reference, rationale: patch.rationale.trimmed, version: version,
                  versionTitle: versionTitle, inForceFrom: patch.inForceFrom,
                  sections: [Section(documentID: "", documentKind: .agreement, documentTitle: "Ändringstexten",
                                     blocks: [.sentence("Ändringstexten kan inte återskapas, eftersom arbetstexten har ändrats sedan versionen publicerades. Den publicerade texten är oförändrad; ändringarna syns i jämförelsen mellan versionerna.")])])
    }
}
