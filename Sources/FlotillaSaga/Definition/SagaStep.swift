/// One step of a saga: an action, an optional compensation, a per-attempt timeout and retry rules.
///
/// ```swift
/// SagaStep<OrderSaga>("reserve-inventory", rerunOnRecovery: true) { state, context in
///     state.reservationID = try await products.reserve(state.items, idempotencyKey: context.idempotencyKey)
/// } compensation: { state, context in
///     try await products.release(state.reservationID, idempotencyKey: context.idempotencyKey)
/// }
/// ```
///
/// The action may change the saga's state (`inout`); the change is kept, and persisted, only when the
/// action returns. Errors are classified by ``classify``: ``SagaFailureKind/declined`` (a definite
/// "no", e.g. a declined card) fails the step at once; ``SagaFailureKind/transient`` (including a
/// timed-out attempt) is retried with ``retry``'s backoff until its attempts are used up.
public struct SagaStep<State: Codable & Sendable>: Sendable {
    /// The forward action; `context.idempotencyKey` is `<saga id>:<step name>`.
    public typealias Action = @Sendable (_ state: inout State, _ context: SagaContext) async throws -> Void
    /// The compensation; `context.idempotencyKey` is `<saga id>:<step name>:compensate`.
    public typealias Compensation = @Sendable (_ state: State, _ context: SagaContext) async throws -> Void

    /// Unique within the saga; part of the idempotency keys, so never rename a step with sagas in flight.
    public var name: String
    /// Time limit of each attempt (action or compensation), on the orchestrator's clock; nil for none.
    public var timeout: Duration?
    /// Attempts and backoff of the action.
    public var retry: SagaRetryPolicy
    /// Attempts and backoff of the compensation; when used up the saga is `failed` and needs an operator.
    public var compensationRetry: SagaRetryPolicy
    /// Whether recovery may run the action again when a crash interrupted it (its outcome is unknown).
    /// Mark it only when the receiver honours the idempotency key; otherwise recovery compensates.
    public var rerunOnRecovery: Bool
    /// Whether the step's own compensation runs when the step itself failed (not only after it
    /// succeeded): for actions whose effect may have landed although the call failed, e.g. a charge
    /// whose reply timed out. The compensation must then accept "nothing to undo".
    public var compensateOnFailure: Bool
    /// Sorts an error of the action or compensation into declined or transient.
    public var classify: @Sendable (any Error) -> SagaFailureKind
    /// The forward action.
    public var action: Action
    /// The compensation, or nil when the step has nothing to undo.
    public var compensation: Compensation?

    /// Creates a step; every policy has the documented default.
    public init(
        _ name: String, timeout: Duration? = .seconds(10), retry: SagaRetryPolicy = .actionDefault,
        compensationRetry: SagaRetryPolicy = .compensationDefault, rerunOnRecovery: Bool = false,
        compensateOnFailure: Bool = false,
        classify: @escaping @Sendable (any Error) -> SagaFailureKind = SagaFailureKind.classifyDefault,
        action: @escaping Action, compensation: Compensation? = nil
    ) {
        self.name = name
        self.timeout = timeout
        self.retry = retry
        self.compensationRetry = compensationRetry
        self.rerunOnRecovery = rerunOnRecovery
        self.compensateOnFailure = compensateOnFailure
        self.classify = classify
        self.action = action
        self.compensation = compensation
    }
}
