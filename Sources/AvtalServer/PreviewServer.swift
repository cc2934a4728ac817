import AvtalCore
import AvtalPublishing
import Foundation
import Hummingbird
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `avtal serve`: the site of the working text and every version, rendered in memory and served over
/// HTTP, rebuilt when a source or template changes. It writes no file.
package enum PreviewServer {
    package struct Options: Sendable {
        package var root: URL
        package var templates: TemplateSearch
        package var host: String
        package var port: Int
        /// How often the sources are looked at for changes.
        package var poll: TimeInterval

        package init(root: URL, templates: TemplateSearch, host: String, port: Int, poll: TimeInterval) {
            self.root = root
            self.templates = templates
            self.host = host
            self.port = port
            self.poll = poll
        }
    }

    /// Builds the site once, then serves it until the process is stopped. `started` gets the URL
    /// the server listens on (with the port chosen, when 0 was asked for) and the first build.
    package static func run(_ options: Options, started: @escaping @Sendable (String, PreviewSite.State) -> Void,
                            rebuilt: @escaping @Sendable (PreviewSite.State, TimeInterval) -> Void) throws(ActionFailure) {
        guard FileManager.default.fileExists(atPath: options.root.appendingPathComponent("agreement.yml").path) else {
            throw .cannotRun("no corpus at '\(options.root.path)': the folder has no agreement.yml")
        }
        let site = PreviewSite(root: options.root, templates: options.templates)
        let first = site.rebuild()
        let events = ReloadEvents(site: site)
        let watched = [options.root] + ((try? options.templates.overrides()?.folder).flatMap { $0 }.map { [$0] } ?? [])
        let watcher = SourceWatcher(folders: watched, interval: options.poll)
        watcher.start {
            let began = Date()
            let state = site.rebuild { state, changed in events.announce(state.generation, changed: changed) }
            rebuilt(state, Date().timeIntervalSince(began))
        }
        var logger = Logger(label: "avtal-serve")
        logger.logLevel = .error
        let app = Application(
            responder: PreviewResponder(site: site, events: events),
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "avtal"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? options.port
                let host = options.host.contains(":") ? "[\(options.host)]" : options.host
                started("http://\(host):\(port)/", first)
            },
            logger: logger)
        stopOnSignals(events)
        let finished = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            // The server writes nothing, so stopping is only closing the streams and leaving.
            do { try await app.runService(gracefulShutdownSignals: []) } catch { failure.message = "\(error)" }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message { throw .cannotRun("the preview server stopped: \(message)") }
    }

    private final class Failure: @unchecked Sendable { var message: String? }

    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// Ctrl-C or SIGTERM ends the process at once: there is no output to finish, and open pages'
    /// event streams would otherwise hold a graceful shutdown forever.
    private static func stopOnSignals(_ events: ReloadEvents) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                events.closeAll()
                exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
