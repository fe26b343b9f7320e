/// The circuit breaker as a pure state machine: it takes events and the current instant and
/// returns decisions. It never reads a clock, so tests drive it with any instants they like.
///
/// Rules (thresholds are inclusive, `≥`):
/// - closed: after each recorded call, trip if `consecutiveFailures` is set and reached, or if
///   the window holds at least `min(minimumCalls, window size)` calls and
///   `failures × 100 ≥ failureRate × calls` or `slow × 100 ≥ slowCallRate × calls`.
///   Example: 20 calls, 10 failures, `failureRate: 50` → 10 × 100 ≥ 50 × 20 → trips.
/// - open: rejects until `openedAt + openDuration(forTrip: k)`; the next call after that moves to
///   half-open and is the first probe.
/// - half-open: admits at most `halfOpenProbes` probes. When all have completed it closes if the
///   probes' failure and slow rates are under the thresholds, else reopens for a longer time. If
///   `halfOpenMaxWait` passes first, it decides on the probes that completed, or reopens if none.
/// - Outcomes of calls admitted before the latest state change are discarded (permit generation).
public struct CircuitBreakerMachine<Instant: InstantProtocol<Duration>>: Sendable {
    /// The configuration in force.
    public let config: CircuitBreakerConfig
    @usableFromInline let origin: Instant
    @usableFromInline let effectiveMinimumCalls: Int
    /// `max(slowCallDuration, 0)`, or `nil` when slow-call detection is off.
    @usableFromInline let slowThreshold: Duration?
    @usableFromInline var window: OutcomeWindow
    /// The current state (after the last event; open→half-open happens on the next `acquire`).
    public private(set) var state: CircuitState = .closed
    /// Bumped on every state change; permits from an older generation are discarded. Wraps at
    /// 2^62 (so it fits the executor's atomic fast-path word, see ``fastPathWord``).
    @usableFromInline var generation: UInt64 = 0
    @usableFromInline var consecutiveFailureCount = 0
    private var consecutiveTrips = 0
    private var stateSince: Int64 = 0
    private var openUntil: Int64 = 0
    private var currentOpenDuration: Duration = .zero
    private var probesAdmitted = 0
    private var probesCompleted = 0
    private var probeFailures = 0
    private var probeSlow = 0
    private var rejected: UInt64 = 0
    private var trips: UInt64 = 0

    /// Creates a closed breaker; `origin` is the instant its clock readings are measured from.
    public init(config: CircuitBreakerConfig, origin: Instant) {
        self.config = config
        self.origin = origin
        let window = OutcomeWindow(config.window, timeBuckets: config.timeWindowBuckets)
        self.window = window
        self.effectiveMinimumCalls = max(1, min(config.minimumCalls, window.capacity))
        self.slowThreshold = config.slowCallDuration.map { max($0, .zero) }
    }

    /// Whether ``record(_:duration:permit:at:)`` reads its `duration` (slow-call detection is on).
    @inlinable public var measuresDuration: Bool { slowThreshold != nil }

    /// Whether recording a call in the closed state reads its `now` (time-based window).
    @inlinable public var recordsTime: Bool { window.isTimeBased }

    /// The state and generation packed into one word for a lock-free admission check:
    /// `generation << 2 | 1` when closed, `2` when disabled, `0` otherwise (take the lock).
    /// In the closed and disabled states ``acquire(at:)`` neither reads `now` nor changes
    /// anything, so a reader of this word can issue the same permit without the lock.
    @inlinable public var fastPathWord: UInt64 {
        switch state {
        case .closed: return generation << 2 | 1
        case .disabled: return 2
        case .open, .halfOpen, .forcedOpen: return 0
        }
    }

    /// The permit ``acquire(at:)`` would issue for a ``fastPathWord`` value, or `nil` if the
    /// word says the machine must be asked under its lock.
    @inlinable public static func fastPermit(word: UInt64) -> BreakerPermit? {
        switch word & 3 {
        case 1: return BreakerPermit(generation: word >> 2, isProbe: false)
        case 2: return BreakerPermit(generation: .max, isProbe: false)
        default: return nil
        }
    }

    /// Asks to make a call at `now`. Rejections are counted; a transition (open → half-open, or a
    /// half-open decision forced by `halfOpenMaxWait`) is reported alongside.
    @inlinable
    public mutating func acquire(at now: Instant) -> BreakerDecision {
        switch state {
        case .closed:
            return BreakerDecision(permit: BreakerPermit(generation: generation, isProbe: false))
        case .disabled:
            return BreakerDecision(permit: BreakerPermit(generation: .max, isProbe: false))
        case .open, .halfOpen, .forcedOpen:
            return acquireSlowPath(elapsed: now.nanoseconds(since: origin))
        }
    }

