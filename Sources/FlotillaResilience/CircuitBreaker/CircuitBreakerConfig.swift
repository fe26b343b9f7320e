/// Configuration of a circuit breaker; field names match the spec's `breaker:` block 1:1.
///
/// ```yaml
/// breaker: {failureRate: 50, slowCallRate: 100, slowCallDuration: 2s, minimumCalls: 20,
///           window: {type: count, size: 100}, consecutiveFailures: 5, openFor: 5s,
///           maxOpenFor: 60s, halfOpenProbes: 3, halfOpenMaxWait: 10s}
/// ```
///
/// Out-of-range values are clamped when a ``CircuitBreakerMachine`` is built: rates into
/// `0 ... 100`, counts to at least 1, durations to at least zero, `maxOpenFor` to at least
/// `openFor`, the multiplier to at least 1.
public struct CircuitBreakerConfig: Sendable, Hashable {
    /// The sliding window the failure and slow-call rates are computed over.
    public enum Window: Sendable, Hashable {
        /// The last `n` completed calls (spec `window: {type: count, size: n}`).
        case count(Int)
        /// Calls completed in the last `duration` (spec `window: {type: time, size: 30s}`),
        /// kept in ``CircuitBreakerConfig/timeWindowBuckets`` buckets: the window covers between
        /// `duration × (buckets − 1) / buckets` and `duration` of history.
        case time(Duration)
    }

    /// Trip when the failure rate, in percent, is at least this (inclusive). Default 50.
    public var failureRate: Double
    /// Trip when the slow-call rate, in percent, is at least this (inclusive). Default 100.
    public var slowCallRate: Double
    /// A call taking strictly longer than this is slow. Default 2 s. `nil` turns slow-call
    /// detection off (no call is slow, the slow-call rate stays 0), which lets the breaker skip
    /// timing the call: on a closed breaker with a count window it then reads no clock at all.
    public var slowCallDuration: Duration?
    /// Rates are only evaluated once the window holds at least this many calls. Default 20.
    /// For a count window larger than its size the window size is used instead.
    public var minimumCalls: Int
    /// The sliding window. Default `.count(100)`.
    public var window: Window
    /// Trip after this many failures in a row regardless of the rates; `nil` disables. Default nil.
    public var consecutiveFailures: Int?
    /// How long the breaker stays open after its first trip. Default 5 s.
    public var openFor: Duration
    /// Cap for the open duration as it backs off over repeated trips. Default 60 s.
    public var maxOpenFor: Duration
    /// Growth of the open duration per consecutive trip: trip `k` (1-based, reset when the breaker
    /// closes) stays open `min(maxOpenFor, openFor × openBackoffMultiplier^(k−1))`.
    /// Example with defaults: 5 s, 10 s, 20 s, 40 s, 60 s, 60 s … Default 2.
    public var openBackoffMultiplier: Double
    /// Probe calls admitted in half-open; all must complete before the breaker decides. Default 3.
    public var halfOpenProbes: Int
    /// Longest time half-open waits for its probes; then it decides on the probes that completed,
    /// or reopens if none did. Default 10 s.
    public var halfOpenMaxWait: Duration
    /// Number of buckets of a time window. Default 10.
    public var timeWindowBuckets: Int

    /// Creates a configuration; every parameter has the documented default.
    public init(
        failureRate: Double = 50,
        slowCallRate: Double = 100,
        slowCallDuration: Duration? = .seconds(2),
        minimumCalls: Int = 20,
        window: Window = .count(100),
        consecutiveFailures: Int? = nil,
        openFor: Duration = .seconds(5),
        maxOpenFor: Duration = .seconds(60),
        openBackoffMultiplier: Double = 2,
        halfOpenProbes: Int = 3,
        halfOpenMaxWait: Duration = .seconds(10),
        timeWindowBuckets: Int = 10
    ) {
        self.failureRate = failureRate
        self.slowCallRate = slowCallRate
        self.slowCallDuration = slowCallDuration
        self.minimumCalls = minimumCalls
        self.window = window
        self.consecutiveFailures = consecutiveFailures
        self.openFor = openFor
        self.maxOpenFor = maxOpenFor
        self.openBackoffMultiplier = openBackoffMultiplier
        self.halfOpenProbes = halfOpenProbes
        self.halfOpenMaxWait = halfOpenMaxWait
        self.timeWindowBuckets = timeWindowBuckets
    }

    /// The open duration of trip number `trip` (1-based):
    /// `min(maxOpenFor, openFor × openBackoffMultiplier^(trip−1))`.
    ///
    /// Example: `openFor 5s, multiplier 2, maxOpenFor 60s` → trip 3 stays open 20 s, trip 6 60 s.
    public func openDuration(forTrip trip: Int) -> Duration {
        let base = max(openFor, .zero)
        let cap = max(maxOpenFor, base)
        let multiplier = max(openBackoffMultiplier, 1)
        var duration = base
        var step = 1
        while step < trip, duration < cap {
            duration = duration * multiplier
            step += 1
        }
        return min(duration, cap)
    }
}
