import AvtalCore
import AvtalPublishing
import Foundation

/// `avtal responses compile`: every response in a folder compiled against the version that was on
/// remiss, and the summary written as a whole.
package enum CompileResponsesAction {
    package struct Compiled: Sendable {
        package var compilation: Compilation
        package var output: URL
        /// The corpus's sources and the dispositions file, for quoting lines in the disposition problems.
        package var sources: [String: SourceFile]

        /// A rejected input or a disposition that names an unknown comment: the run has found problems,
        /// though everything that could be compiled was written.
        package var hasProblems: Bool {
            compilation.count(.rejected) > 0 || !compilation.dispositionProblems.isEmpty
        }
    }

    package static func run(root: URL, templates: TemplateSearch, folder: URL, version: String, output: URL,
                           csvDialect: CompilationRenderer.CSVDialect = .semicolon,
                           printer: (any PDFPrinter)? = nil, pandoc: Pandoc? = nil,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) -> Compiled {
        let workspace = try Workspace.withoutErrors(root: root)
        guard let text = workspace.texts[version], workspace.versions.contains(where: { $0.id == version }) else {
            let known = workspace.versions.map(\.id).joined(separator: ", ")
            throw .cannotRun("no version '\(version)' to compile against (versions: \(known))")
        }
        let library = try templates.library()
        let dispositionsPath = DispositionsFile.path(version: version)
        var dispositions: SourceFile?
        var unreadable: [Diagnostic] = []
        switch TextFile.read(root.appendingPathComponent(dispositionsPath), path: dispositionsPath, stage: .load) {
        case .absent: break
        case let .text(source): dispositions = source
        // Not a file without dispositions: every comment would show as open, and the run would pass.
        case let .failed(diagnostic): unreadable.append(diagnostic)
        }
        do {
            var compilation = try Compilation.compile(
                folder: folder, text: text, consultees: workspace.consultees, workspace: workspace, dispositions: dispositions,
                remiss: workspace.remiss[version])
            compilation.dispositionProblems.insert(contentsOf: unreadable, at: 0)
            var renderer = CompilationRenderer(compilation: compilation, text: text, consultees: workspace.consultees,
                                               templates: try library.preloaded(),
                                               versionTitle: VersionDiff.title(of: version, in: workspace))
            renderer.csvDialect = csvDialect
            renderer.remiss = workspace.remiss[version]
            // The summary links to the statement in its footer, as every page does; it is written beside it.
            let statement = try SiteBuilder(workspace: workspace, templates: renderer.templates).renderStandaloneStatement()
            // Made before anything is written, so that a pandoc that fails leaves the old output whole.
            let docx = try pandoc.map {
                try renderer.docx(pandoc: $0, epoch: ExportAction.epoch(of: version, in: workspace, environment: environment))
            }
            try OutputWriter.replace(output, corpus: root) { sink in
                try renderer.write(to: sink, printer: printer)
                try sink.write(SiteBuilder.statement, Data(statement.utf8))
                if let docx { try sink.write(CompilationRenderer.docxName, docx) }
            }
            var sources = workspace.sources
            if let dispositions { sources[dispositions.path] = dispositions }
            return Compiled(compilation: compilation, output: output, sources: sources)
        } catch {
            throw .wrapping(error)
        }
    }
}
