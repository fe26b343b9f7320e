/// A point-in-time view of one dependency's pipeline for the dashboard.
public struct PipelineSnapshot: Sendable, Hashable {
    /// The dependency.
    public var name: String
    /// The breaker, if configured.
    public var breaker: CircuitBreakerSnapshot?
    /// The bulkhead, if configured.
    public var bulkhead: BulkheadSnapshot?
    /// The retry budget, if retries are configured.
    public var retry: RetrySnapshot?

    /// Creates a snapshot.
    public init(
        name: String, breaker: CircuitBreakerSnapshot?, bulkhead: BulkheadSnapshot?, retry: RetrySnapshot?
    ) {
        self.name = name
        self.breaker = breaker
        self.bulkhead = bulkhead
        self.retry = retry
    }
}
