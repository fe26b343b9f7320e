/// What one call to a dependency came to, as the caller classifies it.
///
/// This module imports only the standard library, so it never looks inside an HTTP response or
/// a networking error. The HTTP layer maps its results onto these cases and every policy reads
/// them in its own way:
///
/// | outcome | circuit breaker | retry (default predicate) |
/// | --- | --- | --- |
/// | `.success` | success | done |
/// | `.connectionFailure` | failure | retryable |
/// | `.timeout` | failure | retryable |
/// | `.httpStatus(502/503/504)` | failure | retryable |
/// | `.httpStatus(429, retryAfter:)` | failure | retryable, waits at least `retryAfter` |
/// | `.httpStatus(other 5xx)` | failure | not retryable |
/// | `.httpStatus(1xx–4xx)` | success (the dependency answered) | not retryable |
/// | `.failure` | failure | not retryable |
/// | `.ignored` | not counted | not retryable |
public enum CallOutcome: Sendable, Hashable {
    /// The call succeeded.
    case success
    /// The connection could not be made or broke before a complete response arrived.
    case connectionFailure
    /// The attempt ran out of time (for instance a per-attempt timeout fired).
    case timeout
    /// The dependency answered with this HTTP status; `retryAfter` is its parsed `Retry-After`.
    case httpStatus(Int, retryAfter: Duration? = nil)
    /// Any other failure of the dependency.
    case failure
    /// Not the dependency's doing (cancelled by the caller, rejected locally): not counted.
    case ignored

    /// How a circuit breaker counts this outcome.
    @inlinable
    public var breakerVerdict: BreakerVerdict {
        switch self {
        case .success: return .success
        case .connectionFailure, .timeout, .failure: return .failure
        case .httpStatus(let status, _):
            return status >= 500 || status == 429 ? .failure : .success
        case .ignored: return .ignored
        }
    }
}

/// How one completed call counts in a circuit breaker's window.
public enum BreakerVerdict: Sendable, Hashable {
    /// Counts as a successful call (it may still be slow).
    case success
    /// Counts as a failed call.
    case failure
    /// Not counted; a half-open probe slot it held is given back.
    case ignored
}
