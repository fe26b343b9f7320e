/// A point-in-time view of a rate limiter for the dashboard.
public struct RateLimiterSnapshot: Sendable, Hashable {
    /// Running totals since creation.
    public struct Counters: Sendable, Hashable {
        /// Requests admitted.
        public var allowed: UInt64 = 0
        /// Requests rejected.
        public var rejected: UInt64 = 0
        /// Requests of new keys judged by the overflow bucket because the table was full.
        public var overflowed: UInt64 = 0
        /// Idle keys dropped by sweeps.
        public var evicted: UInt64 = 0
        /// Sweeps run.
        public var sweeps: UInt64 = 0

        /// Creates zeroed counters.
        public init() {}
    }

    /// Policy name.
    public var policyName: String
    /// Quota per window.
    public var quota: Int
    /// Window.
    public var window: Duration
    /// Burst.
    public var burst: Int
    /// Keys tracked now.
    public var trackedKeys: Int
    /// Key cap.
    public var maxKeys: Int
    /// Totals.
    public var counters: Counters

    /// Creates a snapshot.
    public init(
        policyName: String, quota: Int, window: Duration, burst: Int, trackedKeys: Int, maxKeys: Int,
        counters: Counters
    ) {
        self.policyName = policyName
        self.quota = quota
        self.window = window
        self.burst = burst
        self.trackedKeys = trackedKeys
        self.maxKeys = maxKeys
        self.counters = counters
    }
}
