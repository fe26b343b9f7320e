/// Configuration of a gateway route's rate limit; names match the spec's `rateLimit:` block 1:1.
///
/// ```yaml
/// rateLimit: {quota: 100, window: 1m, burst: 20, key: user}
/// ```
///
/// The limiter is GCRA (the generic cell rate algorithm, a token bucket without a refill timer):
/// - emission interval `T = window / quota` (rounded up to whole nanoseconds, so never faster);
/// - tolerance `τ = (burst − 1) × T`; a key may send `burst` requests at once when idle;
/// - in any interval of length `t` at most `burst + ⌊t / T⌋` requests are admitted
///   (≤ `burst + rate × t`).
///
/// Example: `quota 100, window 60s, burst 20` → `T = 600 ms`; an idle user may make 20 requests
/// at once, then one every 600 ms; over a full minute at most 20 + 100 = 120.
public struct RateLimitConfig: Sendable, Hashable {
    /// Which request attribute identifies the limited party.
    public enum KeyKind: String, Sendable, Hashable {
        /// The authenticated user (JWT subject).
        case user
        /// The client (for instance its address as seen by the gateway).
        case client
    }

    /// Requests allowed per `window` at the sustained rate. Default 100 (values < 1 act as 1).
    public var quota: Int
    /// The window the quota is expressed over. Default 60 s.
    public var window: Duration
    /// Requests an idle key may make at once. Default 20 (values < 1 act as 1).
    public var burst: Int
    /// What the limit is keyed on (combined with the route by the gateway). Default `.user`.
    public var key: KeyKind
    /// Policy name reported in `RateLimit-Policy` / `RateLimit` header fields. Default "default".
    public var policyName: String
    /// Most keys tracked at once; see ``RateLimiterMachine`` for what happens past it.
    /// Default 100 000.
    public var maxKeys: Int

    /// Creates a configuration; every parameter has the documented default.
    public init(
        quota: Int = 100, window: Duration = .seconds(60), burst: Int = 20, key: KeyKind = .user,
        policyName: String = "default", maxKeys: Int = 100_000
    ) {
        self.quota = quota
        self.window = window
        self.burst = burst
        self.key = key
        self.policyName = policyName
        self.maxKeys = maxKeys
    }

    /// The emission interval `T = window / quota`, rounded up to whole nanoseconds (at least 1 ns).
    public var emissionInterval: Duration {
        .nanoseconds(emissionIntervalNanos)
    }

    var emissionIntervalNanos: Int64 {
        let window = max(self.window.nanosecondsRoundedUp, 1)
        let quota = Int64(max(self.quota, 1))
        // Saturating: a window clamped to Int64.max nanoseconds must not overflow the rounding.
        return max(SaturatingMath.add(window, quota - 1) / quota, 1)
    }
}
