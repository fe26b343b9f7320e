/// A gateway route: requests whose path starts with `prefix` go to `service`.
public struct RouteSpec: Sendable, Hashable {
    /// Path prefix, matched on segment boundaries.
    public var prefix: Located<String>
    /// Upstream service.
    public var service: Located<String>
    /// Replacement for the prefix upstream.
    public var rewrite: String
    /// Whether a valid JWT is needed.
    public var auth: RouteAuth
    /// Rate limit, if any.
    public var rateLimit: RateLimitSpec?
    /// Where the route is.
    public var location: SourceLocation
}

/// Whether a route needs a verified token.
public enum RouteAuth: String, Sendable, Hashable, CaseIterable {
    /// A valid JWT is needed.
    case required
    /// Anyone may call.
    case `public`
}

/// A GCRA rate limit.
public struct RateLimitSpec: Sendable, Hashable {
    /// Requests allowed per window.
    public var quota: Int
    /// The window the quota applies to.
    public var window: Duration
    /// Extra requests allowed at once.
    public var burst: Int
    /// What a client is.
    public var key: RateLimitKey
    /// Where the `rateLimit` mapping is.
    public var location: SourceLocation
}

/// What the rate limiter counts separately.
public enum RateLimitKey: String, Sendable, Hashable, CaseIterable {
    /// The verified user (subject of the JWT).
    case user
    /// The client address (socket peer, or `X-Forwarded-For` from trusted proxies).
    case client
}

/// An orchestrated saga.
public struct SagaSpec: Sendable, Hashable {
    /// Saga name.
    public var name: Located<String>
    /// Steps in order.
    public var steps: [SagaStepSpec]
}

/// One saga step: an action and the compensation that undoes it.
public struct SagaStepSpec: Sendable, Hashable {
    /// Step name.
    public var name: Located<String>
    /// Operation to run.
    public var action: Located<OperationReference>
    /// Operation that undoes it, if it needs undoing.
    public var compensation: Located<OperationReference>?
    /// Deadline per attempt.
    public var timeout: Duration
    /// Retries of the action and compensation.
    public var retry: RetryPolicySpec
}

/// `service.operation`.
public struct OperationReference: Sendable, Hashable, CustomStringConvertible {
    /// The service that offers the operation.
    public var service: String
    /// The operation.
    public var operation: String

    /// `service.operation`.
    public var description: String { "\(service).\(operation)" }
}
