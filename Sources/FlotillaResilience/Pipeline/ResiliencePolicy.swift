/// The resilience policy of one dependency, as the spec writes it:
///
/// ```yaml
/// dependencies:
///   payments:
///     timeout: 2s
///     retry: {attempts: 3, backoff: {initial: 50ms, max: 2s, multiplier: 2}, budget: {ratio: 0.2, minPerSecond: 10}}
///     breaker: {failureRate: 50, minimumCalls: 20, window: {type: count, size: 100}, openFor: 5s}
///     bulkhead: {maxConcurrent: 64, maxQueue: 32, queueTimeout: 100ms}
/// ```
///
/// Every part is optional; a `nil` part is left out of the pipeline.
public struct ResiliencePolicy: Sendable, Hashable {
    /// Overall time limit of a call, including every retry and backoff. Default 2 s.
    public var timeout: Duration?
    /// Retry rules. Default ``RetryConfig/init(attempts:backoff:budget:perAttemptTimeout:)`` defaults.
    public var retry: RetryConfig?
    /// Circuit breaker. Default ``CircuitBreakerConfig`` defaults.
    public var breaker: CircuitBreakerConfig?
    /// Bulkhead. Default ``BulkheadConfig`` defaults.
    public var bulkhead: BulkheadConfig?
    /// How `timeout` and the per-attempt timeout are enforced. Default `.race`.
    public var timeoutEnforcement: TimeoutEnforcement

    /// Creates a policy; every part has the documented default.
    public init(
        timeout: Duration? = .seconds(2), retry: RetryConfig? = RetryConfig(),
        breaker: CircuitBreakerConfig? = CircuitBreakerConfig(), bulkhead: BulkheadConfig? = BulkheadConfig(),
        timeoutEnforcement: TimeoutEnforcement = .race
    ) {
        self.timeout = timeout
        self.retry = retry
        self.breaker = breaker
        self.bulkhead = bulkhead
        self.timeoutEnforcement = timeoutEnforcement
    }
}
