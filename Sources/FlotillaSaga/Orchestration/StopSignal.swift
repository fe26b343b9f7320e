import Synchronization

/// A one-way "stop now" flag that sleeping work can wait on: the orchestrator raises it on shutdown so
/// backoff sleeps end at once instead of holding shutdown up.
final class StopSignal: Sendable {
    private struct State {
        var stopped = false
        var nextID: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    }

    private let state = Mutex(State())

    /// Whether ``raise()`` was called.
    var isRaised: Bool { state.withLock { $0.stopped } }

    /// Raises the flag and wakes every waiter. Later calls do nothing.
    func raise() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.stopped = true
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns once the flag is raised or the task is cancelled.
    func wait() async {
        let id = state.withLock { state -> UInt64 in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.stopped || Task.isCancelled { return true }
                    state.waiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
        }
    }

    /// Sleeps on `clock` until `deadline`; returns `false` early when the flag is raised or the task is
    /// cancelled, `true` when the deadline was reached.
    func sleep<C: Clock<Duration>>(until deadline: C.Instant, on clock: C) async -> Bool {
        guard !isRaised else { return false }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await clock.sleep(until: deadline, tolerance: nil)) != nil }
            group.addTask {
                await self.wait()
                return false
            }
            let slept = await group.next() ?? false
            group.cancelAll()
            return slept && !isRaised
        }
    }
}
