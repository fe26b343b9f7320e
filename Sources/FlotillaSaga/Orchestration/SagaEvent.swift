/// Something an orchestrator did, for metrics and logs (``SagaConfiguration/onEvent``).
public enum SagaEvent: Sendable, Hashable {
    /// A saga was submitted and persisted.
    case submitted(saga: String, id: String)
    /// Recovery took over an unfinished saga; `move` says what it does first (see ``SagaMove``).
    case recovered(saga: String, id: String, phase: SagaPhase, move: SagaMove)
    /// An action, compensation or hook attempt failed and will be retried after `delay`.
    case retrying(saga: String, id: String, call: String, attempt: Int, delay: Duration, error: String)
    /// An action, compensation or hook finished (all its attempts in this process).
    case callFinished(SagaCallReport)
    /// A saga reached a terminal phase; `reason` is its last error (nil when completed).
    case finished(saga: String, id: String, phase: SagaPhase, reason: String?)
    /// This instance stopped driving a saga without finishing it: another instance changed it
    /// (version conflict) or the store failed. It stays unfinished in the store for recovery.
    case abandoned(saga: String, id: String, reason: String)
    /// A periodic recovery sweep could not read the store; it tries again at the next interval.
    case recoveryFailed(saga: String, error: String)
}

/// One finished action, compensation or hook.
public struct SagaCallReport: Sendable, Hashable {
    /// Which kind of call.
    public enum Kind: String, Sendable, Hashable {
        /// A step's action.
        case action
        /// A step's compensation.
        case compensation
        /// A terminal hook.
        case hook
    }

    /// The saga definition's name.
    public var saga: String
    /// The saga instance.
    public var id: String
    /// The step's or hook's name.
    public var call: String
    /// Action, compensation or hook.
    public var kind: Kind
    /// Whether it finally succeeded.
    public var succeeded: Bool
    /// Attempts made in this process.
    public var attempts: Int
    /// From the first attempt's start to the last attempt's end, backoff included, on the orchestrator's clock.
    public var duration: Duration

    /// Creates a report.
    public init(saga: String, id: String, call: String, kind: Kind, succeeded: Bool, attempts: Int, duration: Duration)
    {
        self.saga = saga
        self.id = id
        self.call = call
        self.kind = kind
        self.succeeded = succeeded
        self.attempts = attempts
        self.duration = duration
    }
}
