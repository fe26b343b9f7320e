/// Errors raised by the resilience policies themselves (never wrapping the operation's own errors:
/// those are rethrown unchanged).
///
/// Each case carries the policy `name` (the dependency or route it protects) and the figures that
/// explain the rejection, and `description` renders a one-line message.
public enum ResilienceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The circuit breaker rejected the call. `retryAfter` is the time until it next admits a
    /// probe, or `nil` when it is forced open (until a manual reset) or its probes are all out.
    case circuitOpen(name: String, state: CircuitState, retryAfter: Duration?)
    /// The bulkhead had `maxConcurrent` calls running and `maxQueue` waiting.
    case bulkheadFull(name: String, maxConcurrent: Int, maxQueue: Int)
    /// The call waited `waited` in the bulkhead queue without getting a slot.
    case bulkheadQueueTimeout(name: String, waited: Duration)
    /// The operation did not finish within `after`.
    case timedOut(name: String, after: Duration)
    /// The propagated deadline (``Deadline``) had already passed before the call started.
    case deadlineExceeded(name: String)

    /// A one-line explanation: what was rejected, where, and why.
    public var description: String {
        switch self {
        case .circuitOpen(let name, let state, let retryAfter):
            let hint = retryAfter.map { "; next probe in \($0)" } ?? ""
            return "circuit breaker '\(name)' is \(state.rawValue): call rejected\(hint)"
        case .bulkheadFull(let name, let maxConcurrent, let maxQueue):
            return "bulkhead '\(name)' is full: \(maxConcurrent) calls running and \(maxQueue) queued"
        case .bulkheadQueueTimeout(let name, let waited):
            return "bulkhead '\(name)': no slot became free within the queue timeout of \(waited)"
        case .timedOut(let name, let after):
            return "'\(name)' timed out after \(after)"
        case .deadlineExceeded(let name):
            return "'\(name)': the propagated deadline had already passed"
        }
    }

    /// The outcome a caller's classifier should report for this error (used by the pipeline).
    public var outcome: CallOutcome {
        switch self {
        case .timedOut, .deadlineExceeded: return .timeout
        case .circuitOpen, .bulkheadFull, .bulkheadQueueTimeout: return .ignored
        }
    }
}
