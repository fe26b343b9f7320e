/// What a failed attempt means for the saga.
public enum SagaFailureKind: Sendable, Hashable {
    /// A definite answer ("card declined", "out of stock"): no retry; the step fails at once.
    case declined
    /// Possibly temporary (connection refused, 503, timed out): retried while attempts remain.
    case transient

    /// The default classification: ``SagaDeclined`` is declined, every other error transient.
    @Sendable public static func classifyDefault(_ error: any Error) -> SagaFailureKind {
        error is SagaDeclined ? .declined : .transient
    }
}

/// Thrown by a step to say "definitely no": the step fails without retry and the saga compensates.
///
/// ```swift
/// guard reply.status != .paymentRequired else { throw SagaDeclined("payment declined: \(reply.reason)") }
/// ```
public struct SagaDeclined: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why, in one line; it becomes the step's `last_error` and the hooks' ``SagaContext/failure``.
    public var reason: String

    /// Creates a decline.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
