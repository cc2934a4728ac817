import AvtalCore
import Foundation

/// Headless Chromium, which prints a page with the site's print stylesheet.
package struct ChromiumPrinter: PDFPrinter {
    package let executable: URL

    package init(executable: URL) {
        self.executable = executable
    }

    /// CHROMIUM when set, else the first Chromium or Chrome on PATH.
    package static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ActionFailure) -> ChromiumPrinter {
        var candidates = environment["CHROMIUM"].map { [$0] } ?? []
        let path = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            candidates += path.map { "\($0)/\(name)" }
        }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .cannotRun("--pdf needs Chromium, which is not installed (apt-get install chromium, or set CHROMIUM); nothing was written")
        }
        return ChromiumPrinter(executable: URL(fileURLWithPath: found))
    }

    package func print(_ pages: [String], of files: [String: Data]) throws(ActionFailure) -> [String: Data] {
        let fm = FileManager.default
        // Chromium reads files, not memory: the site goes to a private folder that is always removed.
        let folder = fm.temporaryDirectory.appendingPathComponent("avtal-pdf-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: folder) }
        do {
            for (path, data) in files {
                let url = folder.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        } catch {
            throw .cannotRun("cannot prepare the pages for Chromium: \(error.localizedDescription); nothing was written")
        }
        var pdfs: [String: Data] = [:]
        for (index, page) in pages.enumerated() {
            let target = folder.appendingPathComponent("page-\(index).pdf")
            guard run(page: folder.appendingPathComponent(page), to: target), let data = fm.contents(atPath: target.path), !data.isEmpty else {
                throw .cannotRun("Chromium could not print \(page) to PDF; nothing was written")
            }
            pdfs[page] = data
        }
        return pdfs
    }

    private func run(page: URL, to target: URL) -> Bool {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--generate-pdf-document-outline", "--print-to-pdf=\(target.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
