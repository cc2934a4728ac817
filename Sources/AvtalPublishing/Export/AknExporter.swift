import AvtalCore
import Foundation

/// A version as Akoma Ntoso 3.0: `<document>.xml` for each document (see `VersionSite.aknXML`).
package struct AknExporter {
    let builder: SiteBuilder

    package init(builder: SiteBuilder) {
        self.builder = builder
    }

    /// `date` is the expression's date: the version's publication, or the export's for the sources.
    package func export(version id: String, date: CalendarDate) throws(ActionFailure) -> [String: Data] {
        guard let text = builder.workspace.texts[id] else { throw .cannotRun("version '\(id)' could not be built") }
        let site = VersionSite(builder: builder, id: id, text: text)
        let changes = Dictionary(grouping: builder.workspace.assemblies[id]?.changes ?? [], by: \.document)
        let xml = Parallel.map(text.documents) { document in
            site.aknXML(document, date: date, changes: changes[document.entry.id] ?? [])
        }
        var files: [String: Data] = [:]
        for (document, xml) in zip(text.documents, xml) { files["\(document.entry.id).xml"] = Data(xml.utf8) }
        return files
    }

    /// The calendar day (UTC) of a time in seconds since 1970.
    package static func day(ofEpoch epoch: Int) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(epoch)))
        return CalendarDate(year: parts.year ?? 1980, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
