/// A rate-limit key of a gateway route and the party being limited (user or client).
///
/// Short strings (≤ 15 UTF-8 bytes each) are stored inline by Swift, so building a key for them
/// does not allocate.
public struct RateLimitKey: Hashable, Sendable {
    /// The route (for instance its pattern, `GET /api/orders`).
    public var route: String
    /// The user id or client address, per ``RateLimitConfig/KeyKind``.
    public var subject: String

    /// Creates a key.
    public init(route: String, subject: String) {
        self.route = route
        self.subject = subject
    }
}
