import FlotillaResilience

/// How an orchestrator schedules and recovers sagas.
public struct SagaConfiguration: Sendable {
    /// Sagas driven at once; more wait in a FIFO queue (they are already persisted). Default 16.
    public var maxConcurrent: Int
    /// Recovery takes over only unfinished sagas not updated for at least this long (wall clock).
    /// Zero (the default) takes every unfinished saga: right for a single instance. With several
    /// instances on one database, set it above the longest step timeout plus backoff, so a live
    /// instance's saga is never taken over (the optimistic version still lets only one writer win).
    public var staleAfter: Duration
    /// How often ``SagaOrchestrator/run()`` looks for stale unfinished sagas after the start-up
    /// recovery (sagas of an instance that died); nil (the default) recovers at start-up only.
    public var sweepInterval: Duration?
    /// Jitter of backoff delays; inject `RandomSource { 1 }` (full ceiling) or `{ 0 }` in tests.
    public var random: RandomSource
    /// Receives every ``SagaEvent`` (metrics, logs); called on the saga's task, so keep it quick.
    public var onEvent: (@Sendable (SagaEvent) -> Void)?

    /// Creates a configuration; every parameter has the documented default.
    public init(
        maxConcurrent: Int = 16, staleAfter: Duration = .zero, sweepInterval: Duration? = nil,
        random: RandomSource = .system, onEvent: (@Sendable (SagaEvent) -> Void)? = nil
    ) {
        self.maxConcurrent = maxConcurrent
        self.staleAfter = staleAfter
        self.sweepInterval = sweepInterval
        self.random = random
        self.onEvent = onEvent
    }
}
