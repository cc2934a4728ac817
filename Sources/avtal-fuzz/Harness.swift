import AvtalCore
import AvtalResponses

/// One way of feeding bytes to avtal. Each harness runs the input through a whole stage, as the
/// tool would, and traps when it breaks a promise that no trap ever would: every diagnostic names a
/// file, a line and a column.
enum Harness: String, CaseIterable {
    /// The bytes are `avtal.md` in `FuzzCorpus`: front matter, clauses, links, then the check.
    case document
    /// The bytes are a patch applied to `FuzzCorpus` as a draft version, which is then checked.
    case patch
    /// The bytes are a form save (`.json`).
    case responseJSON = "response-json"
    /// The bytes are a survey export (`.csv`).
    case responseCSV = "response-csv"

    /// The fixed corpus, loaded once: its registries for the document harness, the whole of it as the
    /// base of the patch harness. Reading them again for every input would spend most of each run on
    /// text that never changes.
    static let base = InMemoryCorpus(files: FuzzCorpus.files())

    func run(_ bytes: UnsafeRawBufferPointer) {
        // Invalid UTF-8 is refused before any reader sees it; repairing it here lets every input
        // reach the readers instead of being thrown away.
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .document:
            var corpus = InMemoryCorpus(files: FuzzCorpus.files(["avtal.md": text]), context: Self.base.context)
            let found = corpus.diagnostics + corpus.check()
            // The registries' diagnostics (an unused term) point into the base's sources.
            Self.verify(found, sources: corpus.sources.merging(Self.base.sources) { own, _ in own })
            _ = corpus.assemble(patch: "", name: "tom", version: "v1")
        case .patch:
            var corpus = Self.base
            let found = corpus.assemble(patch: text, name: "p1", version: "v1")
            Self.verify(found, sources: corpus.sources)
        case .responseJSON:
            Self.verify([ResponseReader.readJSON(text, source: "svar.json")])
        case .responseCSV:
            Self.verify(ResponseReader.readCSV(text, source: "svar.csv"))
        }
    }

    /// Every diagnostic is placed in a file the run read, at a line and column from 1, and the human
    /// format can quote it.
    static func verify(_ diagnostics: [Diagnostic], sources: [String: SourceFile]) {
        for diagnostic in diagnostics {
            let range = diagnostic.range
            guard sources[range.file] != nil, range.start.line >= 1, range.start.column >= 1 else {
                fatalError("diagnostic \(diagnostic.code.rawValue) without a place in a read file: \(range)")
            }
        }
        let formatter = DiagnosticFormatter(pathPrefix: "", sources: sources)
        _ = formatter.human(diagnostics, summary: nil, color: false)
    }

    /// A response file is either read, with its problems, or rejected with a reason.
    static func verify(_ results: [Result<(Response, [ResponseProblem]), ResponseReader.Rejection>]) {
        for result in results {
            if case let .failure(rejection) = result, rejection.message.isEmpty {
                fatalError("a response rejected without a reason")
            }
        }
    }
}
