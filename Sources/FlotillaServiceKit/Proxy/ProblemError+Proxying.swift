import AsyncHTTPClient
import FlotillaResilience

extension ProblemError {
    /// The answer when forwarding to `dependency` failed with `error`: the resilience kit's own
    /// rejections as the kit maps them everywhere (open breaker or full bulkhead 503 with
    /// `Retry-After` when known, timeout 504), a problem raised while streaming the request body
    /// (413) unchanged, no known instance 503, the transport's timeouts 504, and any other
    /// transport failure (refused, reset, malformed answer) 502 Bad Gateway.
    public init(proxying error: any Error, to dependency: String) {
        switch error {
        case let problem as ProblemError:
            self = problem
        case let resilience as ResilienceError:
            self = ProblemMiddleware.problem(for: resilience)
        case ServiceClientError.noInstances:
            self.init(.serviceUnavailable, "no instance of '\(dependency)' is available")
        case ServiceClientError.deadlineExceeded:
            self.init(.gatewayTimeout, "'\(dependency)' did not answer in time")
        case let http as HTTPClientError where http == .deadlineExceeded || http == .readTimeout:
            self.init(.gatewayTimeout, "'\(dependency)' did not answer in time")
        default:
            self.init(.badGateway, "'\(dependency)' could not be reached")
        }
    }
}
