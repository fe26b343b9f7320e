import FlotillaContracts
import FlotillaResilience
import FlotillaServiceKit
import FlotillaSpec
import HTTPTypes

/// One route's rate limiter (GCRA, one key per user or client) and the IETF header fields of its
/// decisions (draft-ietf-httpapi-ratelimit-headers): `RateLimit-Policy: "<prefix>";q=<quota>;w=<window s>`
/// and `RateLimit: "<prefix>";r=<remaining>;t=<reset s>`, plus `Retry-After` when refused.
///
/// The spec's `burst` (extra requests at once) is the limiter's burst, at least 1: a key may send
/// `burst` requests at once, and at most `burst + quota` in any window.
final class RouteRateLimit: Sendable {
    let name: String
    let spec: RateLimitSpec
    let limiter: RateLimiter<String, ContinuousClock>
    /// The `RateLimit-Policy` value, the same for every answer.
    let policyField: String
    private let quotedName: String

    init(prefix: String, spec: RateLimitSpec) {
        self.name = prefix
        self.spec = spec
        let config = RateLimitConfig(
            quota: spec.quota, window: spec.window, burst: max(spec.burst, 1),
            key: spec.key == .user ? .user : .client, policyName: prefix)
        self.limiter = RateLimiter(config: config, clock: ContinuousClock())
        let fields = RateLimitDecision(
            isAllowed: true, remaining: 0, resetAfter: .zero, retryAfter: .zero, quota: spec.quota, window: spec.window,
            isOverflow: false
        ).headerFields(policyName: prefix)
        self.policyField = fields[0].value
        self.quotedName = String(fields[0].value.prefix { $0 != ";" })
    }

    /// Whether the limit is keyed by the verified user (else by the client address).
    var keyedByUser: Bool { spec.key == .user }

    /// Decides one request of `subject` (a user id or a client address).
    func decide(_ subject: String) -> RateLimitDecision { limiter.acquire(subject) }

    /// Adds the decision's header fields to `headers`.
    func annotate(_ headers: inout HTTPFields, with decision: RateLimitDecision) {
        headers[Self.policyName] = policyField
        headers[Self.stateName] =
            quotedName + ";r=" + String(decision.remaining) + ";t=" + String(decision.resetSeconds)
        if let retry = decision.retryAfterSeconds { headers[.retryAfter] = String(retry) }
    }

    /// The 429 problem for a refused decision.
    func refusal(_ decision: RateLimitDecision) -> ProblemError {
        var headers = HTTPFields()
        annotate(&headers, with: decision)
        return ProblemError(.tooManyRequests, "rate limit of \(name) exceeded; retry later", headers: headers)
    }

    /// The limiter's state for the status snapshot.
    var status: RateLimiterStatus {
        let snapshot = limiter.snapshot()
        let window = spec.window.components
        return RateLimiterStatus(
            name: name, quota: spec.quota, windowSeconds: Double(window.seconds) + Double(window.attoseconds) / 1e18,
            burst: spec.burst, key: spec.key.rawValue, trackedKeys: snapshot.trackedKeys,
            admitted: Int(snapshot.counters.allowed), rejected: Int(snapshot.counters.rejected))
    }

    static let policyName = HTTPField.Name("RateLimit-Policy")!
    static let stateName = HTTPField.Name("RateLimit")!
}
