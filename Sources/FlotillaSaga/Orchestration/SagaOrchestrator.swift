import FlotillaResilience
import Foundation
import Synchronization

/// Runs the instances of one saga definition: persists each one through a ``SagaStore`` before and
/// after every step, retries, compensates, recovers what a crash left, and bounds concurrency.
///
/// ```swift
/// let orchestrator = try SagaOrchestrator(
///     definition: placeOrder, store: store, clock: ContinuousClock(), wallClock: { Date() })
/// // a background service runs it; the kit's `host.addSagas(orchestrator)` does this
/// try await orchestrator.run()
/// // request handlers submit sagas (persisted before this returns) and may wait for the outcome
/// try await orchestrator.submit(id: order.id, state: OrderSaga(order: order))
/// let outcome = try await orchestrator.outcome(of: order.id)
/// ```
///
/// ``run()`` first recovers every unfinished saga (see ``SagaMove`` for what each persisted state
/// leads to), then drives queued sagas, at most ``SagaConfiguration/maxConcurrent`` at once, as child
/// tasks of its own task group. ``stop()`` lets each saga finish (and persist) the call in progress,
/// starts nothing new, and makes ``run()`` return; unfinished sagas are recovered on the next start.
public final class SagaOrchestrator<State: Codable & Sendable, C: Clock<Duration>>: Sendable {
    /// The saga's definition.
    public let definition: SagaDefinition<State>
    /// Scheduling and recovery settings.
    public let configuration: SagaConfiguration
    let environment: SagaEnvironment<C>
    let queue = SagaQueue()
    private let tally = SagaTally()
    private let started = Atomic<Bool>(false)

    /// Creates an orchestrator; `clock` times steps and backoff, `wallClock` stamps the persisted records.
    /// - Throws: ``SagaDefinitionError`` for an invalid definition or concurrency limit.
    public init(
        definition: SagaDefinition<State>, store: any SagaStore, clock: C, wallClock: @escaping @Sendable () -> Date,
        configuration: SagaConfiguration = SagaConfiguration()
    ) throws(SagaDefinitionError) {
        try definition.validate()
        guard configuration.maxConcurrent >= 1 else {
            throw .invalidConcurrency(saga: definition.name, limit: configuration.maxConcurrent)
        }
        self.definition = definition
        self.configuration = configuration
        let tally = self.tally
        let sink = configuration.onEvent
        environment = SagaEnvironment(
            store: store, clock: clock, wallClock: wallClock, random: configuration.random, stop: StopSignal(),
            emit: { event in
                tally.record(event)
                sink?(event)
            })
    }

    /// The definition's name.
    public var name: String { definition.name }

    /// Persists a new saga (every step pending) and queues it; returns once it is persisted, so a crash
    /// from here on is recovered. `id` is the caller's (e.g. the order id): one saga per id.
    /// - Throws: ``SagaStoreError/duplicate(id:)`` for a known id, ``SagaOrchestratorError/stopped(saga:)``
    ///   after ``stop()``, or the store's error.
    public func submit(id: String, state: State) async throws {
        guard !environment.stop.isRaised else { throw SagaOrchestratorError.stopped(saga: name) }
        let now = environment.wallClock()
        let steps = definition.steps.enumerated().map { index, step in
            SagaStepRecord(
                index: index, name: step.name, state: .pending, attempts: 0,
                idempotencyKey: SagaContext.actionKey(sagaID: id, step: step.name), startedAt: nil, finishedAt: nil,
                lastError: nil)
        }
        let record = SagaRecord(
            id: id, name: name, phase: .running, currentStep: 0, payload: try SagaPayload.encode(state), version: 0,
            createdAt: now, updatedAt: now, steps: steps)
        try await environment.store.create(record)
        environment.emit(.submitted(saga: name, id: id))
        queue.enqueue(record)
    }

    /// Waits until the saga finishes and returns how it ended. Returns at once for a finished saga.
    /// - Throws: ``SagaOrchestratorError/unknownSaga(saga:id:)``, or
    ///   ``SagaOrchestratorError/notFinished(saga:id:phase:)`` when it is not driven here or stopped unfinished.
    public func outcome(of id: String) async throws -> SagaOutcome<State> {
        var record: SagaRecord?
        switch await queue.waitForFinish(of: id) {
        case .finished(let terminal): record = terminal
        case .untracked: break
        }
        if record == nil { record = try await environment.store.load(id: id) }
        guard let record else { throw SagaOrchestratorError.unknownSaga(saga: name, id: id) }
        let state = try? SagaPayload.decode(State.self, from: record.payload)
        let reason = record.lastError ?? ""
        switch (record.phase, state) {
        case (.completed, let state?): return .completed(state)
        case (.compensated, let state?): return .compensated(state, reason: reason)
        case (.failed, let state): return .failed(state, reason: reason)
        case (.completed, nil), (.compensated, nil):
            return .failed(nil, reason: "saga state does not decode as \(State.self)")
        case (.running, _), (.compensating, _):
            throw SagaOrchestratorError.notFinished(saga: name, id: id, phase: record.phase)
        }
    }

    /// Recovers unfinished sagas, then drives queued sagas until ``stop()`` or cancellation. Returns
    /// once every saga in progress reached a safe point (its current call finished and was persisted).
    /// - Throws: ``SagaOrchestratorError/alreadyRunning(saga:)`` on a second call, or the store's error
    ///   from the start-up recovery.
    public func run() async throws {
        guard !started.exchange(true, ordering: .acquiringAndReleasing) else {
            throw SagaOrchestratorError.alreadyRunning(saga: name)
        }
        guard !environment.stop.isRaised else { return }
        try await recover()
        await withTaskGroup(of: Void.self) { group in
            if let interval = configuration.sweepInterval {
                group.addTask { await self.sweep(every: interval) }
            }
            await dispatch()
            stop()
        }
    }

    /// Stops at a safe point: no new call starts, backoff sleeps end, queued sagas stay in the store,
    /// and ``run()`` returns once the calls in progress are persisted. Waiters of ``outcome(of:)`` for
    /// sagas left unfinished get ``SagaOrchestratorError/notFinished(saga:id:phase:)``.
    public func stop() {
        environment.stop.raise()
        queue.close()
    }

    /// The cumulative counters and current load.
    public func counters() -> SagaCounters {
        let (queued, running) = queue.counts
        var counters = tally.current
        counters.queued = queued
        counters.running = running
        return counters
    }

    /// Takes one queued saga at a time and drives it in a child task, never more than `maxConcurrent` at once.
    private func dispatch() async {
        let limit = configuration.maxConcurrent
        await withTaskGroup(of: Void.self) { group in
            var running = 0
            while true {
                if running == limit {
                    await group.next()
                    running -= 1
                }
                guard let record = await queue.next() else { break }
                running += 1
                group.addTask { await self.drive(record) }
            }
        }
    }

    private func drive(_ record: SagaRecord) async {
        let run = SagaRun(record: record, definition: definition, environment: environment)
        queue.finish(id: record.id, with: await run.drive())
    }
}
