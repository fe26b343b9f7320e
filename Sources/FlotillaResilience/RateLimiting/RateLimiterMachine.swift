/// Per-key GCRA rate limiting as a pure state machine (no clock reads; the caller passes `now`).
///
/// For each key it keeps only the theoretical arrival time (TAT) as nanoseconds since `origin`.
/// A request at `now` with `tat = max(TAT, now)` is admitted iff `tat − now ≤ τ`, and then
/// `TAT = tat + T` (see ``RateLimitConfig`` for `T` and `τ`).
///
/// Memory stays bounded however many distinct keys arrive:
/// - **Idle eviction.** A key whose `TAT ≤ now` behaves exactly like a key never seen, so it is
///   dropped. Sweeps run when the table reaches a high-water mark that doubles with the table
///   (amortised O(1) per request) and shrinks back after each sweep.
/// - **Hard cap (`maxKeys`).** When the table is full of non-idle keys, a *new* key is not
///   inserted: it is judged by one shared **overflow** bucket (same `T` and `τ`), and the decision
///   says `isOverflow`. Keys already tracked keep their exact state. Least-recently-used eviction
///   was rejected on purpose: a client able to mint keys could flood the table to evict its own
///   entry and so reset its limit, and an LRU list costs memory and time per request. Overflow
///   degrades gracefully: under a key flood new keys share one small budget, tracked keys are
///   unaffected, and the table drains by itself, since any entry is idle at most `τ + T` after its
///   last admission. At the cap, sweeps are retried at most once per ``sweepInterval``.
public struct RateLimiterMachine<Key: Hashable & Sendable, Instant: InstantProtocol<Duration>>: Sendable {
    /// The policy.
    public let config: RateLimitConfig
    /// Minimum time between two sweeps while the table is at its cap. Default 100 ms.
    public let sweepInterval: Duration
    private let origin: Instant
    private let interval: Int64
    private let tolerance: Int64
    private let maxKeys: Int
    private var entries: [Key: Int64] = [:]
    private var overflowTAT: Int64 = Int64.min
    private var nextSweepAt: Int
    private var lastSweep: Int64 = Int64.min
    private var counters = RateLimiterSnapshot.Counters()

    /// Creates a limiter with no keys; `origin` is the instant clock readings are measured from.
    public init(config: RateLimitConfig, origin: Instant, sweepInterval: Duration = .milliseconds(100)) {
        self.config = config
        self.origin = origin
        self.sweepInterval = sweepInterval
        self.interval = config.emissionIntervalNanos
        self.tolerance = SaturatingMath.multiply(interval, Int64(max(config.burst, 1) - 1))
        self.maxKeys = max(config.maxKeys, 1)
        self.nextSweepAt = min(64, maxKeys)
    }

    /// Number of keys currently tracked (never more than `maxKeys`).
    public var trackedKeys: Int { entries.count }

    /// Decides one request of `key` at `now`, updating the key's state when admitted.
    public mutating func acquire(_ key: Key, at now: Instant) -> RateLimitDecision {
        let nowNanos = now.nanoseconds(since: origin)
        if let index = entries.index(forKey: key) {
            let (decision, newTAT) = evaluate(tat: entries.values[index], now: nowNanos, overflow: false)
            if let newTAT { entries.values[index] = newTAT }
            count(decision)
            return decision
        }
        if entries.count >= nextSweepAt { sweep(now: nowNanos) }
        if entries.count >= maxKeys {
            counters.overflowed &+= 1
            let (decision, newTAT) = evaluate(tat: overflowTAT, now: nowNanos, overflow: true)
            if let newTAT { overflowTAT = newTAT }
            count(decision)
            return decision
        }
        let (decision, newTAT) = evaluate(tat: Int64.min, now: nowNanos, overflow: false)
        if let newTAT { entries[key] = newTAT }
        count(decision)
        return decision
    }

    /// Drops every idle key (`TAT ≤ now`); returns how many were dropped.
    @discardableResult
    public mutating func evictIdle(at now: Instant) -> Int {
        let before = entries.count
        sweep(now: now.nanoseconds(since: origin), force: true)
        return before - entries.count
    }

    /// A status snapshot.
    public func snapshot() -> RateLimiterSnapshot {
        RateLimiterSnapshot(
            policyName: config.policyName, quota: config.quota, window: config.window, burst: config.burst,
            trackedKeys: entries.count, maxKeys: maxKeys, counters: counters)
    }

    private mutating func count(_ decision: RateLimitDecision) {
        if decision.isAllowed { counters.allowed &+= 1 } else { counters.rejected &+= 1 }
    }

    /// GCRA: admitted iff `max(TAT, now) − now ≤ τ`; returns the decision and the new TAT if admitted.
    private func evaluate(tat stored: Int64, now: Int64, overflow: Bool) -> (RateLimitDecision, Int64?) {
        let tat = max(stored, now)
        let ahead = tat - now
        if ahead <= tolerance {
            let newTAT = SaturatingMath.add(tat, interval)
            let headroom = tolerance - (newTAT - now)
            let remaining = headroom < 0 ? 0 : Int(headroom / interval) + 1
            let decision = RateLimitDecision(
                isAllowed: true, remaining: remaining, resetAfter: .nanoseconds(newTAT - now), retryAfter: .zero,
                quota: config.quota, window: config.window, isOverflow: overflow)
            return (decision, newTAT)
        }
        let decision = RateLimitDecision(
            isAllowed: false, remaining: 0, resetAfter: .nanoseconds(ahead),
            retryAfter: .nanoseconds(ahead - tolerance),
            quota: config.quota, window: config.window, isOverflow: overflow)
        return (decision, nil)
    }

    private mutating func sweep(now: Int64, force: Bool = false) {
        let throttle = sweepInterval.nanosecondsClamped
        if !force, entries.count >= maxKeys, lastSweep != Int64.min, now - lastSweep < throttle { return }
        lastSweep = now
        let before = entries.count
        entries = entries.filter { $0.value > now }
        counters.evicted &+= UInt64(before - entries.count)
        counters.sweeps &+= 1
        nextSweepAt = min(maxKeys, max(64, entries.count * 2))
    }
}
