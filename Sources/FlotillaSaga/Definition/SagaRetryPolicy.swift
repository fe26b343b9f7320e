import FlotillaResilience

/// How often an action, compensation or hook is attempted, and how long to wait between attempts.
///
/// Before retry `n` (1-based) the orchestrator sleeps a full-jitter delay on its clock:
/// `delay(n) = random(0, min(backoff.max, backoff.initial × backoff.multiplier^(n−1)))`
/// (``BackoffConfig/delay(forRetry:unit:)``). Example, ``compensationDefault``: up to 0.2 s, 0.4 s,
/// 0.8 s, … capped at 30 s, for at most 12 attempts in all.
public struct SagaRetryPolicy: Sendable, Hashable {
    /// Attempts including the first (values below 1 act as 1).
    public var attempts: Int
    /// Delay between attempts.
    public var backoff: BackoffConfig

    /// Creates a policy.
    public init(attempts: Int, backoff: BackoffConfig) {
        self.attempts = attempts
        self.backoff = backoff
    }

    /// A single attempt, no retry.
    public static let once = SagaRetryPolicy(attempts: 1, backoff: BackoffConfig(initial: .zero, max: .zero))

    /// Actions: 3 attempts, backoff 100 ms doubling up to 5 s.
    public static let actionDefault = SagaRetryPolicy(
        attempts: 3, backoff: BackoffConfig(initial: .milliseconds(100), max: .seconds(5), multiplier: 2))

    /// Compensations and terminal hooks: 12 attempts, backoff 200 ms doubling up to 30 s (about 3.5 min in
    /// the worst case), since giving up means an operator has to step in.
    public static let compensationDefault = SagaRetryPolicy(
        attempts: 12, backoff: BackoffConfig(initial: .milliseconds(200), max: .seconds(30), multiplier: 2))
}
