/// The answer of a rate limiter for one request, with everything the HTTP layer needs for the
/// IETF `RateLimit-Policy` / `RateLimit` header fields (draft-ietf-httpapi-ratelimit-headers)
/// and `Retry-After`.
///
/// ```text
/// RateLimit-Policy: "default";q=100;w=60
/// RateLimit: "default";r=19;t=1
/// Retry-After: 1            (only when rejected)
/// ```
public struct RateLimitDecision: Sendable, Hashable {
    /// Whether the request may proceed.
    public var isAllowed: Bool
    /// Requests the key could still make right now (`r`): `⌊(τ − (TAT − now)) / T⌋ + 1`, ≥ 0.
    public var remaining: Int
    /// Time until the key is back to its full burst (`TAT − now`, the `t` parameter).
    public var resetAfter: Duration
    /// When rejected: time until one request would be admitted (`TAT − τ − now`); zero if allowed.
    public var retryAfter: Duration
    /// The policy's quota (`q`).
    public var quota: Int
    /// The policy's window (`w`).
    public var window: Duration
    /// Whether the key table was full and the request was judged by the shared overflow bucket.
    public var isOverflow: Bool

    /// Creates a decision.
    public init(
        isAllowed: Bool, remaining: Int, resetAfter: Duration, retryAfter: Duration, quota: Int,
        window: Duration, isOverflow: Bool
    ) {
        self.isAllowed = isAllowed
        self.remaining = remaining
        self.resetAfter = resetAfter
        self.retryAfter = retryAfter
        self.quota = quota
        self.window = window
        self.isOverflow = isOverflow
    }

    /// `t` in whole seconds, rounded up.
    public var resetSeconds: Int { resetAfter.secondsRoundedUp }
    /// `w` in whole seconds, rounded up.
    public var windowSeconds: Int { window.secondsRoundedUp }
    /// `Retry-After` in whole seconds, rounded up, at least 1 when rejected; `nil` when allowed.
    public var retryAfterSeconds: Int? {
        isAllowed ? nil : max(retryAfter.secondsRoundedUp, 1)
    }

    /// The header fields for this decision, in order: `RateLimit-Policy`, `RateLimit`, and
    /// `Retry-After` when rejected. `policyName` is written as a structured-field string.
    ///
    /// Example: `[("RateLimit-Policy", "\"default\";q=100;w=60"), ("RateLimit", "\"default\";r=0;t=12"),
    /// ("Retry-After", "1")]`.
    public func headerFields(policyName: String) -> [(name: String, value: String)] {
        let quoted = Self.quoted(policyName)
        var fields: [(name: String, value: String)] = [
            ("RateLimit-Policy", "\(quoted);q=\(quota);w=\(windowSeconds)"),
            ("RateLimit", "\(quoted);r=\(remaining);t=\(resetSeconds)"),
        ]
        if let retry = retryAfterSeconds { fields.append(("Retry-After", String(retry))) }
        return fields
    }

    /// A structured-field sf-string: `"` and `\` escaped, non-printable ASCII dropped.
    static func quoted(_ name: String) -> String {
        var out = "\""
        for scalar in name.unicodeScalars where scalar.value >= 0x20 && scalar.value < 0x7F {
            if scalar == "\"" || scalar == "\\" { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        out.append("\"")
        return out
    }
}
