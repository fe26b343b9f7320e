import Metrics
import Synchronization

/// The RED metric handles of each method × route × status, created once and reused, so a
/// request costs one dictionary look-up instead of a metrics-registry look-up per metric.
/// Cardinality is bounded by the route templates, so the cache is too.
final class RequestMetrics: Sendable {
    private struct Key: Hashable {
        var method: String
        var route: String
        var status: Int
    }

    private struct Handles: Sendable {
        var requests: Counter
        var duration: Timer
    }

    private let handles = Mutex<[Key: Handles]>([:])

    /// Counts one request and records its duration.
    func record(method: String, route: String, status: Int, nanoseconds: Int64) {
        let key = Key(method: method, route: route, status: status)
        let found = handles.withLock { handles -> Handles in
            if let existing = handles[key] { return existing }
            let created = Handles(
                requests: Counter(
                    label: "http_server_requests_total",
                    dimensions: [("method", method), ("route", route), ("status", "\(status)")]),
                duration: Timer(
                    label: "http_server_request_duration_seconds", dimensions: [("method", method), ("route", route)]))
            handles[key] = created
            return created
        }
        found.requests.increment()
        found.duration.recordNanoseconds(nanoseconds)
    }
}
