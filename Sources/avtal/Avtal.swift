import ArgumentParser
import AvtalCore
import AvtalPublishing
import AvtalResponses
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Exit statuses: 0 clean, 1 problems found, 2 the tool could not run.
enum Status {
    static let problems = ExitCode(1)
    static let cannotRun = ExitCode(2)
}

@main
struct Avtal: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "avtal",
        abstract: "Check, version and publish agreement texts kept in git.",
        version: "0.1.0",
        subcommands: [Check.self, Build.self, Remiss.self, Responses.self, Versions.self, Diff.self, Amendments.self, Publish.self]
    )

    /// Argument errors exit with 2, not ArgumentParser's 64, so that CI can tell "the texts have
    /// problems" (1) from "the tool was called wrongly" (2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(Status.cannotRun.rawValue)
            }
            exit(withError: error)
        }
    }
}

struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The corpus folder, which holds agreement.yml.", valueName: "dir"))
    var root: String = "Agreement"

    var url: URL { URL(fileURLWithPath: root) }

    @Option(help: ArgumentHelp("The HTML templates (default: Templates/ beside the corpus folder, or AVTAL_TEMPLATES).", valueName: "dir"))
    var templates: String?

    /// The templates folder: given, from the environment, beside the corpus (the project layout), or
    /// in the current folder.
    func templateLibrary() throws -> TemplateLibrary {
        let environment = ProcessInfo.processInfo.environment["AVTAL_TEMPLATES"]
        let candidates = [templates, environment].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
            + [url.standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Templates"),
               URL(fileURLWithPath: "Templates")]
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("layout.mustache").path) {
            return TemplateLibrary(folder: candidate)
        }
        printError("no templates found (looked in \(candidates.map(\.path).joined(separator: ", "))); use --templates DIR")
        throw Status.cannotRun
    }

    /// Loads the workspace; exit 2 when there is no corpus.
    func workspace() throws -> Workspace {
        do { return try Workspace.load(root: url) } catch {
            printError(error.description)
            throw Status.cannotRun
        }
    }

    /// Prints the workspace's errors and exits 1 when there are any: nothing is built from broken text.
    func requireNoErrors(_ workspace: Workspace) throws {
        let errors = Diagnostic.sortedForOutput(workspace.diagnostics.filter { $0.severity == .error })
        guard !errors.isEmpty else { return }
        let formatter = DiagnosticFormatter(pathPrefix: root, sources: workspace.sources)
        FileHandle.standardError.write(Data(formatter.human(errors, summary: nil, color: false).utf8))
        printError("nothing was written: fix the errors above first (avtal check)")
        throw Status.problems
    }
}

/// Messages for people go to standard error; results go to standard output.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("avtal: error: \(message)\n".utf8))
}

func shouldColor(_ choice: ColorChoice) -> Bool {
    switch choice {
    case .always: true
    case .never: false
    case .auto: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case human, json, github
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the corpus: manifest, front matter, clause IDs and every cross-reference.",
        discussion: "Exit status: 0 clean, 1 problems found (warnings too with --strict), 2 the tool could not run."
    )

    @OptionGroup var corpus: CorpusOptions

    @Option(help: "Output format: human, json or github (workflow commands for GitHub Actions).")
    var format: OutputFormat = .human

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "Colour in human output: auto (only on a terminal, and not when NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let result: CheckResult
        do {
            result = try CheckAction.run(root: corpus.url)
        } catch {
            printError(error.description)
            throw Status.cannotRun
        }
        let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: result.sources)
        switch format {
        case .human:
            print(formatter.human(result.diagnostics, summary: result.summary, color: shouldColor(color)), terminator: "")
        case .json:
            print(formatter.json(result.diagnostics, summary: result.summary), terminator: "")
        case .github:
            print(formatter.github(result.diagnostics), terminator: "")
        }
        if result.summary.errors > 0 || (strict && result.summary.warnings > 0) {
            throw Status.problems
        }
    }
}

