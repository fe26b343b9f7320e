/// A point-in-time view of a bulkhead for the dashboard.
public struct BulkheadSnapshot: Sendable, Hashable {
    /// Running totals since creation.
    public struct Counters: Sendable, Hashable {
        /// Calls that got a slot.
        public var admitted: UInt64 = 0
        /// Calls rejected because the queue was full.
        public var rejected: UInt64 = 0
        /// Calls that gave up after `queueTimeout`.
        public var timedOut: UInt64 = 0

        /// Creates zeroed counters.
        public init() {}
    }

    /// Slot count.
    public var maxConcurrent: Int
    /// Queue capacity.
    public var maxQueue: Int
    /// Calls holding a slot now.
    public var running: Int
    /// Calls waiting now.
    public var queued: Int
    /// Totals.
    public var counters: Counters

    /// Creates a snapshot.
    public init(maxConcurrent: Int, maxQueue: Int, running: Int, queued: Int, counters: Counters) {
        self.maxConcurrent = maxConcurrent
        self.maxQueue = maxQueue
        self.running = running
        self.queued = queued
        self.counters = counters
    }
}
