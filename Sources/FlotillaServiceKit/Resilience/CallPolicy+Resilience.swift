import FlotillaResilience
import FlotillaSpec

extension CallPolicy {
    /// The resilience kit's policy for this spec policy: field for field, with the deadline
    /// enforced by the transport (AsyncHTTPClient honours it) rather than by racing a timer task,
    /// which keeps the success path allocation-free.
    public var resiliencePolicy: ResiliencePolicy {
        ResiliencePolicy(
            timeout: timeout,
            retry: RetryConfig(
                attempts: retry.attempts,
                backoff: BackoffConfig(
                    initial: retry.initialBackoff, max: retry.maxBackoff, multiplier: retry.multiplier),
                budget: RetryBudgetConfig(ratio: retry.budgetRatio, minPerSecond: retry.budgetMinPerSecond)),
            breaker: CircuitBreakerConfig(
                failureRate: Double(breaker.failureRate), slowCallRate: Double(breaker.slowCallRate),
                slowCallDuration: breaker.slowCallDuration, minimumCalls: breaker.minimumCalls,
                window: breaker.window.resilienceWindow, consecutiveFailures: breaker.consecutiveFailures,
                openFor: breaker.openFor, maxOpenFor: breaker.maxOpenFor, halfOpenProbes: breaker.halfOpenProbes,
                halfOpenMaxWait: breaker.halfOpenMaxWait),
            bulkhead: BulkheadConfig(
                maxConcurrent: bulkhead.maxConcurrent, maxQueue: bulkhead.maxQueue, queueTimeout: bulkhead.queueTimeout),
            timeoutEnforcement: .deadlineOnly)
    }
}

extension BreakerPolicySpec.Window {
    var resilienceWindow: CircuitBreakerConfig.Window {
        switch self {
        case .count(let calls): .count(calls)
        case .time(let duration): .time(duration)
        }
    }
}
