import FlotillaResilience
import Foundation

/// Drives one saga instance from its persisted record to a terminal phase, one ``SagaMove`` at a time.
/// Confined to the task that drives the saga.
final class SagaRun<State: Codable & Sendable, C: Clock<Duration>> {
    let definition: SagaDefinition<State>
    let environment: SagaEnvironment<C>
    private(set) var record: SagaRecord
    private var state: Result<State, any Error>

    init(record: SagaRecord, definition: SagaDefinition<State>, environment: SagaEnvironment<C>) {
        self.record = record
        self.definition = definition
        self.environment = environment
        self.state = Result { try SagaPayload.decode(State.self, from: record.payload) }
    }

    /// Drives the saga; returns its terminal record, or nil when it stopped unfinished (shutdown,
    /// cancellation, a lost version race or a store failure), leaving it to recovery.
    func drive() async -> SagaRecord? {
        do throws(SagaHalt) {
            while true {
                let move = SagaMove.next(for: record, in: definition)
                switch (move, state) {
                case (.finished, _): return record
                case (.incompatible(let reason), _): try await fail(reason, step: nil)
                case (_, .failure(let error)):
                    try await fail("saga state does not decode: \(SagaPayload.describe(error))", step: nil)
                case (_, .success(let current)): try await perform(move, current)
                }
            }
        } catch {
            if case .abandoned(let reason) = error {
                environment.emit(.abandoned(saga: record.name, id: record.id, reason: reason))
            }
            return nil
        }
    }

    private func perform(_ move: SagaMove, _ current: State) async throws(SagaHalt) {
        switch move {
        case .finished, .incompatible: return
        case .runStep(let index): try await runStep(index, current)
        case .giveUpStep(let index):
            try await failStep(
                index, "interrupted by a restart with its outcome unknown, and not marked rerunOnRecovery")
        case .compensate(let index): try await compensate(index, current)
        case .runHook(let hook): try await finish(with: hook, current)
        }
    }

    private func runStep(_ index: Int, _ current: State) async throws(SagaHalt) {
        let step = definition.steps[index]
        let result = try await call(.action(index), policy: step.retry, timeout: step.timeout, classify: step.classify)
        {
            context in
            var next = current
            try await step.action(&next, context)
            return (next, try SagaPayload.encode(next))
        }
        switch result {
        case .succeeded(let (next, payload)):
            state = .success(next)
            try await write(step: index) { record, now in
                record.payload = payload
                record.currentStep = index + 1
                record.steps[index].state = .succeeded
                record.steps[index].finishedAt = now
            }
        case .failed(let message): try await failStep(index, message)
        }
    }

    /// Records step `index` failed and turns the saga to compensating, in one write.
    private func failStep(_ index: Int, _ message: String) async throws(SagaHalt) {
        let reason = "\(definition.steps[index].name): \(message)"
        try await write(step: index) { record, now in
            record.phase = .compensating
            record.lastError = reason
            record.steps[index].state = .failed
            record.steps[index].finishedAt = now
            record.steps[index].lastError = message
        }
    }

    private func compensate(_ index: Int, _ current: State) async throws(SagaHalt) {
        let step = definition.steps[index]
        guard let compensation = step.compensation else { return }
        let result = try await call(
            .compensation(index), policy: step.compensationRetry, timeout: step.timeout, classify: step.classify
        ) { context in try await compensation(current, context) }
        switch result {
        case .succeeded:
            try await write(step: index) { record, now in
                record.steps[index].state = .compensated
                record.steps[index].finishedAt = now
            }
        case .failed(let message):
            try await fail("compensation of \(step.name) gave up: \(message)", step: index)
        }
    }

    /// Runs `onCompleted` or `onCompensated` (if defined), then writes the terminal phase.
    private func finish(with hook: SagaHook, _ current: State) async throws(SagaHalt) {
        let body = hook == .completed ? definition.onCompleted : definition.onCompensated
        if let body {
            let result = try await call(
                .hook(hook), policy: definition.hookRetry, timeout: definition.hookTimeout,
                classify: SagaFailureKind.classifyDefault
            ) { context in try await body(current, context) }
            if case .failed(let message) = result {
                try await fail("hook \(hook.rawValue) gave up: \(message)", step: nil)
                return
            }
        }
        let phase: SagaPhase = hook == .completed ? .completed : .compensated
        try await write(step: nil) { record, now in
            record.phase = phase
            record.finishedAt = now
        }
        environment.emit(.finished(saga: record.name, id: record.id, phase: phase, reason: record.lastError))
    }

    /// Marks the saga failed (needs an operator), after giving `onFailed` one best-effort attempt.
    private func fail(_ reason: String, step index: Int?) async throws(SagaHalt) {
        if let onFailed = definition.onFailed, case .success(let current) = state {
            _ = try await call(
                .hook(.failed), policy: .once, timeout: definition.hookTimeout,
                classify: SagaFailureKind.classifyDefault
            ) { context in try await onFailed(current, context) }
        }
        try await write(step: index) { record, now in
            record.phase = .failed
            record.finishedAt = now
            record.lastError = reason
            if let index {
                record.steps[index].state = .compensationFailed
                record.steps[index].finishedAt = now
            }
        }
        environment.emit(.finished(saga: record.name, id: record.id, phase: .failed, reason: reason))
    }

    /// Applies `change` to a copy of the record and persists it as the next version; the record is
    /// replaced only once the store accepted it.
    func write(step: Int?, _ change: (inout SagaRecord, Date) -> Void) async throws(SagaHalt) {
        var next = record
        let now = environment.wallClock()
        change(&next, now)
        next.updatedAt = now
        next.version = record.version + 1
        do {
            try await environment.store.update(next, step: step, expectedVersion: record.version)
        } catch {
            if Task.isCancelled { throw .stopped }
            throw .abandoned(SagaPayload.describe(error))
        }
        record = next
    }
}
