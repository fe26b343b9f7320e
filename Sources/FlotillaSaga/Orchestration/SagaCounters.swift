import Synchronization

/// Cumulative counts of one orchestrator since it was created, plus its current load; the kit maps them
/// to metrics (`flotilla_sagas_total{saga,outcome}`, `flotilla_sagas_in_flight{saga}`).
public struct SagaCounters: Sendable, Hashable {
    /// Sagas submitted.
    public var submitted = 0
    /// Unfinished sagas taken over by recovery.
    public var recovered = 0
    /// Sagas that completed.
    public var completed = 0
    /// Sagas that were compensated.
    public var compensated = 0
    /// Sagas that failed and need an operator.
    public var failed = 0
    /// Sagas left unfinished after a version conflict or a store error.
    public var abandoned = 0
    /// Retried attempts of actions, compensations and hooks.
    public var retries = 0
    /// Sagas being driven now.
    public var running = 0
    /// Sagas waiting for a free slot.
    public var queued = 0

    /// All zero.
    public init() {}

    /// Counts `event` in.
    mutating func record(_ event: SagaEvent) {
        switch event {
        case .submitted: submitted += 1
        case .recovered: recovered += 1
        case .retrying: retries += 1
        case .callFinished, .recoveryFailed: break
        case .finished(_, _, let phase, _):
            switch phase {
            case .completed: completed += 1
            case .compensated: compensated += 1
            case .failed: failed += 1
            case .running, .compensating: break
            }
        case .abandoned: abandoned += 1
        }
    }
}

/// The orchestrator's ``SagaCounters``, shared by its event sink and ``SagaOrchestrator/counters()``.
final class SagaTally: Sendable {
    private let counters = Mutex(SagaCounters())

    /// Counts `event` in.
    func record(_ event: SagaEvent) { counters.withLock { $0.record(event) } }

    /// The counts so far.
    var current: SagaCounters { counters.withLock { $0 } }
}
