/// How a saga ended, with its final state.
public enum SagaOutcome<State: Sendable>: Sendable {
    /// Every step succeeded.
    case completed(State)
    /// A step failed (`reason`) and every compensation succeeded.
    case compensated(State, reason: String)
    /// A compensation or hook gave up (`reason`): an operator must step in. `state` is nil when the
    /// stored state no longer decodes.
    case failed(State?, reason: String)
}

/// Why an orchestrator call could not be served.
public enum SagaOrchestratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The orchestrator was stopped: it takes no new sagas (persisted ones are recovered on the next start).
    case stopped(saga: String)
    /// ``SagaOrchestrator/run()`` was called while it already runs.
    case alreadyRunning(saga: String)
    /// No saga with this id exists.
    case unknownSaga(saga: String, id: String)
    /// The saga is unfinished but not driven here (another instance has it, or it awaits recovery), or it
    /// stopped unfinished while the caller waited.
    case notFinished(saga: String, id: String, phase: SagaPhase)

    /// One line.
    public var description: String {
        switch self {
        case .stopped(let saga): "saga orchestrator \(saga) is stopped"
        case .alreadyRunning(let saga): "saga orchestrator \(saga) is already running"
        case .unknownSaga(let saga, let id): "saga \(saga) \(id) does not exist"
        case .notFinished(let saga, let id, let phase):
            "saga \(saga) \(id) is \(phase.rawValue) and not being driven by this instance"
        }
    }
}
