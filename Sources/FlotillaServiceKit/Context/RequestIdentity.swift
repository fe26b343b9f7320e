import HTTPTypes
import Hummingbird
import Synchronization

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

    /// A new id: 64 random bits fixed per process and a 32-bit counter, 24 hex digits. Unique
    /// across processes and within one, without a system call per request.
    static func newID() -> String {
        let sequence = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return processPrefix + String(UInt32(truncatingIfNeeded: sequence), radix: 16).leftPadded(to: 8)
    }

    private static let processPrefix = String(UInt64.random(in: .min ... .max), radix: 16).leftPadded(to: 16)
    private static let counter = Atomic<UInt64>(0)
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
