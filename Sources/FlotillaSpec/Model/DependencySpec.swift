/// A synchronous dependency of a service and the resilience policy its calls go through.
public struct DependencySpec: Sendable, Hashable {
    /// The service called.
    public var service: Located<String>
    /// How calls to it are protected.
    public var policy: CallPolicy
    /// True when the dependency comes from a route or saga step rather than `calls`.
    public var isImplicit: Bool = false
}

/// Resilience policy of calls to one dependency: timeout ∘ retry ∘ breaker ∘ bulkhead.
public struct CallPolicy: Sendable, Hashable {
    /// Deadline for the whole call, retries included.
    public var timeout: Duration
    /// Retries.
    public var retry: RetryPolicySpec
    /// Circuit breaker.
    public var breaker: BreakerPolicySpec
    /// Concurrency limit.
    public var bulkhead: BulkheadPolicySpec

    /// 2 s timeout and the defaults of each part.
    public static let `default` = CallPolicy(
        timeout: .seconds(2), retry: .default, breaker: .default(slowCallDuration: .seconds(2)), bulkhead: .default)
}

/// Retries with exponential backoff, full jitter and a retry budget.
public struct RetryPolicySpec: Sendable, Hashable {
    /// Total attempts including the first.
    public var attempts: Int
    /// Cap of the first backoff delay.
    public var initialBackoff: Duration
    /// Largest backoff delay.
    public var maxBackoff: Duration
    /// Growth of the delay cap per attempt.
    public var multiplier: Double
    /// Retries allowed per recent request.
    public var budgetRatio: Double
    /// Retries always allowed per second.
    public var budgetMinPerSecond: Int
    /// Whether non-idempotent requests may be retried.
    public var retriesUnsafeMethods: Bool
    /// Where the `retry` mapping is, if written.
    public var location: SourceLocation?

    /// 3 attempts, 50 ms → 1 s doubling backoff, budget 20 % + 10/s, idempotent requests only.
    public static let `default` = RetryPolicySpec(
        attempts: 3, initialBackoff: .milliseconds(50), maxBackoff: .seconds(1), multiplier: 2, budgetRatio: 0.2,
        budgetMinPerSecond: 10, retriesUnsafeMethods: false, location: nil)
}

/// Circuit breaker thresholds.
public struct BreakerPolicySpec: Sendable, Hashable {
    /// How the sliding window counts.
    public enum Window: Sendable, Hashable {
        /// The last N calls.
        case count(Int)
        /// The calls of the last period.
        case time(Duration)
    }

    /// Trip at this failure percentage (inclusive).
    public var failureRate: Int
    /// Trip at this slow-call percentage (inclusive).
    public var slowCallRate: Int
    /// A call slower than this is slow.
    public var slowCallDuration: Duration
    /// Calls in the window before the rates count.
    public var minimumCalls: Int
    /// The sliding window.
    public var window: Window
    /// Also trip after this many failures in a row.
    public var consecutiveFailures: Int?
    /// First open period; doubles on repeated trips.
    public var openFor: Duration
    /// Cap of the open period.
    public var maxOpenFor: Duration
    /// Probe calls admitted when half-open.
    public var halfOpenProbes: Int
    /// Longest wait for probes before deciding.
    public var halfOpenMaxWait: Duration
    /// Where the `breaker` mapping is, if written.
    public var location: SourceLocation?

    /// 50 % failures or 100 % slow calls over the last 100 calls (at least 20), open 5 s doubling
    /// to 60 s, 3 probes within 10 s.
    public static func `default`(slowCallDuration: Duration) -> BreakerPolicySpec {
        BreakerPolicySpec(
            failureRate: 50, slowCallRate: 100, slowCallDuration: slowCallDuration, minimumCalls: 20,
            window: .count(100), consecutiveFailures: nil, openFor: .seconds(5), maxOpenFor: .seconds(60),
            halfOpenProbes: 3, halfOpenMaxWait: .seconds(10), location: nil)
    }
}

/// Concurrency limit with a bounded queue.
public struct BulkheadPolicySpec: Sendable, Hashable {
    /// Calls in flight at once.
    public var maxConcurrent: Int
    /// Calls waiting for a slot.
    public var maxQueue: Int
    /// Longest wait for a slot.
    public var queueTimeout: Duration

    /// 64 in flight, 64 queued, 100 ms queue timeout.
    public static let `default` = BulkheadPolicySpec(maxConcurrent: 64, maxQueue: 64, queueTimeout: .milliseconds(100))
}