struct Versions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the versions with their base, patches and status.")

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        let workspace: Workspace
        do { workspace = try Workspace.load(root: corpus.url) } catch {
            printError(error.description)
            throw Status.cannotRun
        }
        if workspace.versions.isEmpty {
            print("no versions (\(VersionsFile.name) lists none)")
            return
        }
        for version in workspace.versions {
            let date = version.publishedOn.map { version.status == .published ? " on \($0)" : " (to be published \($0))" } ?? ""
            let built = workspace.texts[version.id] == nil ? "  (cannot be built: run avtal check)" : ""
            print("\(version.id)  \(version.status.rawValue)\(date)  base \(version.base)\(built)")
            print("  \(version.title)")
            for patchID in version.patches {
                let patch = workspace.patches[patchID]
                let detail = patch.map { "\($0.kind.rawValue), \($0.decidedBy) \($0.decidedOn): \($0.title)" } ?? "missing"
                print("  - \(patchID)  \(detail)")
            }
        }
    }
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Freeze a draft version: write its text and lock to versions/<id>/ and mark it published.",
        discussion: "Refuses when the corpus has errors. The date comes from the version's published-on, or --date.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The version to publish.")
    var version: String

    @Option(help: ArgumentHelp("Publication date (YYYY-MM-DD) when versions.yml gives none.", valueName: "date"))
    var date: String?

    func run() throws {
        var day: CalendarDate?
        if let date {
            guard let parsed = CalendarDate(iso: date), parsed.isValid else {
                printError("--date '\(date)' is not a date (YYYY-MM-DD)")
                throw Status.cannotRun
            }
            day = parsed
        }
        do {
            let published = try PublishAction.run(root: corpus.url, version: version, date: day)
            let clauses = published.lock.documents.reduce(0) { $0 + $1.clauses.count }
            print("published \(version): \(published.lock.documents.count) documents, \(clauses) clauses locked in \(corpus.root)/versions/\(version)/")
        } catch let failure as PublishAction.Failure {
            switch failure {
            case let .problems(diagnostics, sources):
                let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: sources)
                print(formatter.human(diagnostics, summary: nil, color: shouldColor(.auto)), terminator: "")
                printError("nothing was published: fix the errors above first")
                throw Status.problems
            case let .usage(message), let .io(message):
                printError(message)
                throw Status.cannotRun
            }
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the HTML site of the working text and every version into Output/site/.",
        discussion: "The site replaces the old one only when everything rendered; with errors nothing is written.")

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("Render only this version (or 'working').", valueName: "id"))
    var version: String?

    @Option(help: ArgumentHelp("The site folder.", valueName: "dir"))
    var output: String = "Output/site"

    func run() throws {
        let workspace = try corpus.workspace()
        try corpus.requireNoErrors(workspace)
        let templates = try corpus.templateLibrary()
        if let version, workspace.texts[version] == nil {
            printError("no version '\(version)' (versions: \(([VersionsFile.working] + workspace.versions.map(\.id)).joined(separator: ", ")))")
            throw Status.cannotRun
        }
        do {
            let files = try SiteBuilder(workspace: workspace, templates: templates).render(only: version)
            try OutputWriter.replace(URL(fileURLWithPath: output), with: files)
            let pages = files.keys.filter { $0.hasSuffix(".html") }.count
            print("built \(pages) pages in \(output)/")
        } catch {
            printError("\(error)")
            throw Status.cannotRun
        }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what changed between two versions ('working' for the sources), aligned by clause ID.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The older version.") var from: String
    @Argument(help: "The newer version.") var to: String

    @Option(help: ArgumentHelp("Also write an HTML redline to this file.", valueName: "file"))
    var output: String?

    @Option(help: "Colour: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let workspace = try corpus.workspace()
        do {
            let diff = try VersionDiff.compute(from: from, to: to, in: workspace)
            print(DiffTextRenderer(color: shouldColor(color)).render(diff), terminator: "")
            if let output {
                let html = try RedlineRenderer(templates: try corpus.templateLibrary())
                    .render(diff, fromTitle: VersionDiff.title(of: from, in: workspace), toTitle: VersionDiff.title(of: to, in: workspace))
                try OutputWriter.replaceFile(URL(fileURLWithPath: output), with: Data(html.utf8))
            }
        } catch let error as PublishingError {
            printError(error.description)
            throw Status.cannotRun
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(error)")
            throw Status.cannotRun
        }
    }
}

