/// Requests served over a recent sliding window (`windowSeconds`), overall and per route.
public struct TrafficSnapshot: Codable, Sendable, Hashable {
    /// Length of the window the counts and percentiles cover.
    public var windowSeconds: Double
    /// Requests completed in the window.
    public var requests: Int
    /// Of those, answered with a 5xx status (4xx are the client's errors and are not counted).
    public var errors: Int
    /// Requests being served now.
    public var inFlight: Int
    /// Requests completed since start.
    public var totalRequests: Int
    /// Latency percentiles over the window.
    public var latency: LatencySummary
    /// Per route template (`GET /orders/{id}`), at most 50 routes, busiest first.
    public var routes: [RouteTraffic]

    /// Requests per second over the window.
    public var requestsPerSecond: Double { windowSeconds > 0 ? Double(requests) / windowSeconds : 0 }
    /// Share of requests in the window that failed, 0…1.
    public var errorRate: Double { requests > 0 ? Double(errors) / Double(requests) : 0 }

    /// Creates a traffic snapshot.
    public init(
        windowSeconds: Double, requests: Int, errors: Int, inFlight: Int, totalRequests: Int, latency: LatencySummary,
        routes: [RouteTraffic]
    ) {
        self.windowSeconds = windowSeconds
        self.requests = requests
        self.errors = errors
        self.inFlight = inFlight
        self.totalRequests = totalRequests
        self.latency = latency
        self.routes = routes
    }
}

/// Latency percentiles in milliseconds; nil when the window holds no request.
public struct LatencySummary: Codable, Sendable, Hashable {
    /// Median.
    public var p50: Double?
    /// 90th percentile.
    public var p90: Double?
    /// 99th percentile.
    public var p99: Double?

    /// Creates a summary.
    public init(p50: Double?, p90: Double?, p99: Double?) {
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
    }
}

/// Traffic of one route template.
public struct RouteTraffic: Codable, Sendable, Hashable {
    /// HTTP method.
    public var method: String
    /// Route template, never the raw path, so cardinality stays bounded.
    public var route: String
    /// Requests in the window.
    public var requests: Int
    /// 5xx answers in the window.
    public var errors: Int
    /// Latency percentiles over the window.
    public var latency: LatencySummary

    /// Creates route traffic.
    public init(method: String, route: String, requests: Int, errors: Int, latency: LatencySummary) {
        self.method = method
        self.route = route
        self.requests = requests
        self.errors = errors
        self.latency = latency
    }
}
