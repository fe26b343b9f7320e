import Hummingbird
import NIOCore

/// Refuses bodies over the configured size with 413: at once when `Content-Length` says so, and
/// while streaming for chunked bodies, so an oversized upload is never buffered whole.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let maxBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let length = request.headers[.contentLength] {
            guard let bytes = Int(length), bytes >= 0 else {
                throw ProblemError(.badRequest, "Content-Length '\(length)' is not a byte count")
            }
            guard bytes <= maxBytes else { throw tooLarge }
            return try await next(request, context)
        }
        var request = request
        let limit = maxBytes
        let error = tooLarge
        request.body = RequestBody(asyncSequence: LimitedBody(base: request.body, limit: limit, error: error))
        return try await next(request, context)
    }

    private var tooLarge: ProblemError {
        ProblemError(.contentTooLarge, "the body is larger than \(maxBytes) bytes")
    }
}

/// A body stream that throws once more than `limit` bytes have passed.
struct LimitedBody: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let base: RequestBody
    let limit: Int
    let error: ProblemError

    struct AsyncIterator: AsyncIteratorProtocol {
        var base: RequestBody.AsyncIterator
        let limit: Int
        let error: ProblemError
        var seen = 0

        mutating func next() async throws -> ByteBuffer? {
            guard let buffer = try await base.next() else { return nil }
            seen += buffer.readableBytes
            if seen > limit { throw error }
            return buffer
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), limit: limit, error: error)
    }
}
