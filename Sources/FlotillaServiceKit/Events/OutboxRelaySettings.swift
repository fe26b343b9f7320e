/// How the outbox relay retries: attempt `n` (1-based) that fails waits
/// `d = min(maxDelay, baseDelay · 2^(n-1))`, jittered uniformly in `[d/2, d]`; after `maxAttempts`
/// failed attempts (or at once for a 4xx other than 408/425/429) the event becomes a dead letter.
/// Example with the defaults: 0.25 s, 0.5 s, 1 s, 2 s, … capped at 60 s; dead after 10 attempts.
public struct OutboxRelaySettings: Sendable {
    /// Attempts before an event goes to the dead letters.
    public var maxAttempts: Int = 10
    /// Delay after the first failure.
    public var baseDelay: Duration = .milliseconds(250)
    /// Longest delay between attempts.
    public var maxDelay: Duration = .seconds(60)
    /// Poll interval when nothing wakes the relay.
    public var pollInterval: Duration = .seconds(1)
    /// Deliveries claimed per round, delivered concurrently.
    public var batchSize: Int = 64
    /// How long a claimed delivery is hidden from other relays.
    public var lease: Duration = .seconds(30)
    /// Time limit of one HTTP delivery.
    public var requestTimeout: Duration = .seconds(5)

    /// The defaults above.
    public init() {}

    /// The delay after failed attempt `attempt` (1-based), before jitter.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let delay = baseDelay * (1 << exponent)
        return min(delay, maxDelay)
    }
}
