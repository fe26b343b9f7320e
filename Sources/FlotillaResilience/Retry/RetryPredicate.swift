/// Whether a request may be repeated without changing its effect.
public enum Idempotency: Sendable, Hashable {
    /// GET, HEAD, PUT, DELETE, OPTIONS, or any request carrying an idempotency key.
    case idempotent
    /// POST, PATCH and the like: never retried by the default predicate.
    case nonIdempotent
    /// Not idempotent by method, but the caller vouches that repeating is safe.
    case markedSafe

    /// Whether retries are allowed at all.
    public var allowsRetry: Bool { self != .nonIdempotent }
}

/// Decides which failed attempts are retried.
///
/// The default retries, for idempotent or marked-safe requests only: `.connectionFailure`,
/// `.timeout`, HTTP 502, 503, 504 and 429 (whose `Retry-After` the retrier honours).
public struct RetryPredicate: Sendable {
    private let decide: @Sendable (CallOutcome, Idempotency) -> Bool

    /// A custom predicate.
    public init(_ decide: @escaping @Sendable (CallOutcome, Idempotency) -> Bool) {
        self.decide = decide
    }

    /// Whether `outcome` of a request with `idempotency` may be retried.
    public func isRetryable(_ outcome: CallOutcome, _ idempotency: Idempotency) -> Bool {
        decide(outcome, idempotency)
    }

    /// The default rule (see the type's documentation).
    public static let `default` = RetryPredicate { outcome, idempotency in
        guard idempotency.allowsRetry else { return false }
        switch outcome {
        case .connectionFailure, .timeout: return true
        case .httpStatus(let status, _): return status == 502 || status == 503 || status == 504 || status == 429
        case .success, .failure, .ignored: return false
        }
    }
}
