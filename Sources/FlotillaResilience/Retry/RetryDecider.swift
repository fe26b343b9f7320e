/// The retry rules as a pure function of the attempt's facts (the budget is separate and
/// stateful: ``RetryBudgetMachine``).
///
/// After attempt `n` ended with a non-success `outcome`:
/// 1. stop if `n ≥ attempts`, or the predicate says the outcome is not retryable;
/// 2. `delay = random(0, min(max, initial × multiplier^(n−1)))` (full jitter); for 429 with
///    `Retry-After: ra`, `delay = max(delay, ra)`, and stop if `ra > backoff.max` (the server
///    asks for a longer wait than this policy is willing to make);
/// 3. stop if a deadline is in force and `delay ≥ remaining` (the retry could not finish in time).
public struct RetryDecider: Sendable {
    /// The configuration in force.
    public let config: RetryConfig
    /// Which outcomes are retryable.
    public let predicate: RetryPredicate

    /// Creates a decider.
    public init(config: RetryConfig, predicate: RetryPredicate = .default) {
        self.config = config
        self.predicate = predicate
    }

    /// Decides what follows attempt `attempt` (1-based); `unit` is a random value in `0 ... 1`,
    /// `remaining` the time left before the propagated deadline, if any.
    public func decide(
        attempt: Int, outcome: CallOutcome, idempotency: Idempotency, unit: Double, remaining: Duration?
    ) -> RetryDecision {
        if case .success = outcome { return .stop(.succeeded) }
        guard attempt < max(config.attempts, 1) else { return .stop(.attemptsExhausted) }
        guard predicate.isRetryable(outcome, idempotency) else { return .stop(.notRetryable) }
        var delay = config.backoff.delay(forRetry: attempt, unit: unit)
        if case .httpStatus(_, let retryAfter?) = outcome {
            guard retryAfter <= config.backoff.max else { return .stop(.retryAfterTooLong) }
            delay = max(delay, retryAfter)
        }
        if let remaining, delay >= remaining { return .stop(.deadlineTooClose) }
        return .retry(after: delay)
    }
}

/// What follows a finished attempt.
public enum RetryDecision: Sendable, Hashable {
    /// Retry after this delay (subject to the retry budget).
    case retry(after: Duration)
    /// Do not retry; the last outcome is final.
    case stop(RetryStopReason)
}

/// Why no (further) retry is made.
public enum RetryStopReason: String, Sendable, Hashable {
    /// The attempt succeeded.
    case succeeded
    /// The predicate does not retry this outcome (or the request is not idempotent).
    case notRetryable
    /// `attempts` were made.
    case attemptsExhausted
    /// The server's `Retry-After` exceeds `backoff.max`.
    case retryAfterTooLong
    /// The propagated deadline would pass before the retry.
    case deadlineTooClose
    /// The retry budget is spent.
    case budgetExhausted
}
