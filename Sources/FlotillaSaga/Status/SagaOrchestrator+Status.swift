import FlotillaContracts
import Foundation

extension SagaOrchestrator {
    /// The status section for this saga, read from the store (so it includes sagas of every instance
    /// sharing the database): up to `limit` sagas in flight, oldest first, with each step's state,
    /// attempts and time spent; the in-flight count and age of the oldest; and how many sagas completed,
    /// were compensated, or failed and need an operator.
    public func summary(limit: Int = 20) async throws -> SagaSummary {
        let store = environment.store
        let now = environment.wallClock()
        let counts = try await store.countByPhase(name: name)
        let inFlight = try await store.loadUnfinished(name: name, updatedBefore: nil, limit: limit)
        return SagaSummary(
            inFlight: inFlight.map { Self.status(of: $0, now: now) },
            inFlightCount: counts[.running, default: 0] + counts[.compensating, default: 0],
            completed: counts[.completed, default: 0], compensated: counts[.compensated, default: 0],
            failed: counts[.failed, default: 0],
            oldestInFlightSeconds: inFlight.map(\.createdAt).min().map { max(0, now.timeIntervalSince($0)) })
    }

    /// One saga in flight as the status contract shows it; a step's duration runs from its first attempt
    /// to its last finish, or to `now` while it is running or compensating.
    static func status(of record: SagaRecord, now: Date) -> SagaInstanceStatus {
        SagaInstanceStatus(
            id: record.id, saga: record.name, phase: record.phase.rawValue, startedAt: record.createdAt,
            steps: record.steps.map { step in
                let end = step.state == .running || step.state == .compensating ? now : step.finishedAt
                let duration = step.startedAt.flatMap { start in end.map { max(0, $0.timeIntervalSince(start)) * 1_000 }
                }
                return SagaStepStatus(
                    name: step.name, state: step.state.rawValue, attempts: step.attempts, durationMilliseconds: duration
                )
            })
    }
}
