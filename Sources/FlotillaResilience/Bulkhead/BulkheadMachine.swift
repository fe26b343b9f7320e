/// The bulkhead as a pure state machine, generic over what a queued waiter is (the executor
/// stores continuations; tests store plain values).
///
/// Invariants: `running ≤ maxConcurrent`, `queued ≤ maxQueue`, and a waiter is queued only while
/// every slot is taken. `release()` hands the freed slot straight to the oldest waiter, so
/// `running` does not drop and rise again and no newcomer can overtake the queue.
public struct BulkheadMachine<Waiter: Sendable>: Sendable {
    /// Result of ``enqueue(id:waiter:)``.
    public enum EnqueueResult: Sendable {
        /// A slot was free after all: run now (the waiter is handed back).
        case acquired(Waiter)
        /// Queued; wait for ``release()`` to hand it a slot, or time out / cancel by id.
        case queued
        /// Queue full: reject (the waiter is handed back).
        case rejected(Waiter)
    }

    /// The configuration in force.
    public let config: BulkheadConfig
    @usableFromInline let maxConcurrent: Int
    private let maxQueue: Int
    @usableFromInline var queue: [(id: UInt64, waiter: Waiter)] = []
    /// Calls holding a slot.
    public var running: Int { runningCount }
    @usableFromInline var runningCount = 0
    @usableFromInline var counters = BulkheadSnapshot.Counters()

    /// Creates an empty bulkhead.
    public init(config: BulkheadConfig) {
        self.config = config
        self.maxConcurrent = max(config.maxConcurrent, 1)
        self.maxQueue = max(config.maxQueue, 0)
        queue.reserveCapacity(maxQueue)
    }

    /// Calls waiting for a slot.
    public var queued: Int { queue.count }

    /// Takes a slot if one is free and nobody is queued (fast path; no waiter needed).
    @inlinable
    public mutating func tryAcquire() -> Bool {
        guard runningCount < maxConcurrent, queue.isEmpty else { return false }
        runningCount += 1
        counters.admitted &+= 1
        return true
    }

    /// Whether a new caller would be rejected outright (all slots taken and the queue full).
    public var isFull: Bool { running >= maxConcurrent && queue.count >= maxQueue }

    /// Takes a slot, queues the waiter, or rejects it.
    public mutating func enqueue(id: UInt64, waiter: Waiter) -> EnqueueResult {
        if tryAcquire() { return .acquired(waiter) }
        guard queue.count < maxQueue else {
            counters.rejected &+= 1
            return .rejected(waiter)
        }
        queue.append((id, waiter))
        return .queued
    }

    /// Frees a slot. Returns the oldest waiter, which now owns that slot and must be resumed.
    @inlinable
    public mutating func release() -> Waiter? {
        if queue.isEmpty {
            runningCount = max(runningCount - 1, 0)
            return nil
        }
        return handOff()
    }

    @usableFromInline
    mutating func handOff() -> Waiter? {
        counters.admitted &+= 1
        return queue.removeFirst().waiter
    }

    /// Removes a queued waiter that timed out; `nil` if it already got a slot.
    public mutating func timeOut(id: UInt64) -> Waiter? {
        guard let waiter = remove(id: id) else { return nil }
        counters.timedOut &+= 1
        return waiter
    }

    /// Removes a queued waiter whose task was cancelled; `nil` if it already got a slot.
    public mutating func cancel(id: UInt64) -> Waiter? {
        remove(id: id)
    }

    /// A status snapshot.
    public func snapshot() -> BulkheadSnapshot {
        BulkheadSnapshot(
            maxConcurrent: maxConcurrent, maxQueue: maxQueue, running: running, queued: queue.count,
            counters: counters)
    }

    private mutating func remove(id: UInt64) -> Waiter? {
        guard let index = queue.firstIndex(where: { $0.id == id }) else { return nil }
        return queue.remove(at: index).waiter
    }
}
