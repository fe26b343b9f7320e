import Synchronization

/// A thread-safe per-key GCRA rate limiter: a ``RateLimiterMachine`` behind a `Mutex`.
///
/// ```swift
/// let limiter = RateLimiter<RateLimitKey, ContinuousClock>(config: route.rateLimit, clock: .init())
/// let decision = limiter.acquire(RateLimitKey(route: "GET /api/orders", subject: userID))
/// for field in decision.headerFields(policyName: limiter.config.policyName) { … }
/// guard decision.isAllowed else { return .tooManyRequests }
/// ```
///
/// One acquire reads the clock once and takes the lock once; for a key already tracked it does
/// not allocate.
public final class RateLimiter<Key: Hashable & Sendable, C: Clock<Duration>>: Sendable {
    /// The policy.
    public let config: RateLimitConfig
    /// The clock.
    public let clock: C
    private let machine: Mutex<RateLimiterMachine<Key, C.Instant>>

    /// Creates a limiter with no keys.
    public init(config: RateLimitConfig, clock: C, sweepInterval: Duration = .milliseconds(100)) {
        self.config = config
        self.clock = clock
        self.machine = Mutex(RateLimiterMachine(config: config, origin: clock.now, sweepInterval: sweepInterval))
    }

    /// Decides one request of `key` now.
    @_specialize(exported:true,where Key == Int, C == ContinuousClock)
    @_specialize(exported:true,where Key == String, C == ContinuousClock)
    @_specialize(exported:true,where Key == RateLimitKey, C == ContinuousClock)
    public func acquire(_ key: Key) -> RateLimitDecision {
        let now = clock.now
        return machine.withLock { $0.acquire(key, at: now) }
    }

    /// Drops idle keys now (normally not needed: acquire sweeps on its own).
    @discardableResult
    public func evictIdle() -> Int {
        let now = clock.now
        return machine.withLock { $0.evictIdle(at: now) }
    }

    /// A status snapshot.
    public func snapshot() -> RateLimiterSnapshot {
        machine.withLock { $0.snapshot() }
    }
}
