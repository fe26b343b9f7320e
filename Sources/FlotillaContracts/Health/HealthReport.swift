/// What `/health` returns, and the `health` part of a status snapshot.
public struct HealthReport: Codable, Sendable, Hashable {
    /// The instance's overall state.
    public enum Status: String, Codable, Sendable, Hashable {
        /// Starting: migrations or first connections are not done; not ready.
        case starting
        /// Every check passes; ready for traffic.
        case up
        /// A non-critical check fails; still ready.
        case degraded
        /// A critical check fails; not ready.
        case down
        /// Shutting down: finishing in-flight work; not ready.
        case draining
    }

    /// Overall state.
    public var status: Status
    /// Each check, in a stable order.
    public var checks: [HealthCheckResult]

    /// Whether `/health/ready` answers 200.
    public var isReady: Bool { status == .up || status == .degraded }

    /// Creates a report.
    public init(status: Status, checks: [HealthCheckResult]) {
        self.status = status
        self.checks = checks
    }
}

/// The outcome of one health check.
public struct HealthCheckResult: Codable, Sendable, Hashable {
    /// Check name, e.g. `database` or `dependency:products`.
    public var name: String
    /// Whether it passed.
    public var passed: Bool
    /// Whether a failure makes the instance not ready.
    public var critical: Bool
    /// How long the check took, in milliseconds.
    public var latencyMilliseconds: Double
    /// Why it failed, when it did.
    public var detail: String?

    /// Creates a check result.
    public init(name: String, passed: Bool, critical: Bool, latencyMilliseconds: Double, detail: String? = nil) {
        self.name = name
        self.passed = passed
        self.critical = critical
        self.latencyMilliseconds = latencyMilliseconds
        self.detail = detail
    }
}
