/// A saga definition the orchestrator refuses, with what to change.
public enum SagaDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definition has an empty name.
    case emptyName
    /// The definition has no steps.
    case noSteps(saga: String)
    /// A step has an empty name.
    case emptyStepName(saga: String)
    /// Two steps share a name.
    case duplicateStep(saga: String, step: String)
    /// A step is named like a terminal hook.
    case reservedStepName(saga: String, step: String)
    /// The orchestrator's concurrency limit is below 1.
    case invalidConcurrency(saga: String, limit: Int)

    /// One line: what is wrong and how to fix it.
    public var description: String {
        switch self {
        case .emptyName: "saga definition has an empty name: give it one, e.g. place-order"
        case .noSteps(let saga): "saga \(saga) has no steps: add at least one step"
        case .emptyStepName(let saga): "saga \(saga) has a step with an empty name: name every step"
        case .duplicateStep(let saga, let step):
            "saga \(saga) has two steps named \(step): step names must be unique (they form the idempotency keys)"
        case .reservedStepName(let saga, let step):
            "saga \(saga) has a step named \(step), which is a hook's name: rename the step"
        case .invalidConcurrency(let saga, let limit):
            "saga \(saga): maximum concurrency \(limit) is below 1: allow at least one saga at a time"
        }
    }
}
