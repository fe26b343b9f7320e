import Foundation

/// The sagas one instance orchestrates.
public struct SagaSummary: Codable, Sendable, Hashable {
    /// Sagas not yet terminal, oldest first, at most 20.
    public var inFlight: [SagaInstanceStatus]
    /// Sagas not yet terminal, all of them.
    public var inFlightCount: Int
    /// Sagas that finished every step, since the database was created.
    public var completed: Int
    /// Sagas that failed and were fully compensated.
    public var compensated: Int
    /// Sagas whose compensation failed: they need an operator.
    public var failed: Int
    /// Age in seconds of the oldest saga in flight; nil when none.
    public var oldestInFlightSeconds: Double?

    /// Creates a summary.
    public init(
        inFlight: [SagaInstanceStatus], inFlightCount: Int, completed: Int, compensated: Int, failed: Int,
        oldestInFlightSeconds: Double?
    ) {
        self.inFlight = inFlight
        self.inFlightCount = inFlightCount
        self.completed = completed
        self.compensated = compensated
        self.failed = failed
        self.oldestInFlightSeconds = oldestInFlightSeconds
    }
}

/// One saga in flight.
public struct SagaInstanceStatus: Codable, Sendable, Hashable {
    /// Saga id (also the prefix of every idempotency key it sends).
    public var id: String
    /// Saga name from the spec, e.g. `place-order`.
    public var saga: String
    /// `running` forward, or `compensating` backward.
    public var phase: String
    /// When the saga started.
    public var startedAt: Date
    /// Every step in order.
    public var steps: [SagaStepStatus]

    /// Creates a saga status.
    public init(id: String, saga: String, phase: String, startedAt: Date, steps: [SagaStepStatus]) {
        self.id = id
        self.saga = saga
        self.phase = phase
        self.startedAt = startedAt
        self.steps = steps
    }
}

/// One step of a saga in flight.
public struct SagaStepStatus: Codable, Sendable, Hashable {
    /// Step name.
    public var name: String
    /// `pending`, `running`, `succeeded`, `failed`, `compensating`, `compensated` or `compensation-failed`.
    public var state: String
    /// Attempts so far (action and compensation together).
    public var attempts: Int
    /// Time spent in the step so far, in milliseconds.
    public var durationMilliseconds: Double?

    /// Creates a step status.
    public init(name: String, state: String, attempts: Int, durationMilliseconds: Double?) {
        self.name = name
        self.state = state
        self.attempts = attempts
        self.durationMilliseconds = durationMilliseconds
    }
}
