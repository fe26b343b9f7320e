/// What an action, compensation or hook is told about the call it is making.
public struct SagaContext: Sendable, Hashable {
    /// The saga instance's id.
    public var sagaID: String
    /// The saga definition's name, e.g. `place-order`.
    public var sagaName: String
    /// The step's name, or the hook's (`completed`, `compensated`, `failed`).
    public var stepName: String
    /// Pass it to the receiver, which must do the work at most once per key. Stable across retries and
    /// recovery: `<saga id>:<step>` for an action, `<saga id>:<step>:compensate` for a compensation,
    /// `<saga id>:<hook>` for a hook.
    public var idempotencyKey: String
    /// 1-based attempt of this call, counted across restarts for actions and compensations together.
    public var attempt: Int
    /// The error that made the saga compensate (the failed step's last error); nil going forward.
    public var failure: String?

    /// Creates a context.
    public init(
        sagaID: String, sagaName: String, stepName: String, idempotencyKey: String, attempt: Int,
        failure: String? = nil
    ) {
        self.sagaID = sagaID
        self.sagaName = sagaName
        self.stepName = stepName
        self.idempotencyKey = idempotencyKey
        self.attempt = attempt
        self.failure = failure
    }

    /// The key of a forward action: `<saga id>:<step name>`.
    public static func actionKey(sagaID: String, step: String) -> String { "\(sagaID):\(step)" }

    /// The key of a compensation: `<saga id>:<step name>:compensate`.
    public static func compensationKey(sagaID: String, step: String) -> String { "\(sagaID):\(step):compensate" }
}
