/// A saga: ordered steps run forward, compensated in reverse when one fails, and terminal hooks.
///
/// ```swift
/// let placeOrder = SagaDefinition<OrderSaga>(
///     name: "place-order",
///     steps: [reserveInventory, chargePayment, commitInventory, confirmOrder],
///     onCompensated: { state, context in
///         try await orders.cancel(state.orderID, reason: context.failure, idempotencyKey: context.idempotencyKey)
///     })
/// ```
///
/// The saga completes when its last step succeeds (and ``onCompleted``, if any, has run). When a step
/// fails, the compensations of the steps that succeeded run newest first, then ``onCompensated``.
/// Hooks are retried like compensations (``hookRetry``), run *before* the terminal state is written
/// (so a crash in between runs them again: make them idempotent with `context.idempotencyKey`), and a
/// hook that keeps failing leaves the saga `failed`. ``onFailed`` runs once, best effort, when the saga
/// is given up for an operator.
public struct SagaDefinition<State: Codable & Sendable>: Sendable {
    /// A terminal hook; `context.stepName` is the hook's name (see ``SagaHook``).
    public typealias Hook = @Sendable (_ state: State, _ context: SagaContext) async throws -> Void

    /// Name of the saga, e.g. `place-order`; stored with every instance and used in status and metrics.
    public var name: String
    /// The steps, in forward order.
    public var steps: [SagaStep<State>]
    /// Runs after the last step succeeded, before the saga is marked `completed`.
    public var onCompleted: Hook?
    /// Runs after every compensation succeeded, before the saga is marked `compensated`.
    public var onCompensated: Hook?
    /// Runs once when the saga is marked `failed` (a compensation or hook gave up); errors are only recorded.
    public var onFailed: Hook?
    /// Attempts and backoff of ``onCompleted`` and ``onCompensated``.
    public var hookRetry: SagaRetryPolicy
    /// Time limit of each hook attempt; nil for none.
    public var hookTimeout: Duration?

    /// Creates a definition.
    public init(
        name: String, steps: [SagaStep<State>], onCompleted: Hook? = nil, onCompensated: Hook? = nil,
        onFailed: Hook? = nil, hookRetry: SagaRetryPolicy = .compensationDefault,
        hookTimeout: Duration? = .seconds(10)
    ) {
        self.name = name
        self.steps = steps
        self.onCompleted = onCompleted
        self.onCompensated = onCompensated
        self.onFailed = onFailed
        self.hookRetry = hookRetry
        self.hookTimeout = hookTimeout
    }

    /// Checks what the orchestrator relies on: a name, at least one step, unique step names that are
    /// not hook names (they are part of the idempotency keys).
    public func validate() throws(SagaDefinitionError) {
        guard !name.isEmpty else { throw .emptyName }
        guard !steps.isEmpty else { throw .noSteps(saga: name) }
        var seen = Set<String>()
        for step in steps {
            guard !step.name.isEmpty else { throw .emptyStepName(saga: name) }
            guard SagaHook(rawValue: step.name) == nil else { throw .reservedStepName(saga: name, step: step.name) }
            guard seen.insert(step.name).inserted else { throw .duplicateStep(saga: name, step: step.name) }
        }
    }
}

/// The terminal hooks, by the name they carry in ``SagaContext/stepName`` and their idempotency key
/// (`<saga id>:<raw value>`).
public enum SagaHook: String, Sendable, Hashable, CaseIterable {
    /// ``SagaDefinition/onCompleted``.
    case completed = "on-completed"
    /// ``SagaDefinition/onCompensated``.
    case compensated = "on-compensated"
    /// ``SagaDefinition/onFailed``.
    case failed = "on-failed"
}
