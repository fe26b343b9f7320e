/// Configuration of retries; names match the spec's `retry:` block 1:1.
///
/// ```yaml
/// retry: {attempts: 3, backoff: {initial: 50ms, max: 2s, multiplier: 2},
///         budget: {ratio: 0.2, minPerSecond: 10}}
/// ```
public struct RetryConfig: Sendable, Hashable {
    /// Total attempts including the first (so `attempts: 3` means up to 2 retries). Default 3.
    public var attempts: Int
    /// Delay between attempts.
    public var backoff: BackoffConfig
    /// Cap on retries relative to traffic, so retries cannot amplify an outage.
    public var budget: RetryBudgetConfig
    /// Time limit of each attempt; `nil` for none (the overall timeout still applies). Default nil.
    public var perAttemptTimeout: Duration?

    /// Creates a configuration; every parameter has the documented default.
    public init(
        attempts: Int = 3, backoff: BackoffConfig = BackoffConfig(), budget: RetryBudgetConfig = RetryBudgetConfig(),
        perAttemptTimeout: Duration? = nil
    ) {
        self.attempts = attempts
        self.backoff = backoff
        self.budget = budget
        self.perAttemptTimeout = perAttemptTimeout
    }
}

/// Exponential backoff with full jitter (spec `backoff: {initial, max, multiplier}`).
///
/// Before retry `n` (1-based) the delay is drawn uniformly:
/// `delay(n) = random(0, min(max, initial × multiplier^(n−1)))`.
///
/// Example with `initial 50ms, max 2s, multiplier 2`: retry 1 waits 0–50 ms, retry 2 0–100 ms,
/// retry 3 0–200 ms, …, retry 7 and later 0–2 s.
public struct BackoffConfig: Sendable, Hashable {
    /// Ceiling of the first retry's delay. Default 50 ms.
    public var initial: Duration
    /// Largest ceiling. Default 2 s.
    public var max: Duration
    /// Growth of the ceiling per retry (values < 1 act as 1). Default 2.
    public var multiplier: Double

    /// Creates a configuration; every parameter has the documented default.
    public init(initial: Duration = .milliseconds(50), max: Duration = .seconds(2), multiplier: Double = 2) {
        self.initial = initial
        self.max = max
        self.multiplier = multiplier
    }

    /// The ceiling before retry `retry` (1-based): `min(max, initial × multiplier^(retry−1))`.
    public func ceiling(forRetry retry: Int) -> Duration {
        let base = Swift.max(initial, .zero)
        let cap = Swift.max(self.max, .zero)
        let growth = Swift.max(multiplier, 1)
        var ceiling = Swift.min(base, cap)
        var step = 1
        while step < retry, ceiling < cap {
            ceiling = Swift.min(ceiling * growth, cap)
            step += 1
        }
        return ceiling
    }

    /// The full-jitter delay before retry `retry` for a unit random value `unit ∈ [0, 1]`:
    /// `unit × ceiling(forRetry: retry)`. Always within `0 ... ceiling`.
    public func delay(forRetry retry: Int, unit: Double) -> Duration {
        let clamped = unit.isNaN ? 0 : Swift.min(Swift.max(unit, 0), 1)
        let ceiling = ceiling(forRetry: retry)
        return Swift.min(ceiling * clamped, ceiling)
    }
}

/// A retry budget (spec `budget: {ratio, minPerSecond}`), after Finagle's `RetryBudget` and
/// Envoy's retry budgets.
///
/// Over the sliding `window`, a retry is allowed iff
/// `retries + 1 ≤ ratio × requests + minPerSecond × window(seconds)`
/// where `requests` counts first attempts only. Example with the defaults (ratio 0.2,
/// minPerSecond 10, window 10 s): at 1 000 requests in the window, 200 + 100 = 300 retries; when
/// idle, the floor still allows 100, so a low-traffic client can retry at all.
public struct RetryBudgetConfig: Sendable, Hashable {
    /// Retries allowed per first attempt. Default 0.2.
    public var ratio: Double
    /// Retries per second always allowed (the floor). Default 10.
    public var minPerSecond: Int
    /// The sliding window, kept in 10 buckets. Default 10 s.
    public var window: Duration

    /// Creates a configuration; every parameter has the documented default.
    public init(ratio: Double = 0.2, minPerSecond: Int = 10, window: Duration = .seconds(10)) {
        self.ratio = ratio
        self.minPerSecond = minPerSecond
        self.window = window
    }
}
