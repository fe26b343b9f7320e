/// A point-in-time view of a circuit breaker for the dashboard and `/_flotilla/status`.
public struct CircuitBreakerSnapshot: Sendable, Hashable {
    /// Current state.
    public var state: CircuitState
    /// Failure rate over the window, percent (0 with no calls).
    public var failureRate: Double
    /// Slow-call rate over the window, percent (0 with no calls).
    public var slowCallRate: Double
    /// Calls in the window.
    public var calls: Int
    /// Failed calls in the window.
    public var failures: Int
    /// Slow calls in the window.
    public var slowCalls: Int
    /// Failures in a row (closed state).
    public var consecutiveFailures: Int
    /// Calls the window must hold before rates are evaluated.
    public var minimumCalls: Int
    /// Half-open probes admitted and not yet back.
    public var probesInFlight: Int
    /// Half-open probes completed so far.
    public var probesCompleted: Int
    /// When open: time until the next call is admitted as a probe.
    public var timeUntilProbe: Duration?
    /// When open: the duration of the current open period.
    public var currentOpenDuration: Duration?
    /// Trips since the breaker last closed from half-open (drives the open back-off).
    public var consecutiveTrips: Int
    /// Trips since creation.
    public var totalTrips: UInt64
    /// Calls rejected since creation.
    public var rejectedCalls: UInt64

    /// Creates a snapshot.
    public init(
        state: CircuitState, failureRate: Double, slowCallRate: Double, calls: Int, failures: Int,
        slowCalls: Int, consecutiveFailures: Int, minimumCalls: Int, probesInFlight: Int,
        probesCompleted: Int, timeUntilProbe: Duration?, currentOpenDuration: Duration?,
        consecutiveTrips: Int, totalTrips: UInt64, rejectedCalls: UInt64
    ) {
        self.state = state
        self.failureRate = failureRate
        self.slowCallRate = slowCallRate
        self.calls = calls
        self.failures = failures
        self.slowCalls = slowCalls
        self.consecutiveFailures = consecutiveFailures
        self.minimumCalls = minimumCalls
        self.probesInFlight = probesInFlight
        self.probesCompleted = probesCompleted
        self.timeUntilProbe = timeUntilProbe
        self.currentOpenDuration = currentOpenDuration
        self.consecutiveTrips = consecutiveTrips
        self.totalTrips = totalTrips
        self.rejectedCalls = rejectedCalls
    }
}
