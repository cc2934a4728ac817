import Foundation
import Hummingbird

/// Answers every request from the in-memory site: nothing here reads a file, so no request path,
/// however it is spelled, can reach the disk.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// Longer request targets are refused: no page of a site has a path near this long.
    static let maximumTargetLength = 2048

    let site: PreviewSite
    let events: ReloadEvents

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.plain(.methodNotAllowed, "Förhandsvisningen svarar bara på GET och HEAD.\n",
                              extra: [.allow: "GET, HEAD"])
        }
        let target = request.head.path ?? ""
        guard target.utf8.count <= Self.maximumTargetLength else {
            return Self.plain(.uriTooLong, "För lång adress.\n")
        }
        // A GET has no body: one that announces or streams a body is refused, unread.
        if let length = request.headers[.contentLength], length != "0" {
            return Self.plain(.contentTooLarge, "En förfrågan till förhandsvisningen kan inte ha innehåll.\n")
        }
        if request.headers[.transferEncoding] != nil {
            return Self.plain(.contentTooLarge, "En förfrågan till förhandsvisningen kan inte ha innehåll.\n")
        }
        switch SitePath.parse(target) {
        case .malformed: return Self.plain(.badRequest, "Felaktig adress.\n")
        case .outside: return Self.plain(.notFound, "Sidan finns inte.\n")
        case let .inside(path): return serve(path, method: request.method)
        }
    }

    private func serve(_ path: String, method: HTTPRequest.Method) -> Response {
        if "/" + path == PreviewPage.eventsPath { return events.response() }
        let state = site.state
        var body: Data
        if let file = state.files[path] {
            body = path.hasSuffix(".html") ? PreviewPage.decorate(file, path: path, state: state) : file
        } else if state.files.isEmpty, path.hasSuffix(".html") {
            body = PreviewPage.problemsOnly(state)
        } else if state.files[path + "/index.html"] != nil {
            // A folder named without its final slash: relative links in its index need the slash.
            return Self.plain(.movedPermanently, "\n", extra: [.location: "/" + path + "/"])
        } else {
            return Self.plain(.notFound, "Sidan finns inte.\n")
        }
        if method == .head { body = Data() }
        let headers: HTTPFields = [.contentType: Self.contentType(path), .cacheControl: "no-store",
                                   .xContentTypeOptions: "nosniff"]
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "txt": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
