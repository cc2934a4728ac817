import AvtalCore
import Foundation

/// Debian's pandoc, which writes Word from HTML: headings in Word's heading styles, bookmarks for
/// heading IDs, internal hyperlinks, tables, and tracked changes from `insertion`/`deletion` spans.
package struct Pandoc: Sendable {
    package let executable: URL

    package init(executable: URL) {
        self.executable = executable
    }

    /// PANDOC when set, else the first pandoc on PATH.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) -> Pandoc {
        var candidates = environment["PANDOC"].map { [$0] } ?? []
        candidates += (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/pandoc" }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .cannotRun("--format docx needs pandoc, which is not installed (apt-get install pandoc, or set PANDOC); nothing was written")
        }
        return Pandoc(executable: URL(fileURLWithPath: found))
    }

    /// What pandoc is given for one .docx: the page as HTML, its properties, and the time it carries.
    package struct Job: Sendable {
        package var name: String
        package var html: String
        /// Document properties: title, subject, lang, and custom ones (pandoc writes unknown keys to custom.xml).
        package var metadata: [(key: String, value: String)]
        /// Seconds since 1970 for the properties' dates and the zip entries (SOURCE_DATE_EPOCH to pandoc).
        package var epoch: Int
        /// What `html` is written in: HTML, or avtal's own Markdown ("commonmark").
        package var from = "html"

        package init(name: String, html: String, metadata: [(key: String, value: String)], epoch: Int, from: String = "html") {
            (self.name, self.html, self.metadata, self.epoch, self.from) = (name, html, metadata, epoch, from)
        }
    }

    /// One .docx per job, styled by `referenceDoc`. The pages hold no images (see `exportLinks`), so
    /// pandoc has nothing to fetch. (Debian's pandoc 2.17 cannot write docx with `--sandbox`: it then
    /// cannot read its own data files.)
    package func docx(_ jobs: [Job], referenceDoc: Data) throws(ActionFailure) -> [String: Data] {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("avtal-docx-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        let reference = folder.appendingPathComponent("reference.docx")
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try referenceDoc.write(to: reference)
        } catch {
            throw .cannotRun("cannot prepare the files for pandoc: \(error.localizedDescription); nothing was written")
        }
        let results = Parallel.map(Array(jobs.enumerated())) { index, job in
            run(job, input: folder.appendingPathComponent("\(index).html"),
                output: folder.appendingPathComponent("\(index).docx"), reference: reference)
        }
        var files: [String: Data] = [:]
        for (job, result) in zip(jobs, results) {
            switch result {
            case let .success(data):
                do {
                    files[job.name] = try DocxRevisionIDs.unique(data, date: Date(timeIntervalSince1970: TimeInterval(job.epoch)))
                } catch {
                    throw .cannotRun("cannot read what pandoc wrote for \(job.name): \(error); nothing was written")
                }
            case let .failure(message): throw .cannotRun("pandoc could not write \(job.name): \(message); nothing was written")
            }
        }
        return files
    }

    enum Outcome { case success(Data), failure(String) }

    private func run(_ job: Job, input: URL, output: URL, reference: URL) -> Outcome {
        do { try Data(job.html.utf8).write(to: input) } catch { return .failure(error.localizedDescription) }
        let process = Process()
        process.executableURL = executable
        var arguments = ["--from=\(job.from)", "--to=docx", "--reference-doc=\(reference.path)", "--output=\(output.path)"]
        for (key, value) in job.metadata { arguments.append("--metadata=\(key):\(value)") }
        process.arguments = arguments + [input.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(job.epoch)
        process.environment = environment
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        do { try process.run() } catch { return .failure(error.localizedDescription) }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path) else {
            return .failure(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return .success(data)
    }
}
