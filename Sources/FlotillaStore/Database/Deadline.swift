import Synchronization

/// Runs `operation` but returns (throwing ``DatabaseError/timedOut(operation:after:)``) once `timeout`
/// passes, even if the operation ignores cancellation; the operation is cancelled and left to finish alone.
func withDeadline<R: Sendable>(
    _ timeout: Duration, operation name: String, _ operation: @escaping @Sendable () async throws -> R
) async throws -> R {
    let race = DeadlineRace<R>()
    return try await withCheckedThrowingContinuation { continuation in
        race.install(continuation)
        let work = Task {
            let result: Result<R, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            race.finish(result)
        }
        let timer = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            if race.finish(.failure(DatabaseError.timedOut(operation: name, after: timeout))) { work.cancel() }
        }
        race.onFinish { timer.cancel() }
    }
}

/// The one-shot meeting point of an operation and its timer: whoever finishes first resumes the caller.
private final class DeadlineRace<R: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<R, any Error>?
        var finished = false
        var cleanup: (@Sendable () -> Void)?
    }
    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<R, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Registers work to do once finished (immediately if already finished).
    func onFinish(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.finished { return true }
            state.cleanup = cleanup
            return false
        }
        if runNow { cleanup() }
    }

    /// Resumes the caller with `result` unless someone was first; returns whether this call won.
    @discardableResult
    func finish(_ result: Result<R, any Error>) -> Bool {
        let taken = state.withLock { state -> (CheckedContinuation<R, any Error>, (@Sendable () -> Void)?)? in
            guard !state.finished, let continuation = state.continuation else { return nil }
            state.finished = true
            state.continuation = nil
            let cleanup = state.cleanup
            state.cleanup = nil
            return (continuation, cleanup)
        }
        guard let (continuation, cleanup) = taken else { return false }
        continuation.resume(with: result)
        cleanup?()
        return true
    }
}