    @usableFromInline
    mutating func acquireSlowPath(elapsed: Int64) -> BreakerDecision {
        switch state {
        case .closed:
            return BreakerDecision(permit: BreakerPermit(generation: generation, isProbe: false))
        case .disabled:
            return BreakerDecision(permit: BreakerPermit(generation: .max, isProbe: false))
        case .forcedOpen:
            rejected &+= 1
            return BreakerDecision(rejection: BreakerRejection(state: .forcedOpen, retryAfter: nil))
        case .open:
            guard elapsed >= openUntil else {
                rejected &+= 1
                let wait = Duration.nanoseconds(openUntil - elapsed)
                return BreakerDecision(rejection: BreakerRejection(state: .open, retryAfter: wait))
            }
            let transition = enterHalfOpen(at: elapsed)
            var decision = admitProbe(elapsed: elapsed)
            decision.transition = transition
            return decision
        case .halfOpen:
            if let transition = checkHalfOpenMaxWait(elapsed: elapsed) {
                var decision = acquireSlowPath(elapsed: elapsed)
                if decision.transition == nil { decision.transition = transition }
                return decision
            }
            return admitProbe(elapsed: elapsed)
        }
    }

    /// Records the outcome of a call admitted with `permit` that took `duration`, at `now`.
    /// Returns the transition it caused, if any.
    ///
    /// `duration` is read only when slow-call detection is on (``measuresDuration``); `now` only
    /// for a half-open probe or, in the closed state, a time-based window (``recordsTime``). A
    /// caller may pass any values for the parts that are not read.
    @inlinable
    public mutating func record(
        _ verdict: BreakerVerdict, duration: Duration, permit: BreakerPermit, at now: Instant
    ) -> BreakerTransition? {
        guard permit.generation == generation else { return nil }
        let isSlow: Bool
        if let slowThreshold { isSlow = duration > slowThreshold } else { isSlow = false }
        guard state == .closed else {
            return recordNotClosed(verdict, isSlow: isSlow, permit: permit, elapsed: now.nanoseconds(since: origin))
        }
        let elapsed = window.isTimeBased ? now.nanoseconds(since: origin) : 0
        return recordClosed(verdict, isSlow: isSlow, elapsed: elapsed)
    }

    @usableFromInline
    mutating func recordNotClosed(
        _ verdict: BreakerVerdict, isSlow: Bool, permit: BreakerPermit, elapsed: Int64
    ) -> BreakerTransition? {
        switch state {
        case .closed:
            return recordClosed(verdict, isSlow: isSlow, elapsed: window.isTimeBased ? elapsed : 0)
        case .halfOpen:
            guard permit.isProbe else { return nil }
            if let transition = checkHalfOpenMaxWait(elapsed: elapsed) { return transition }
            switch verdict {
            case .ignored:
                probesAdmitted -= 1
                return nil
            case .success, .failure:
                probesCompleted += 1
                if verdict == .failure { probeFailures += 1 }
                if isSlow { probeSlow += 1 }
                guard probesCompleted >= max(config.halfOpenProbes, 1) else { return nil }
                return decideHalfOpen(elapsed: elapsed, reason: nil)
            }
        case .open, .forcedOpen, .disabled:
            return nil
        }
    }

    /// Trips the breaker now (manual trip): open for the next backed-off duration, then probes.
    public mutating func trip(at now: Instant) -> BreakerTransition? {
        guard state != .open else { return nil }
        return open(elapsed: now.nanoseconds(since: origin), reason: .manual)
    }

    /// Holds the breaker open until ``reset(at:)``.
    public mutating func forceOpen(at now: Instant) -> BreakerTransition? {
        moveTo(.forcedOpen, elapsed: now.nanoseconds(since: origin), reason: .manual)
    }

    /// Disables the breaker: every call is admitted and nothing is recorded until ``reset(at:)``.
    public mutating func disable(at now: Instant) -> BreakerTransition? {
        moveTo(.disabled, elapsed: now.nanoseconds(since: origin), reason: .manual)
    }

    /// Closes the breaker, clearing the window and the trip back-off.
    public mutating func reset(at now: Instant) -> BreakerTransition? {
        consecutiveTrips = 0
        return moveTo(.closed, elapsed: now.nanoseconds(since: origin), reason: .manual)
    }

    /// A status snapshot at `now` (expires old time-window buckets and applies a due max-wait
    /// decision first, hence `mutating`).
    public mutating func snapshot(at now: Instant) -> CircuitBreakerSnapshot {
        let elapsed = now.nanoseconds(since: origin)
        window.advance(elapsed: elapsed)
        if state == .halfOpen { _ = checkHalfOpenMaxWait(elapsed: elapsed) }
        var untilProbe: Duration?
        if state == .open { untilProbe = .nanoseconds(max(openUntil - elapsed, 0)) }
        let inHalfOpen = state == .halfOpen
        return CircuitBreakerSnapshot(
            state: state,
            failureRate: Self.percent(window.failures, of: window.calls),
            slowCallRate: Self.percent(window.slow, of: window.calls),
            calls: window.calls,
            failures: window.failures,
            slowCalls: window.slow,
            consecutiveFailures: consecutiveFailureCount,
            minimumCalls: effectiveMinimumCalls,
            probesInFlight: inHalfOpen ? probesAdmitted - probesCompleted : 0,
            probesCompleted: inHalfOpen ? probesCompleted : 0,
            timeUntilProbe: untilProbe,
            currentOpenDuration: state == .open ? currentOpenDuration : nil,
            consecutiveTrips: consecutiveTrips,
            totalTrips: trips,
            rejectedCalls: rejected
        )
    }

