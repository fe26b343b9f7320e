import FlotillaServiceKit
import HTTPTypes

/// Cross-origin access for browsers, from `CORS_ALLOWED_ORIGINS` (exact origins, no wildcard).
///
/// - Preflights (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) are answered by the
///   gateway itself — 204 with the allowed methods and headers for a listed origin, 403 for any
///   other — and never reach an upstream or need a token.
/// - Other responses get `Access-Control-Allow-Origin` (the caller's origin, when listed) and
///   `Access-Control-Expose-Headers`; every response gets `Vary: Origin`, since it differs by origin.
/// - No `Allow-Credentials`: the API authenticates with bearer tokens, not cookies.
struct CORSPolicy: Sendable {
    let allowedOrigins: Set<String>

    var isEnabled: Bool { !allowedOrigins.isEmpty }

    static let allowedMethods = "GET, HEAD, POST, PUT, PATCH, DELETE"
    static let allowedHeaders = "Authorization, Content-Type, Idempotency-Key, X-Request-Id, traceparent, tracestate"
    static let exposedHeaders = "RateLimit, RateLimit-Policy, Retry-After, X-Request-Id, X-Flotilla-Partial"
    static let maxAgeSeconds = "600"
    static let requestMethod = HTTPField.Name("Access-Control-Request-Method")!

    /// Whether `request` is a preflight.
    func isPreflight(_ request: HTTPRequest) -> Bool {
        request.method == .options && request.headerFields[.origin] != nil
            && request.headerFields[Self.requestMethod] != nil
    }

    /// The answer to a preflight.
    func preflight(_ request: HTTPRequest) throws(ProblemError) -> HTTPFields {
        guard let origin = request.headerFields[.origin], allowedOrigins.contains(origin) else {
            throw ProblemError(.forbidden, "this origin may not call the API")
        }
        var headers = HTTPFields()
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlAllowMethods] = Self.allowedMethods
        headers[.accessControlAllowHeaders] = Self.allowedHeaders
        headers[.accessControlMaxAge] = Self.maxAgeSeconds
        headers[.vary] = "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"
        return headers
    }

    /// Adds the CORS fields for a request from `origin` to a response's `headers`.
    func annotate(_ headers: inout HTTPFields, origin: String?) {
        guard isEnabled else { return }
        if let existing = headers[.vary] {
            if !existing.lowercased().contains("origin") { headers[.vary] = existing + ", Origin" }
        } else {
            headers[.vary] = "Origin"
        }
        guard let origin, allowedOrigins.contains(origin) else { return }
        headers[.accessControlAllowOrigin] = origin
        headers[.accessControlExposeHeaders] = Self.exposedHeaders
    }
}
