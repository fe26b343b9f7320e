import Hummingbird
import Metrics

/// Measures every public request: RED metrics for Prometheus (requests by method, route template
/// and status; duration by method and route; requests in flight) and the status snapshot's
/// traffic window. Labels are bounded: routes are templates (`/orders/{id}`), unknown paths are
/// `unmatched`, unusual methods are `other`.
struct TrafficMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let window: TrafficWindow
    let clock: MonotonicSeconds
    private let active = Meter(label: "http_server_active_requests")
    private let metrics = RequestMetrics()

    init(window: TrafficWindow, clock: MonotonicSeconds) {
        self.window = window
        self.clock = clock
    }

    /// The matched route template, or `unmatched` (Hummingbird names its not-found responder `NotFound`).
    static func routeLabel(_ endpointPath: String?) -> String {
        guard let endpointPath, endpointPath != "NotFound" else { return "unmatched" }
        return endpointPath
    }

    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let method = Self.knownMethods.contains(request.method.rawValue) ? request.method.rawValue : "other"
        window.begin()
        active.increment()
        @Sendable func finish(status: Int, route: String) {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
            window.end(
                route: "\(method) \(route)", second: clock.now(), milliseconds: milliseconds, isError: status >= 500)
            metrics.record(method: method, route: route, status: status, nanoseconds: Int64(milliseconds * 1_000_000))
            active.decrement()
        }
        do {
            var response = try await next(request, context)
            let status = response.status.code
            let route = Self.routeLabel(context.endpointPath)
            response.body = response.body.afterWriting { finish(status: status, route: route) }
            return response
        } catch {
            finish(status: 500, route: Self.routeLabel(context.endpointPath))
            throw error
        }
    }
}

/// Whole seconds on the monotonic clock since the process started, for bucketing.
public struct MonotonicSeconds: Sendable {
    private let origin = ContinuousClock.now

    /// Creates a clock starting at zero now.
    public init() {}

    /// Seconds since creation.
    public func now() -> Int64 { (ContinuousClock.now - origin).components.seconds }
}

extension ResponseBody {
    /// This body, calling `done` once it has been written to the connection (or failed to be), so
    /// durations include the time spent streaming the body.
    func afterWriting(_ done: @escaping @Sendable () -> Void) -> ResponseBody {
        let body = self
        return ResponseBody(contentLength: body.contentLength) { writer in
            do {
                try await body.write(writer)
                done()
            } catch {
                done()
                throw error
            }
        }
    }
}
