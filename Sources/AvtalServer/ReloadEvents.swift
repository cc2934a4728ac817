import Foundation
import Hummingbird

/// The open event streams of preview pages. Each rebuild sends every stream the new generation; a
/// page reloads when it differs from the one it was rendered at.
final class ReloadEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var streams: [UUID: AsyncStream<Int>.Continuation] = [:]
    private let site: PreviewSite

    init(site: PreviewSite) { self.site = site }

    var count: Int { lock.withLock { streams.count } }

    /// Tells every open page about `generation`.
    func announce(_ generation: Int) {
        for stream in lock.withLock({ Array(streams.values) }) { stream.yield(generation) }
    }

    /// Ends every stream, so that the server can stop without waiting for open pages.
    func closeAll() {
        for stream in lock.withLock({ Array(streams.values) }) { stream.finish() }
    }

    /// A `text/event-stream` response that first names the current generation, then each new one.
    func response() -> Response {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.streams.removeValue(forKey: id) }
        }
        lock.withLock { streams[id] = continuation }
        continuation.yield(site.state.generation)
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
            for await generation in stream {
                try await writer.write(ByteBuffer(string: "data: \(generation)\n\n"))
            }
            try await writer.finish(nil)
        })
    }
}
