/// The breaker's answer to ``CircuitBreakerMachine/acquire(at:)``.
public struct BreakerDecision: Sendable, Hashable {
    /// Present when the call may proceed; hand it back to `record`.
    public var permit: BreakerPermit?
    /// Present when the call is rejected.
    public var rejection: BreakerRejection?
    /// A state change this request caused (open → half-open, or a half-open max-wait decision).
    public var transition: BreakerTransition?

    /// An admission.
    @inlinable
    public init(permit: BreakerPermit) {
        self.permit = permit
    }

    /// A rejection.
    @inlinable
    public init(rejection: BreakerRejection) {
        self.rejection = rejection
    }
}

/// Proof of admission; outcomes recorded with a permit from an earlier state are discarded.
public struct BreakerPermit: Sendable, Hashable {
    /// The state generation the call was admitted in.
    public var generation: UInt64
    /// Whether the call is a half-open probe.
    public var isProbe: Bool

    /// Creates a permit.
    @inlinable
    public init(generation: UInt64, isProbe: Bool) {
        self.generation = generation
        self.isProbe = isProbe
    }
}

/// Why a call was rejected and when to come back.
public struct BreakerRejection: Sendable, Hashable {
    /// The state that rejected the call.
    public var state: CircuitState
    /// Time until the breaker next admits a probe, if known.
    public var retryAfter: Duration?

    /// Creates a rejection.
    public init(state: CircuitState, retryAfter: Duration?) {
        self.state = state
        self.retryAfter = retryAfter
    }
}
