import Foundation
import Hummingbird

/// The open event streams of preview pages. Each rebuild sends every stream the new generation and the
/// paths whose bytes changed; a page reloads when it is one of them, or when every page must.
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<String>.Continuation] = [:]
    private let site: PreviewSite

    init(site: PreviewSite) { self.site = site }

    var count: Int { lock.withLock { streams.count } }

    /// Tells every open page about `generation` and the paths it changed (nil: every page).
    func announce(_ generation: Int, changed: [String]?) {
        let message = Self.message(generation, changed: changed)
        for stream in lock.withLock({ Array(streams.values) }) { stream.yield(message) }
    }

    /// `{"generation":N,"changed":[…]}`, one line: the paths are the site's own, JSON-escaped all the same.
    static func message(_ generation: Int, changed: [String]?) -> String {
        let paths = changed.map { "[" + $0.map(PreviewPage.jsonString).joined(separator: ",") + "]" } ?? "null"
        return "{\"generation\":\(generation),\"changed\":\(paths)}"
    }

    /// Ends every stream, so that the server can stop without waiting for open pages.
    func closeAll() {
        for stream in lock.withLock({ Array(streams.values) }) { stream.finish() }
    }

    /// A `text/event-stream` response that first names the current generation, then each new one.
    func response() -> Response {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        lock.withLock { streams[id] = continuation }
        // On connecting, the page learns the current generation: one it missed reloads it.
        continuation.yield(Self.message(site.state.generation, changed: nil))
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await message in stream {
                try await writer.write(ByteBuffer(string: "data: \(message)\n\n"))
            }
            try await writer.finish(nil)
        })
    }
}
