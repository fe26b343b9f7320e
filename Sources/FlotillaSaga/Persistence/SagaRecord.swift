import Foundation

/// A saga instance as persisted: one row of `flotilla_sagas` plus its steps.
public struct SagaRecord: Sendable, Hashable {
    /// Instance id (the caller's, e.g. the order id); prefix of every idempotency key.
    public var id: String
    /// The definition's name.
    public var name: String
    /// Where the saga is.
    public var phase: SagaPhase
    /// Index of the step being run (forward) or, once all succeeded, the step count.
    public var currentStep: Int
    /// The saga's state as JSON (sorted keys).
    public var payload: String
    /// Optimistic-concurrency version: 0 when created, +1 on every update.
    public var version: Int64
    /// When the saga was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date
    /// When it became terminal.
    public var finishedAt: Date?
    /// Why it compensated or failed: the failed step's error, then a compensation's or hook's; nil while
    /// nothing failed.
    public var lastError: String?
    /// Every step, in order.
    public var steps: [SagaStepRecord]

    /// Creates a record.
    public init(
        id: String, name: String, phase: SagaPhase, currentStep: Int, payload: String, version: Int64,
        createdAt: Date, updatedAt: Date, finishedAt: Date? = nil, lastError: String? = nil, steps: [SagaStepRecord]
    ) {
        self.id = id
        self.name = name
        self.phase = phase
        self.currentStep = currentStep
        self.payload = payload
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.finishedAt = finishedAt
        self.lastError = lastError
        self.steps = steps
    }
}

/// One step of a persisted saga: one row of `flotilla_saga_steps`.
public struct SagaStepRecord: Sendable, Hashable {
    /// Position in the definition, from 0.
    public var index: Int
    /// The step's name.
    public var name: String
    /// Where the step is.
    public var state: SagaStepState
    /// Attempts so far, of the action and the compensation together.
    public var attempts: Int
    /// The action's idempotency key, `<saga id>:<step name>` (the compensation's adds `:compensate`).
    public var idempotencyKey: String
    /// When the first attempt started.
    public var startedAt: Date?
    /// When the step last reached succeeded, failed, compensated or compensation-failed.
    public var finishedAt: Date?
    /// The last error of the action or compensation, one line.
    public var lastError: String?

    /// Creates a step record.
    public init(
        index: Int, name: String, state: SagaStepState, attempts: Int, idempotencyKey: String, startedAt: Date?,
        finishedAt: Date?, lastError: String?
    ) {
        self.index = index
        self.name = name
        self.state = state
        self.attempts = attempts
        self.idempotencyKey = idempotencyKey
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.lastError = lastError
    }
}
