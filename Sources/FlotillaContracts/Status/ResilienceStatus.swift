/// A circuit breaker's state as the dashboard shows it.
public struct BreakerStatus: Codable, Sendable, Hashable {
    /// The breaker's state.
    public enum State: String, Codable, Sendable, Hashable, CaseIterable {
        /// Calls flow; outcomes are recorded.
        case closed
        /// Calls are refused until the next probe time.
        case open
        /// A few probe calls decide whether to close or reopen.
        case halfOpen = "half-open"
        /// Opened by an operator; stays open until reset.
        case forcedOpen = "forced-open"
        /// Switched off: every call flows and nothing is recorded.
        case disabled
    }

    /// The dependency (service name) the breaker guards.
    public var dependency: String
    /// Current state.
    public var state: State
    /// Failure share of the calls in the window, 0…1.
    public var failureRate: Double
    /// Slow-call share of the calls in the window, 0…1.
    public var slowCallRate: Double
    /// Calls in the window.
    public var calls: Int
    /// Failed calls in the window.
    public var failures: Int
    /// Slow calls in the window.
    public var slowCalls: Int
    /// Calls refused because the breaker was open, since start.
    public var rejected: Int
    /// Times the breaker has opened since start.
    public var trips: Int
    /// Milliseconds until half-open probes are admitted; nil unless open.
    public var nextProbeInMilliseconds: Double?

    /// Creates a breaker status.
    public init(
        dependency: String, state: State, failureRate: Double, slowCallRate: Double, calls: Int, failures: Int,
        slowCalls: Int, rejected: Int, trips: Int, nextProbeInMilliseconds: Double?
    ) {
        self.dependency = dependency
        self.state = state
        self.failureRate = failureRate
        self.slowCallRate = slowCallRate
        self.calls = calls
        self.failures = failures
        self.slowCalls = slowCalls
        self.rejected = rejected
        self.trips = trips
        self.nextProbeInMilliseconds = nextProbeInMilliseconds
    }
}

/// A rate limiter (one policy, many keys).
public struct RateLimiterStatus: Codable, Sendable, Hashable {
    /// Policy name, e.g. the route prefix `/api/orders`.
    public var name: String
    /// Requests allowed per window.
    public var quota: Int
    /// Window length in seconds.
    public var windowSeconds: Double
    /// Extra requests allowed at once.
    public var burst: Int
    /// `user` or `client`.
    public var key: String
    /// Distinct keys tracked now.
    public var trackedKeys: Int
    /// Requests admitted since start.
    public var admitted: Int
    /// Requests refused with 429 since start.
    public var rejected: Int

    /// Creates a limiter status.
    public init(
        name: String, quota: Int, windowSeconds: Double, burst: Int, key: String, trackedKeys: Int, admitted: Int,
        rejected: Int
    ) {
        self.name = name
        self.quota = quota
        self.windowSeconds = windowSeconds
        self.burst = burst
        self.key = key
        self.trackedKeys = trackedKeys
        self.admitted = admitted
        self.rejected = rejected
    }
}

/// A bulkhead (concurrency limit) of one dependency.
public struct BulkheadStatus: Codable, Sendable, Hashable {
    /// The dependency.
    public var dependency: String
    /// Calls allowed in flight.
    public var maxConcurrent: Int
    /// Calls in flight now.
    public var inFlight: Int
    /// Calls waiting now.
    public var queued: Int
    /// Queue capacity.
    public var maxQueue: Int
    /// Calls refused (queue full or queue timeout) since start.
    public var rejected: Int

    /// Creates a bulkhead status.
    public init(dependency: String, maxConcurrent: Int, inFlight: Int, queued: Int, maxQueue: Int, rejected: Int) {
        self.dependency = dependency
        self.maxConcurrent = maxConcurrent
        self.inFlight = inFlight
        self.queued = queued
        self.maxQueue = maxQueue
        self.rejected = rejected
    }
}

/// Retries towards one dependency.
public struct RetryStatus: Codable, Sendable, Hashable {
    /// The dependency.
    public var dependency: String
    /// Retries attempted since start.
    public var retries: Int
    /// Retries refused by the retry budget since start.
    public var budgetRejections: Int
    /// Retries the budget would allow right now.
    public var budgetAvailable: Double

    /// Creates a retry status.
    public init(dependency: String, retries: Int, budgetRejections: Int, budgetAvailable: Double) {
        self.dependency = dependency
        self.retries = retries
        self.budgetRejections = budgetRejections
        self.budgetAvailable = budgetAvailable
    }
}