    // MARK: - Transitions

    @inlinable
    mutating func recordClosed(_ verdict: BreakerVerdict, isSlow: Bool, elapsed: Int64) -> BreakerTransition? {
        switch verdict {
        case .ignored:
            return nil
        case .success:
            consecutiveFailureCount = 0
            window.record(failure: false, slow: isSlow, elapsed: elapsed)
        case .failure:
            consecutiveFailureCount += 1
            window.record(failure: true, slow: isSlow, elapsed: elapsed)
            if let limit = config.consecutiveFailures, consecutiveFailureCount >= max(limit, 1) {
                return open(elapsed: elapsed, reason: .consecutiveFailures)
            }
        }
        guard window.calls >= effectiveMinimumCalls else { return nil }
        return checkRates(elapsed: elapsed)
    }

    /// Trips on the window's failure or slow-call rate.
    @usableFromInline
    mutating func checkRates(elapsed: Int64) -> BreakerTransition? {
        if Self.reaches(window.failures, of: window.calls, threshold: config.failureRate) {
            return open(elapsed: elapsed, reason: .failureRate)
        }
        if Self.reaches(window.slow, of: window.calls, threshold: config.slowCallRate) {
            return open(elapsed: elapsed, reason: .slowCallRate)
        }
        return nil
    }

    private mutating func admitProbe(elapsed: Int64) -> BreakerDecision {
        if probesAdmitted < max(config.halfOpenProbes, 1) {
            probesAdmitted += 1
            return BreakerDecision(permit: BreakerPermit(generation: generation, isProbe: true))
        }
        rejected &+= 1
        let deadline = SaturatingMath.add(stateSince, config.halfOpenMaxWait.nanosecondsClamped)
        let wait = Duration.nanoseconds(max(deadline - elapsed, 0))
        return BreakerDecision(rejection: BreakerRejection(state: .halfOpen, retryAfter: wait))
    }

    private mutating func enterHalfOpen(at elapsed: Int64) -> BreakerTransition? {
        let transition = moveTo(.halfOpen, elapsed: elapsed, reason: .openDurationElapsed)
        probesAdmitted = 0
        probesCompleted = 0
        probeFailures = 0
        probeSlow = 0
        return transition
    }

    private mutating func checkHalfOpenMaxWait(elapsed: Int64) -> BreakerTransition? {
        let deadline = SaturatingMath.add(stateSince, max(config.halfOpenMaxWait, .zero).nanosecondsClamped)
        guard state == .halfOpen, elapsed >= deadline else { return nil }
        return decideHalfOpen(elapsed: elapsed, reason: .halfOpenMaxWait)
    }

    /// Closes if the completed probes' rates are under the thresholds, otherwise reopens.
    /// With no completed probes (only possible after max wait) it reopens.
    private mutating func decideHalfOpen(elapsed: Int64, reason: BreakerTransitionReason?) -> BreakerTransition? {
        let failed =
            probesCompleted == 0
            || Self.reaches(probeFailures, of: probesCompleted, threshold: config.failureRate)
            || Self.reaches(probeSlow, of: probesCompleted, threshold: config.slowCallRate)
        if failed {
            return open(elapsed: elapsed, reason: reason ?? .probesFailed)
        }
        consecutiveTrips = 0
        return moveTo(.closed, elapsed: elapsed, reason: reason ?? .probesSucceeded)
    }

    @usableFromInline
    mutating func open(elapsed: Int64, reason: BreakerTransitionReason) -> BreakerTransition? {
        consecutiveTrips += 1
        trips &+= 1
        currentOpenDuration = config.openDuration(forTrip: consecutiveTrips)
        openUntil = SaturatingMath.add(elapsed, currentOpenDuration.nanosecondsClamped)
        var transition = moveTo(.open, elapsed: elapsed, reason: reason)
        transition?.openFor = currentOpenDuration
        return transition
    }

    private mutating func moveTo(_ next: CircuitState, elapsed: Int64, reason: BreakerTransitionReason)
        -> BreakerTransition?
    {
        let previous = state
        generation &+= 1
        if generation >= 1 << 62 { generation = 0 }
        state = next
        stateSince = elapsed
        consecutiveFailureCount = 0
        window.reset()
        guard previous != next || next == .open else { return nil }
        return BreakerTransition(from: previous, to: next, reason: reason)
    }

    private static func reaches(_ part: Int, of total: Int, threshold: Double) -> Bool {
        guard total > 0 else { return false }
        let clamped = min(max(threshold, 0), 100)
        return Double(part) * 100 >= clamped * Double(total)
    }

    private static func percent(_ part: Int, of total: Int) -> Double {
        total > 0 ? Double(part) * 100 / Double(total) : 0
    }
}
