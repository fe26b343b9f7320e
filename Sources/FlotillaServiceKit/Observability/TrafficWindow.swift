import FlotillaContracts
import Synchronization

/// Request counts and latencies over the last `windowSeconds`, overall and per route, for the
/// status snapshot. Counts are exact (one bucket per second); percentiles come from the most
/// recent samples inside the window (up to 1,024 per route and 4,096 overall), which bounds
/// memory however busy the service is. At most 50 routes are tracked; further ones count under
/// `other`.
public final class TrafficWindow: Sendable {
    static let maxRoutes = 50
    let windowSeconds: Int

    private struct Bucket {
        var second: Int64 = -1
        var requests = 0
        var errors = 0
    }

    private struct Series {
        var buckets: [Bucket]
        var samples: [(second: Int64, milliseconds: Double)] = []
        var next = 0
        let capacity: Int

        init(windowSeconds: Int, capacity: Int) {
            buckets = Array(repeating: Bucket(), count: windowSeconds)
            self.capacity = capacity
            samples.reserveCapacity(capacity)
        }

        mutating func record(second: Int64, milliseconds: Double, isError: Bool) {
            let index = Int(second % Int64(buckets.count))
            if buckets[index].second != second { buckets[index] = Bucket(second: second) }
            buckets[index].requests += 1
            if isError { buckets[index].errors += 1 }
            if samples.count < capacity {
                samples.append((second, milliseconds))
            } else {
                samples[next] = (second, milliseconds)
                next = (next + 1) % capacity
            }
        }

        func summary(now: Int64, window: Int) -> (requests: Int, errors: Int, latency: LatencySummary) {
            let live = buckets.filter { $0.second > now - Int64(window) && $0.second <= now }
            let latencies = samples.filter { $0.second > now - Int64(window) }.map(\.milliseconds).sorted()
            func percentile(_ p: Double) -> Double? {
                guard !latencies.isEmpty else { return nil }
                let rank = Int((p * Double(latencies.count)).rounded(.up)) - 1
                return latencies[min(max(rank, 0), latencies.count - 1)]
            }
            return (
                live.reduce(0) { $0 + $1.requests }, live.reduce(0) { $0 + $1.errors },
                LatencySummary(p50: percentile(0.5), p90: percentile(0.9), p99: percentile(0.99))
            )
        }
    }

    private struct State {
        var overall: Series
        var routes: [String: Series] = [:]
        var inFlight = 0
        var total = 0
    }

    private let state: Mutex<State>

    /// A window of `windowSeconds` (60 by default).
    public init(windowSeconds: Int = 60) {
        self.windowSeconds = windowSeconds
        self.state = Mutex(State(overall: Series(windowSeconds: windowSeconds, capacity: 4_096)))
    }

    /// A request started.
    func begin() { state.withLock { $0.inFlight += 1 } }

    /// A request finished at `second` (monotonic seconds) after `milliseconds`.
    func end(route: String, second: Int64, milliseconds: Double, isError: Bool) {
        state.withLock { state in
            state.inFlight -= 1
            state.total += 1
            state.overall.record(second: second, milliseconds: milliseconds, isError: isError)
            let key = state.routes[route] != nil || state.routes.count < Self.maxRoutes ? route : "other"
            state.routes[key, default: Series(windowSeconds: windowSeconds, capacity: 1_024)]
                .record(second: second, milliseconds: milliseconds, isError: isError)
        }
    }

    /// The snapshot at monotonic second `now`.
    public func snapshot(now: Int64) -> TrafficSnapshot {
        state.withLock { state in
            let overall = state.overall.summary(now: now, window: windowSeconds)
            let routes = state.routes.map { key, series -> RouteTraffic in
                let summary = series.summary(now: now, window: windowSeconds)
                let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
                return RouteTraffic(
                    method: parts.first ?? "", route: parts.count > 1 ? parts[1] : key, requests: summary.requests,
                    errors: summary.errors, latency: summary.latency)
            }
            .filter { $0.requests > 0 }
            .sorted { ($0.requests, $1.route) > ($1.requests, $0.route) }
            return TrafficSnapshot(
                windowSeconds: Double(windowSeconds), requests: overall.requests, errors: overall.errors,
                inFlight: state.inFlight, totalRequests: state.total, latency: overall.latency, routes: routes)
        }
    }
}
