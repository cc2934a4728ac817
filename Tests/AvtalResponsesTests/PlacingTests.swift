import AvtalCore
import AvtalPublishing
import Foundation
@testable import AvtalResponses
import Testing

/// Grades counted and comments placed under the clauses of the version, with stable IDs.
@Suite struct PlacingTests {
    typealias F = ResponsesFixture

    // MARK: Grades

    @Test func talliesOfKnownDocumentsAndChapters() throws {
        let compilation = try F.compile()
        // [1, 2, 3, 4, ingen synpunkt], counted by hand from the accepted answers.
        let expected: [String: [Int]] = [
            "hos-avtal": [0, 2, 7, 3, 2],
            "hos-avtal/avtalstid": [2, 3, 2, 1, 1],
            "hos-avtal/samverkansstruktur": [0, 0, 1, 1, 0],
            "hos-avtal/digitalisering": [0, 0, 0, 0, 1],
            "ok-betalningsansvar": [1, 3, 2, 0, 0],
            "ok-betalningsansvar/processen": [1, 2, 1, 0, 1],
            "ok-munhalsa": [0, 2, 2, 3, 0],
            "ok-munhalsa/parternas-ansvar": [0, 1, 1, 0, 0],
            "eskaleringstrappa": [0, 0, 0, 0, 1],
        ]
        for (key, counts) in expected {
            #expect(compilation.tallies[key]?.counts == counts, "\(key)")
        }
        // An unknown chapter is not counted anywhere.
        #expect(compilation.tallies["hos-avtal/avtalsperiod"] == nil)
        #expect(compilation.tallies.count == 12)
    }

    // MARK: Comments

    @Test func everyCommentOfEveryAcceptedResponseAppearsExactlyOnce() throws {
        let compilation = try F.compile()
        let accepted = Set(F.statuses.filter { $0.1 == .accepted }.map(\.0))
        let inFiles = try F.commentsInFiles(accepted: accepted)
        #expect(inFiles.count == F.commentCount)
        #expect(compilation.comments.count == F.commentCount)
        let compiled = compilation.comments.map { "\($0.source)\n\($0.text)" }
        #expect(compiled.sorted() == inFiles.sorted())
    }

    @Test func commentsArePlacedAndInDocumentOrder() throws {
        let (_, text) = try F.load()
        let compilation = try F.compile()
        var position: [String: Int] = [:]
        var next = 0
        for document in text.documents {
            position[document.entry.id] = next
            next += 1
            document.walk { clause, _ in
                position["\(document.entry.id)#\(clause.id)"] = next
                next += 1
            }
        }
        func rank(_ place: Compilation.Place) -> Int {
            switch place {
            case let .document(document): position[document] ?? -1
            case let .chapter(document, clause), let .clause(document, clause): position["\(document)#\(clause)"] ?? -1
            case .unplaced: Int.max
            }
        }
        let ranks = compilation.comments.map { rank($0.place) }
        #expect(!ranks.contains(-1), "a comment placed where the version has nothing")
        #expect(ranks == ranks.sorted(), "comments are not in the order of the text")
        #expect(compilation.comments.first?.place == .document("hos-avtal"))
        // Document, chapter and clause level all occur.
        let goteborg = compilation.comments.filter { $0.organisationID == "kommun-1480" }.map(\.place)
        #expect(goteborg.contains(.document("hos-avtal")))
        #expect(goteborg.contains(.chapter(document: "hos-avtal", chapter: "avtalstid")))
        #expect(goteborg.contains(.clause(document: "ok-betalningsansvar", clause: "kallelse-till-sip")))
        // A clause that exists in both versions is placed although the answer was to `working`.
        #expect(compilation.comments.contains { $0.organisationName == "Alingsås" && $0.place == .clause(document: "hos-avtal", clause: "avtalstid") })
    }

    @Test func unplacedCommentsAreKeptAndShownApart() throws {
        let compilation = try F.compile()
        let unplaced = compilation.comments.filter { if case .unplaced = $0.place { true } else { false } }
        #expect(unplaced.map(\.place) == [.unplaced("hos-avtal#avtalsperiod"), .unplaced("hos-avtal/avtalsperiod"),
                                          .unplaced("ok-munhalsa#tandvardsintyg")])
        #expect(unplaced.map(\.organisationName) == ["Alingsås", "Kungälv", "Kungälv"])
        let html = try F.render(compilation).html()
        let section = try #require(html.range(of: "<h2 id=\"ej-placerade\">Kommentarer som inte kunde placeras</h2>"))
        for comment in unplaced {
            #expect(html[section.upperBound...].contains(comment.id), "\(comment.id)")
        }
        #expect(html[section.upperBound...].contains("Intyget om nödvändig tandvård bör kunna utfärdas av kommunens sjuksköterska."))
    }

    @Test func commentIDsAreStableAndUnique() throws {
        let first = try F.compile(), second = try F.compile()
        #expect(first.comments.map(\.id) == second.comments.map(\.id))
        #expect(Set(first.comments.map(\.id)).count == first.comments.count)
        // Pinned: a disposition recorded against this ID must keep finding its comment.
        let avtalstid = try #require(first.comments.first { $0.organisationID == "kommun-1480" && $0.place == .chapter(document: "hos-avtal", chapter: "avtalstid") })
        #expect(avtalstid.id == "kommun-1480--hos-avtal--avtalstid--b1512e23")
        for comment in first.comments {
            #expect(comment.id.range(of: "^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9-]+--[0-9a-f]{8}$", options: .regularExpression) != nil, "\(comment.id)")
        }
        // The same set in another order of reading (another folder, other file names) gives the same IDs.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("avtal-responses-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: copy) }
        for name in try FileManager.default.contentsOfDirectory(atPath: F.folder.path) {
            try FileManager.default.copyItem(at: F.folder.appendingPathComponent(name), to: copy.appendingPathComponent("z-" + name))
        }
        let moved = try F.compile(copy)
        #expect(Set(moved.comments.map(\.id)) == Set(first.comments.map(\.id)))
    }

    /// The same text written as a chapter's comment and as a comment on the chapter's own clause (the
    /// form offers both) is two comments and needs two IDs, or one disposition silently answers both
    /// and the summary page holds the same `id` twice.
    @Test func aChapterCommentAndAClauseCommentWithTheSameTextGetDifferentIDs() throws {
        let same = "Avtalstiden är för lång."
        let folder = try F.scratchFolder([
            "remissvar-boras.json": """
                {"format": "avtal-remissvar/1", "version": "remiss-2025",
                 "organisation": {"id": "kommun-1490", "name": "Borås"},
                 "contact": {"name": "Lena Dahl", "email": "lena.dahl@boras.example.se"},
                 "grades": {"hos-avtal": {"chapters": {"avtalstid": {"grade": 2, "comment": "\(same)"}}}},
                 "comments": {"hos-avtal#avtalstid": "\(same)"}, "exported": "2025-06-10T16:45:00Z"}
                """,
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let compilation = try F.compile(folder)
        #expect(compilation.comments.count == 2)
        #expect(Set(compilation.comments.map(\.id)).count == 2, "IDs: \(compilation.comments.map(\.id))")
    }
}
