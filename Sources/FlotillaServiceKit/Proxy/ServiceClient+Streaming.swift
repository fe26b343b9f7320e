import AsyncHTTPClient
import FlotillaResilience
import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTP1

/// A request to forward to another service without buffering its body.
public struct UpstreamRequest: Sendable {
    /// The method.
    public var method: HTTPRequest.Method
    /// Path and query on the upstream, e.g. `/users/7?fields=name`.
    public var pathAndQuery: String
    /// End-to-end header fields (hop-by-hop fields are dropped on the way out).
    public var headers: HTTPFields
    /// The body, streamed as it arrives; nil when the request has none.
    public var body: RequestBody?
    /// The body's length when known (`Content-Length`); nil streams it chunked.
    public var bodyLength: Int?
    /// The request id to propagate.
    public var requestID: String?

    /// Creates a request.
    public init(
        method: HTTPRequest.Method, pathAndQuery: String, headers: HTTPFields, body: RequestBody?, bodyLength: Int?,
        requestID: String?
    ) {
        self.method = method
        self.pathAndQuery = pathAndQuery
        self.headers = headers
        self.body = body
        self.bodyLength = bodyLength
        self.requestID = requestID
    }
}

/// An upstream's answer whose body is still arriving.
public struct UpstreamResponse: Sendable {
    /// The status.
    public var status: HTTPResponse.Status
    /// End-to-end header fields (hop-by-hop fields removed).
    public var headers: HTTPFields
    /// The body's length when the upstream said (`Content-Length`).
    public var contentLength: Int?
    /// The body, to be consumed once.
    public var body: HTTPClientResponse.Body

    /// The body as a Hummingbird response body that forwards each chunk as it arrives.
    public var responseBody: ResponseBody {
        let body = self.body
        return ResponseBody(contentLength: contentLength) { writer in
            for try await chunk in body { try await writer.write(chunk) }
            try await writer.finish(nil)
        }
    }
}

extension ServiceClient {
    /// Forwards `request` to `dependency` through the same discovery, balancing and resilience
    /// pipeline as ``send(_:_:_:headers:body:requestID:)``, but streams both bodies: the call
    /// returns as soon as the upstream's response head arrives. A request with a body is never
    /// retried (its bytes are consumed as they are sent); one without is retried per the
    /// dependency's policy when its method is idempotent. The pipeline's bulkhead slot and
    /// deadline cover the exchange up to the response head; the response body then streams for
    /// as long as it takes.
    public func stream(_ dependency: String, _ request: UpstreamRequest) async throws -> UpstreamResponse {
        let idempotency: Idempotency
        if request.body != nil {
            idempotency = .nonIdempotent
        } else if Self.idempotentMethods.contains(request.method) {
            idempotency = .idempotent
        } else {
            idempotency = policies.retriesUnsafe[dependency] == true ? .markedSafe : .nonIdempotent
        }
        return try await call(
            dependency, request.method, idempotency: idempotency,
            classify: { .answer(status: $0.status.code, retryAfter: $0.headers[.retryAfter]) },
            status: \.status.code,
            attempt: { endpoint, deadline in try await self.forward(request, to: endpoint, deadline) })
    }

    private func forward(_ request: UpstreamRequest, to endpoint: String, _ deadline: Deadline?) async throws
        -> UpstreamResponse
    {
        var outbound = HTTPClientRequest(url: endpoint + request.pathAndQuery)
        outbound.method = HTTPMethod(rawValue: request.method.rawValue)
        outbound.headers = HopByHopHeaders.forwardable(request.headers)
        let remaining = try Self.propagate(into: &outbound.headers, requestID: request.requestID, deadline: deadline)
        if let body = request.body {
            outbound.body = .stream(body, length: request.bodyLength.map { .known(Int64($0)) } ?? .unknown)
        }
        let response = try await http.execute(outbound, timeout: .nanoseconds(remaining.nanoseconds))
        return UpstreamResponse(
            status: HTTPResponse.Status(code: Int(response.status.code)),
            headers: HopByHopHeaders.forwardable(response.headers),
            contentLength: response.headers.first(name: "content-length").flatMap(Int.init),
            body: response.body)
    }
}
