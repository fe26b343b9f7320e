import Synchronization

/// Sagas waiting to be driven (FIFO), the ids being driven, and callers waiting for outcomes.
///
/// One consumer (the orchestrator's dispatcher) takes records with ``next()``; a saga id is tracked
/// from ``enqueue(_:)`` until ``finish(id:with:)``, so the same saga is never driven twice at once by
/// this instance.
final class SagaQueue: Sendable {
    private struct State {
        var pending: [SagaRecord] = []
        var tracked: Set<String> = []
        var running = 0
        var closed = false
        var consumer: CheckedContinuation<SagaRecord?, Never>?
        var nextWaiterID: UInt64 = 0
        var waiters: [String: [UInt64: CheckedContinuation<WaitResult, Never>]] = [:]
    }

    private let state = Mutex(State())

    /// Sagas queued and running.
    var counts: (queued: Int, running: Int) { state.withLock { ($0.pending.count, $0.running) } }

    /// Whether the saga is queued or running here.
    func isTracked(_ id: String) -> Bool { state.withLock { $0.tracked.contains(id) } }

    /// Queues a saga; `false` (nothing queued) when it is already tracked or the queue is closed.
    @discardableResult
    func enqueue(_ record: SagaRecord) -> Bool {
        let (accepted, consumer) = state.withLock { state -> (Bool, CheckedContinuation<SagaRecord?, Never>?) in
            guard !state.closed, state.tracked.insert(record.id).inserted else { return (false, nil) }
            guard let consumer = state.consumer else {
                state.pending.append(record)
                return (true, nil)
            }
            state.consumer = nil
            state.running += 1
            return (true, consumer)
        }
        consumer?.resume(returning: record)
        return accepted
    }

    /// The next saga to drive, oldest queued first; nil once closed or when the task is cancelled.
    func next() async -> SagaRecord? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<SagaRecord?, Never>) in
                let immediate = state.withLock { state -> SagaRecord?? in
                    if state.closed || Task.isCancelled { return .some(nil) }
                    guard state.pending.isEmpty else {
                        state.running += 1
                        return state.pending.removeFirst()
                    }
                    state.consumer = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            state.withLock { state in
                defer { state.consumer = nil }
                return state.consumer
            }?.resume(returning: nil)
        }
    }

    /// Stops tracking a saga the dispatcher finished with; wakes its waiters with the terminal record,
    /// or nil when it stopped unfinished.
    func finish(id: String, with terminal: SagaRecord?) {
        let waiters = state.withLock { state in
            state.tracked.remove(id)
            state.running -= 1
            return state.waiters.removeValue(forKey: id).map { Array($0.values) } ?? []
        }
        for waiter in waiters { waiter.resume(returning: .finished(terminal)) }
    }

    /// Waits for a tracked saga to finish. Returns ``WaitResult/untracked`` at once when the saga is not
    /// queued or running here, and `.finished(nil)` when it stops unfinished or the task is cancelled.
    func waitForFinish(of id: String) async -> WaitResult {
        let waiterID = state.withLock { state -> UInt64 in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<WaitResult, Never>) in
                let immediate = state.withLock { state -> WaitResult? in
                    guard state.tracked.contains(id) else { return .untracked }
                    if Task.isCancelled { return .finished(nil) }
                    state.waiters[id, default: [:]][waiterID] = continuation
                    return nil
                }
                if let immediate { continuation.resume(returning: immediate) }
            }
        } onCancel: {
            state.withLock { $0.waiters[id]?.removeValue(forKey: waiterID) }?.resume(returning: .finished(nil))
        }
    }

    /// Closes the queue: the consumer gets nil, queued sagas are dropped (they stay in the store for
    /// recovery), waiters of queued sagas get nil.
    func close() {
        let (consumer, waiters) = state.withLock { state in
            state.closed = true
            for record in state.pending { state.tracked.remove(record.id) }
            let dropped = state.pending.flatMap { record in
                state.waiters.removeValue(forKey: record.id).map { Array($0.values) } ?? []
            }
            state.pending.removeAll()
            defer { state.consumer = nil }
            return (state.consumer, dropped)
        }
        consumer?.resume(returning: nil)
        for waiter in waiters { waiter.resume(returning: .finished(nil)) }
    }

    /// What ``waitForFinish(of:)`` saw.
    enum WaitResult: Sendable {
        /// The saga is not queued or running here.
        case untracked
        /// Its terminal record, or nil when it stopped unfinished.
        case finished(SagaRecord?)
    }
}
