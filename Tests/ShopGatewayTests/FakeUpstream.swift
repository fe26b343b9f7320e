import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing

/// What a fake upstream saw of one request.
struct SeenRequest: Sendable {
    var method: String
    var path: String
    var headers: HTTPFields
    var bodyBytes: Int

    func header(_ name: String) -> String? { HTTPField.Name(name).flatMap { headers[$0] } }
}

/// A small Hummingbird app on loopback that records every request (method, path with query,
/// headers, body size) and answers with `respond` — by default 200 with a JSON echo.
final class FakeUpstream: Sendable {
    typealias Responder = @Sendable (SeenRequest) -> (status: HTTPResponse.Status, body: String)
    let seen = Mutex<[SeenRequest]>([])
    let respond: Responder

    init(respond: @escaping Responder = FakeUpstream.echo) { self.respond = respond }

    var requests: [SeenRequest] { seen.withLock { $0 } }
    var last: SeenRequest? { seen.withLock { $0.last } }

    static let echo: Responder = { request in
        (.ok, #"{"method":"\#(request.method)","path":"\#(request.path)","bytes":\#(request.bodyBytes)}"#)
    }

    /// Answers every request with `status` and `body`.
    static func fixed(_ status: HTTPResponse.Status, _ body: String) -> FakeUpstream {
        FakeUpstream { _ in (status, body) }
    }

    func application() -> some ApplicationProtocol {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { [self] request, _ in
            if request.uri.path == "/stream/download" { return Self.download(bytes: 8 << 20) }
            var bytes = 0
            for try await chunk in request.body { bytes += chunk.readableBytes }
            var path = request.uri.path
            if let query = request.uri.query { path += "?" + query }
            let seenRequest = SeenRequest(
                method: request.method.rawValue, path: path, headers: request.headers, bodyBytes: bytes)
            seen.withLock { $0.append(seenRequest) }
            let (status, body) = respond(seenRequest)
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            headers[.connection] = "keep-alive, X-Upstream-Private"
            headers[HTTPField.Name("X-Upstream-Private")!] = "secret"
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
        }
        for method: HTTPRequest.Method in [.get, .head, .post, .put, .patch, .delete, .options] {
            router.on("/**", method: method, use: handler)
            router.on("/", method: method, use: handler)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }

    /// `bytes` of a repeating pattern in 64 KiB chunks, streamed.
    static func download(bytes: Int) -> Response {
        let chunk = ByteBuffer(repeating: UInt8(ascii: "x"), count: 64 << 10)
        return Response(
            status: .ok, headers: [.contentType: "application/octet-stream"],
            body: ResponseBody { writer in
                var sent = 0
                while sent < bytes {
                    try await writer.write(chunk)
                    sent += chunk.readableBytes
                }
                try await writer.finish(nil)
            })
    }
}

/// Runs `upstreams` on loopback and calls `body` with their base URLs, in order.
func withUpstreams(
    _ upstreams: [FakeUpstream], urls: [String] = [], _ body: @escaping @Sendable ([String]) async throws -> Void
) async throws {
    guard let first = upstreams.first else { return try await body(urls) }
    try await first.application().test(.live) { client in
        let port = try #require(client.port)
        try await withUpstreams(Array(upstreams.dropFirst()), urls: urls + ["http://127.0.0.1:\(port)"], body)
    }
}
