import Synchronization

/// A thread-safe bulkhead: a ``BulkheadMachine`` behind a `Mutex`, with queue timeouts on `clock`.
///
/// ```swift
/// let bulkhead = Bulkhead(name: "products", config: .init(maxConcurrent: 64), clock: ContinuousClock())
/// let value = try await bulkhead.run { try await client.send(request) }
/// ```
///
/// The fast path (a slot free) is one lock to take the slot and one to give it back; it does not
/// allocate, and it is `@inlinable` (no async call of its own), so it is specialised into callers. A queued call waits on a continuation while a child task sleeps `queueTimeout`;
/// whichever of hand-off, timeout or cancellation comes first wins under the lock.
public final class Bulkhead<C: Clock<Duration>>: Sendable {
    @usableFromInline typealias Waiter = UnsafeContinuation<Void, any Error>

    /// The dependency this bulkhead protects.
    public let name: String
    /// The clock queue timeouts sleep on.
    public let clock: C
    @usableFromInline let machine: Mutex<BulkheadMachine<Waiter>>
    private let nextID = Atomic<UInt64>(0)

    /// Creates an empty bulkhead.
    public init(name: String, config: BulkheadConfig, clock: C) {
        self.name = name
        self.clock = clock
        self.machine = Mutex(BulkheadMachine(config: config))
    }

    /// The configuration in force.
    public var config: BulkheadConfig { machine.withLock { $0.config } }

    /// Runs `operation` holding a slot; throws ``ResilienceError/bulkheadFull(name:maxConcurrent:maxQueue:)``
    /// or ``ResilienceError/bulkheadQueueTimeout(name:waited:)`` if it cannot get one.
    @inlinable
    public func run<T>(_ operation: () async throws -> T) async throws -> T {
        if !tryAcquire() { try await acquireQueued() }
        defer { release() }
        return try await operation()
    }

    /// Takes a slot, waiting in the queue if needed. Pair every successful call with ``release()``.
    @inlinable
    public func acquire() async throws {
        if tryAcquire() { return }
        try await acquireQueued()
    }

    /// Takes a slot if one is free and nobody is queued, without waiting. Pair a `true` with
    /// ``release()``.
    @inlinable
    public func tryAcquire() -> Bool {
        machine.withLock { $0.tryAcquire() }
    }

    /// Gives a slot back (handing it to the oldest waiter, if any).
    @inlinable
    public func release() {
        let next = machine.withLock { $0.release() }
        next?.resume()
    }

    /// A status snapshot.
    public func snapshot() -> BulkheadSnapshot {
        machine.withLock { $0.snapshot() }
    }

    @usableFromInline
    func acquireQueued() async throws {
        let config = self.config
        if machine.withLock({ $0.isFull }) {
            throw ResilienceError.bulkheadFull(
                name: name, maxConcurrent: config.maxConcurrent, maxQueue: config.maxQueue)
        }
        let id = nextID.add(1, ordering: .relaxed).newValue
        let deadline = clock.now.advanced(by: config.queueTimeout)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await self.clock.sleep(until: deadline, tolerance: nil)
                self.expire(id: id, waited: config.queueTimeout)
            }
            defer { group.cancelAll() }
            try await waitForSlot(id: id, config: config)
        }
    }

    private func expire(id: UInt64, waited: Duration) {
        let waiter = machine.withLock { $0.timeOut(id: id) }
        waiter?.resume(throwing: ResilienceError.bulkheadQueueTimeout(name: name, waited: waited))
    }

    private func waitForSlot(id: UInt64, config: BulkheadConfig) async throws {
        try await withTaskCancellationHandler {
            try await withUnsafeThrowingContinuation { (continuation: Waiter) in
                let outcome: Result<Void, any Error>? = machine.withLock { machine in
                    if Task.isCancelled { return .failure(CancellationError()) }
                    switch machine.enqueue(id: id, waiter: continuation) {
                    case .acquired: return .success(())
                    case .queued: return nil
                    case .rejected:
                        return .failure(
                            ResilienceError.bulkheadFull(
                                name: name, maxConcurrent: config.maxConcurrent, maxQueue: config.maxQueue))
                    }
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter = machine.withLock { $0.cancel(id: id) }
            waiter?.resume(throwing: CancellationError())
        }
    }
}
