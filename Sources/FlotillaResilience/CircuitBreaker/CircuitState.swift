/// The state of a circuit breaker.
///
/// ```text
///            trip (rate ≥ threshold, N consecutive failures, manual trip)
///   closed ─────────────────────────────────────────────▶ open
///     ▲                                                    │ open duration elapsed
///     │ all probes done, rates < thresholds                ▼ (checked on the next call)
///     └───────────────────────────────────────────── half-open
///                      probes' rates ≥ threshold, or none back within max wait ──▶ open (longer)
///
///   forcedOpen: rejects everything until reset.   disabled: admits everything, records nothing.
///   reset: any state ──▶ closed.
/// ```
public enum CircuitState: String, Sendable, Hashable, CaseIterable {
    /// Calls flow; outcomes are recorded in the sliding window.
    case closed
    /// Calls are rejected until the open duration elapses.
    case open
    /// A fixed number of probe calls are admitted to test the dependency.
    case halfOpen = "half-open"
    /// Manually held open: rejects every call until ``CircuitBreaker/reset()``.
    case forcedOpen = "forced-open"
    /// Manually disabled: admits every call and records nothing.
    case disabled
}

/// Why a circuit breaker changed state.
public enum BreakerTransitionReason: String, Sendable, Hashable {
    /// The failure rate reached its threshold.
    case failureRate
    /// The slow-call rate reached its threshold.
    case slowCallRate
    /// The configured number of consecutive failures was reached.
    case consecutiveFailures
    /// The open duration elapsed; probing starts.
    case openDurationElapsed
    /// Every probe completed and the rates were under their thresholds.
    case probesSucceeded
    /// The probes' failure or slow-call rate reached its threshold.
    case probesFailed
    /// Half-open waited `halfOpenMaxWait`; decided on the probes seen (reopens if none).
    case halfOpenMaxWait
    /// Manually tripped, forced open, disabled or reset.
    case manual
}

/// One state change, emitted on the breaker's event stream and callback.
public struct BreakerTransition: Sendable, Hashable {
    /// The state before.
    public var from: CircuitState
    /// The state after.
    public var to: CircuitState
    /// Why it changed.
    public var reason: BreakerTransitionReason
    /// For a transition to `open`: how long it stays open.
    public var openFor: Duration?

    /// Creates a transition record.
    public init(from: CircuitState, to: CircuitState, reason: BreakerTransitionReason, openFor: Duration? = nil) {
        self.from = from
        self.to = to
        self.reason = reason
        self.openFor = openFor
    }
}
