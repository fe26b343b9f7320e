/// Configuration of a bulkhead (concurrency limiter); names match the spec's `bulkhead:` block.
///
/// ```yaml
/// bulkhead: {maxConcurrent: 64, maxQueue: 32, queueTimeout: 100ms}
/// ```
///
/// At most `maxConcurrent` calls run at once; up to `maxQueue` more wait in FIFO order, each at
/// most `queueTimeout`; anything beyond is rejected at once. Values < 1 for `maxConcurrent` act
/// as 1, negative `maxQueue` as 0.
public struct BulkheadConfig: Sendable, Hashable {
    /// Calls running at once. Default 64.
    public var maxConcurrent: Int
    /// Calls waiting for a slot. Default 32.
    public var maxQueue: Int
    /// Longest wait in the queue. Default 100 ms.
    public var queueTimeout: Duration

    /// Creates a configuration; every parameter has the documented default.
    public init(maxConcurrent: Int = 64, maxQueue: Int = 32, queueTimeout: Duration = .milliseconds(100)) {
        self.maxConcurrent = maxConcurrent
        self.maxQueue = maxQueue
        self.queueTimeout = queueTimeout
    }
}
