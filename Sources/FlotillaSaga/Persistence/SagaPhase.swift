/// Where a saga instance is; stored as the raw value in `flotilla_sagas.state`.
public enum SagaPhase: String, Sendable, Hashable, Codable, CaseIterable {
    /// Going forward through the steps (or running ``SagaDefinition/onCompleted``).
    case running
    /// A step failed: undoing the completed steps newest first (or running ``SagaDefinition/onCompensated``).
    case compensating
    /// Every step succeeded.
    case completed
    /// A step failed and every compensation succeeded.
    case compensated
    /// A compensation or hook gave up: the saga needs an operator.
    case failed

    /// Whether the saga has finished (completed, compensated or failed).
    public var isTerminal: Bool { self != .running && self != .compensating }
}

/// Where one step of a saga instance is; stored as the raw value in `flotilla_saga_steps.state`.
/// The raw values are the status contract's step states.
public enum SagaStepState: String, Sendable, Hashable, Codable, CaseIterable {
    /// Not started.
    case pending
    /// The action is being attempted (or was, when the process stopped).
    case running
    /// The action succeeded.
    case succeeded
    /// The action failed for good.
    case failed
    /// The compensation is being attempted (or was, when the process stopped).
    case compensating
    /// The compensation succeeded.
    case compensated
    /// The compensation gave up.
    case compensationFailed = "compensation-failed"
}