enum AmendmentFormat: String, ExpressibleByArgument, CaseIterable {
    case markdown, html
}

struct Amendments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a patch as the text of a Swedish ändringsbeslut, with the numbers of the version it produces.")

    @OptionGroup var corpus: CorpusOptions

    @Argument(help: "The patch ID.") var patch: String

    @Option(help: "markdown or html.")
    var format: AmendmentFormat = .markdown

    func run() throws {
        let workspace = try corpus.workspace()
        do {
            let amendment = try Amendment.build(patchID: patch, in: workspace)
            let renderer = AmendmentRenderer(templates: try corpus.templateLibrary())
            print(try renderer.render(amendment, format: format == .html ? .html : .markdown), terminator: "")
        } catch let error as PublishingError {
            printError(error.description)
            throw Status.cannotRun
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(error)")
            throw Status.cannotRun
        }
    }
}

struct Remiss: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Package a published version for remiss: letter, texts, redline, amendments, response form, manifest, zip.",
        discussion: """
            Writes <output>/remiss/<version>/ and <output>/remiss-<version>.zip. The same inputs give the same bytes: \
            file times come from the version's published-on date or SOURCE_DATE_EPOCH.
            """)

    @OptionGroup var corpus: CorpusOptions

    @Option(help: ArgumentHelp("The published version to send out.", valueName: "id"))
    var version: String

    @Option(help: ArgumentHelp("The output folder.", valueName: "dir"))
    var output: String = "Output"

    @Flag(help: "Also print each document to PDF with headless Chromium (needs chromium on PATH, or CHROMIUM).")
    var pdf = false

    func run() throws {
        let workspace = try corpus.workspace()
        try corpus.requireNoErrors(workspace)
        let templates = try corpus.templateLibrary()
        let chromium = pdf ? try Chromium.locate() : nil
        do {
            var package = try RemissPackage(workspace: workspace, templates: templates, version: version)
            package.commit = Git.commit(of: corpus.url)
            var extra: [String: Data] = [:]
            if let chromium {
                let documents = workspace.texts[version]?.documents.map(\.entry.id) ?? []
                extra = try chromium.printDocuments(package.files(), version: version, documents: documents)
            }
            let files = try package.files(extra: extra)
            let date = RemissPackage.timestamp(for: package.version, environment: ProcessInfo.processInfo.environment)
            let zip = try RemissPackage.zip(files, root: version, date: date)
            let out = URL(fileURLWithPath: output)
            try OutputWriter.replace(out.appendingPathComponent("remiss").appendingPathComponent(version), with: files)
            try OutputWriter.replaceFile(out.appendingPathComponent("remiss-\(version).zip"), with: zip)
            print("wrote \(output)/remiss/\(version)/ (\(files.count) files) and \(output)/remiss-\(version).zip (\(zip.count) bytes)")
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(error)")
            throw Status.cannotRun
        }
    }
}

/// The git commit of the sources, for the package manifest; nil outside a repository or without git.
enum Git {
    static func commit(of folder: URL) -> (id: String, clean: Bool)? {
        guard let id = run(["rev-parse", "HEAD"], in: folder)?.trimmingCharacters(in: .whitespacesAndNewlines),
              id.count == 40 else { return nil }
        let status = run(["status", "--porcelain", "--", "."], in: folder) ?? ""
        return (id, status.isEmpty)
    }

    private static func run(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}

/// Headless Chromium, for printing documents to PDF with the site's print stylesheet.
struct Chromium {
    let executable: URL

    static func locate() throws -> Chromium {
        let environment = ProcessInfo.processInfo.environment
        var candidates = environment["CHROMIUM"].map { [$0] } ?? []
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            candidates += path.map { "\($0)/\(name)" }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            printError("--pdf needs Chromium, which is not installed (apt-get install chromium, or set CHROMIUM); nothing was written")
            throw Status.cannotRun
        }
        return Chromium(executable: URL(fileURLWithPath: found))
    }

