/// The next thing to do for a saga, decided from its persisted record and its definition alone. The
/// orchestrator asks after every transition, and recovery asks the same question of whatever a crash
/// left behind, so resuming and normal progress follow one rule book:
///
/// | phase | steps | move |
/// | --- | --- | --- |
/// | running | first not-succeeded step is `pending` | run it |
/// | running | it is `running` (interrupted), step marked `rerunOnRecovery` | run it again, same key |
/// | running | it is `running`, not marked | give it up as failed, then compensate |
/// | running | every step succeeded | run `onCompleted`, then `completed` |
/// | compensating | newest `succeeded`/`compensating` step with a compensation (or a `failed` one marked `compensateOnFailure`) | compensate it |
/// | compensating | nothing left to undo | run `onCompensated`, then `compensated` |
/// | completed, compensated, failed | — | nothing |
public enum SagaMove: Sendable, Hashable, CustomStringConvertible {
    /// The saga is terminal.
    case finished
    /// Run the action of step `index`.
    case runStep(index: Int)
    /// Step `index` was interrupted and may not be re-run: record it failed and compensate.
    case giveUpStep(index: Int)
    /// Run the compensation of step `index`.
    case compensate(index: Int)
    /// Run the hook, then write the terminal phase.
    case runHook(SagaHook)
    /// The record does not match the definition (steps renamed, added or removed with sagas in flight).
    case incompatible(reason: String)

    /// Decides the next move of `record` under `definition`.
    public static func next<State>(for record: SagaRecord, in definition: SagaDefinition<State>) -> SagaMove {
        guard !record.phase.isTerminal else { return .finished }
        let stored = record.steps.map(\.name)
        let defined = definition.steps.map(\.name)
        guard stored == defined else {
            return .incompatible(
                reason: "saga \(record.name) was persisted with steps \(stored) but is defined with \(defined)")
        }
        return record.phase == .running ? forward(record, definition) : backward(record, definition)
    }

    private static func forward<State>(_ record: SagaRecord, _ definition: SagaDefinition<State>) -> SagaMove {
        guard let index = record.steps.firstIndex(where: { $0.state != .succeeded }) else {
            return .runHook(.completed)
        }
        switch record.steps[index].state {
        case .pending: return .runStep(index: index)
        case .running:
            return definition.steps[index].rerunOnRecovery ? .runStep(index: index) : .giveUpStep(index: index)
        // A failure is written together with the switch to compensating; seeing one here means the phase
        // was not switched, so undo rather than go on.
        case .succeeded, .failed, .compensating, .compensated, .compensationFailed: return .giveUpStep(index: index)
        }
    }

    private static func backward<State>(_ record: SagaRecord, _ definition: SagaDefinition<State>) -> SagaMove {
        let undo = record.steps.indices.last { index in
            let step = definition.steps[index]
            guard step.compensation != nil else { return false }
            switch record.steps[index].state {
            case .succeeded, .compensating: return true
            case .failed, .running: return step.compensateOnFailure
            case .pending, .compensated, .compensationFailed: return false
            }
        }
        return undo.map { .compensate(index: $0) } ?? .runHook(.compensated)
    }

    /// A short name for logs and events, e.g. `run step 2`.
    public var description: String {
        switch self {
        case .finished: "nothing (finished)"
        case .runStep(let index): "run step \(index)"
        case .giveUpStep(let index): "give up step \(index) and compensate"
        case .compensate(let index): "compensate step \(index)"
        case .runHook(let hook): "run hook \(hook.rawValue)"
        case .incompatible(let reason): "mark failed: \(reason)"
        }
    }
}
