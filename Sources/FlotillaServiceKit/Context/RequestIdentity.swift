import HTTPTypes
import Hummingbird

/// Gives every request an id: a well-formed incoming `X-Request-Id` is kept (so a gateway's id
/// follows the request through every service), anything else is replaced by a new one. The id is
/// in the logs (`request_id`), the response header, and every problem body.
struct RequestIdentity: RouterMiddleware {
    typealias Context = ServiceRequestContext

    static let header = HTTPField.Name("X-Request-Id")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let incoming = request.headers[Self.header]
        context.requestID = incoming.flatMap { Self.isWellFormed($0) ? $0 : nil } ?? Self.newID()
        context.logger[metadataKey: "request_id"] = .string(context.requestID)
        var response = try await next(request, context)
        response.headers[Self.header] = context.requestID
        return response
    }

    /// 1–128 characters of letters, digits, `-`, `_`, `.` and `:`: safe to log and echo.
    static func isWellFormed(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                    || byte == 45 || byte == 95 || byte == 46 || byte == 58
            }
    }

    static func newID() -> String {
        let bytes = (0..<12).map { _ in UInt8.random(in: 0...255) }
        return bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