    /// Prints each document's page of the package's site; returns "pdf/<document>.pdf" → bytes.
    func printDocuments(_ files: [String: Data], version: String, documents: [String]) throws -> [String: Data] {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("avtal-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        for (path, data) in files {
            let url = folder.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let prefix = "\(RemissPackage.site)/\(version)/"
        let pages = documents.map { "\(prefix)\($0).html" }.filter { files[$0] != nil }.sorted()
        var pdfs: [String: Data] = [:]
        for page in pages {
            let name = String(page.dropFirst(prefix.count).dropLast(5))
            let target = folder.appendingPathComponent("\(name).pdf")
            let process = Process()
            process.executableURL = executable
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                 "--generate-pdf-document-outline", "--print-to-pdf=\(target.path)",
                                 folder.appendingPathComponent(page).absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0, let data = fm.contents(atPath: target.path), !data.isEmpty else {
                printError("Chromium could not print \(page) to PDF; nothing was written")
                throw Status.cannotRun
            }
            pdfs["pdf/\(name).pdf"] = data
        }
        return pdfs
    }
}

struct Responses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the responses to a remiss.",
        subcommands: [Compile.self])

    struct Compile: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compile every response in a folder (form saves as JSON, survey exports as CSV) into a summary.",
            discussion: """
                Writes sammanstallning.html, sammanstallning.json, kommentarer.csv and redovisning.txt. Prints, last, \
                'files: N read, A accepted, S superseded, R rejected'; exits 1 when anything was rejected or a \
                disposition names an unknown comment.
                """)

        @OptionGroup var corpus: CorpusOptions

        @Argument(help: "The folder that holds the responses.")
        var folder: String

        @Option(help: ArgumentHelp("The version that was on remiss.", valueName: "id"))
        var version: String

        @Option(help: ArgumentHelp("The output folder (default: Output/remissvar/<version>).", valueName: "dir"))
        var output: String?

        func run() throws {
            let workspace = try corpus.workspace()
            try corpus.requireNoErrors(workspace)
            guard let text = workspace.texts[version], workspace.versions.contains(where: { $0.id == version }) else {
                printError("no version '\(version)' to compile against (versions: \(workspace.versions.map(\.id).joined(separator: ", ")))")
                throw Status.cannotRun
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("no folder of responses at '\(folder)'")
                throw Status.cannotRun
            }
            let templates = try corpus.templateLibrary()
            let dispositionsPath = DispositionsFile.path(version: version)
            let dispositions = FileManager.default.contents(atPath: corpus.url.appendingPathComponent(dispositionsPath).path)
                .flatMap { String(data: $0, encoding: .utf8) }
                .map { SourceFile(path: dispositionsPath, text: $0) }
            do {
                let compilation = try Compilation.compile(
                    folder: URL(fileURLWithPath: folder), text: text, consultees: workspace.consultees,
                    workspace: workspace, dispositions: dispositions)
                let renderer = CompilationRenderer(compilation: compilation, text: text, consultees: workspace.consultees,
                                                   templates: try templates.preloaded(),
                                                   versionTitle: VersionDiff.title(of: version, in: workspace))
                let target = output ?? "Output/remissvar/\(version)"
                try OutputWriter.replace(URL(fileURLWithPath: target), with: try renderer.files())
                for entry in compilation.entries where entry.status != .accepted || !entry.reasons.isEmpty {
                    print("\(entry.label): \(entry.status.rawValue)")
                    for reason in entry.reasons { print("  - \(reason)") }
                }
                if !compilation.dispositionProblems.isEmpty {
                    var sources = workspace.sources
                    if let dispositions { sources[dispositions.path] = dispositions }
                    let formatter = DiagnosticFormatter(pathPrefix: corpus.root, sources: sources)
                    print(formatter.human(compilation.dispositionProblems, summary: nil, color: false), terminator: "")
                }
                print("comments: \(compilation.comments.count), of which \(compilation.openComments) without a disposition; summary in \(target)/\(CompilationRenderer.page)")
                print(compilation.accountLine)
                if compilation.count(.rejected) > 0 || !compilation.dispositionProblems.isEmpty { throw Status.problems }
            } catch let error as ExitCode {
                throw error
            } catch {
                printError("\(error)")
                throw Status.cannotRun
            }
        }
    }
}
