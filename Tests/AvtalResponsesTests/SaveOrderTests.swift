import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// Two answers from the same organisation: the later save wins, whatever its time format.
@Suite struct SaveOrderTests {
    typealias F = ResponsesFixture

    func formSave(exported: String, comment: String) -> String {
        """
        {"format": "avtal-remissvar/1", "version": "remiss-2025",
         "organisation": {"id": "kommun-1490", "name": "Borås"},
         "contact": {"name": "Lena Dahl", "email": "lena.dahl@boras.example.se"},
         "grades": {}, "comments": {"hos-avtal#avtalstid": "\(comment)"}, "exported": "\(exported)"}
        """
    }

    /// `exported` with fractional seconds is an ISO 8601 (RFC 3339) time and valid by svar.schema.json
    /// ("format": "date-time"); the answer saved on 10 June must win over the one saved on 1 June.
    @Test func fractionalSecondsInExportedAreATimeAndTheLaterSaveWins() throws {
        let folder = try F.scratchFolder([
            "a-nyare.json": formSave(exported: "2025-06-10T09:30:00.500Z", comment: "Det nyare svaret."),
            "b-aldre.json": formSave(exported: "2025-06-01T09:30:00Z", comment: "Det äldre svaret."),
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(try F.entry("a-nyare.json", in: compilation).status == .accepted)
        #expect(try F.entry("b-aldre.json", in: compilation).status == .superseded)
        #expect(try F.entry("a-nyare.json", in: compilation).reasons == [], "a valid time is reported as not ISO 8601")
        #expect(compilation.comments.map(\.text) == ["Det nyare svaret."])
    }

    /// Survey tools write their own time format ("2025-06-11 10:00"). Two rows from Ale: the one
    /// saved on 11 June must win, and no reason may claim that the 1 June row was "saved later".
    @Test func aSurveyRowSavedLaterWinsWhateverItsTimeFormat() throws {
        let folder = try F.scratchFolder([
            "enkat.csv": """
                organisation-id,organisation,contact-email,exported,comment:hos-avtal#avtalstid
                kommun-1440,Ale,anna@ale.example.se,2025-06-01 10:00,Första svaret.
                kommun-1440,Ale,anna@ale.example.se,2025-06-11 10:00,Det slutliga svaret.

                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(try F.entry("enkat.csv rad 2", in: compilation).status == .superseded)
        #expect(try F.entry("enkat.csv rad 3", in: compilation).status == .accepted)
        #expect(compilation.comments.map(\.text) == ["Det slutliga svaret."])
    }
}
