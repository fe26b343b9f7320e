import Foundation

/// One instance's state at one moment: what `GET /_flotilla/status` on the admin port returns.
/// `flotilla status` and `flotilla dash` read only this. Documented in docs/status.md.
///
/// Compatibility: `schemaVersion` changes only when a field is removed or changes meaning; new
/// fields are optional, so a reader of version N ignores what it does not know.
public struct StatusSnapshot: Codable, Sendable, Hashable {
    /// The version of this contract; 1 for the shape documented here.
    public static let currentSchemaVersion = 1

    /// Contract version of this snapshot.
    public var schemaVersion: Int
    /// When the instance took the snapshot.
    public var capturedAt: Date
    /// Which instance this is.
    public var identity: InstanceIdentity
    /// Readiness and each health check.
    public var health: HealthReport
    /// Request counts and latencies over a recent window.
    public var traffic: TrafficSnapshot
    /// Circuit breakers, one per dependency.
    public var breakers: [BreakerStatus]
    /// Rate limiters, one per route or policy.
    public var rateLimiters: [RateLimiterStatus]
    /// Bulkheads, one per dependency.
    public var bulkheads: [BulkheadStatus]
    /// Retry counts and budgets, one per dependency.
    public var retries: [RetryStatus]
    /// Sagas this instance orchestrates; nil when it runs none.
    public var sagas: SagaSummary?
    /// Outbox delivery; nil when the service publishes nothing.
    public var outbox: OutboxStatus?
    /// Faults injected through the admin API that are active now.
    public var faults: [FaultStatus]
    /// The most recent notable events (state changes, dead letters, saga outcomes), newest first, at most 50.
    public var recentEvents: [StatusEvent]

    /// Creates a snapshot of the current schema version.
    public init(
        capturedAt: Date, identity: InstanceIdentity, health: HealthReport, traffic: TrafficSnapshot,
        breakers: [BreakerStatus] = [], rateLimiters: [RateLimiterStatus] = [], bulkheads: [BulkheadStatus] = [],
        retries: [RetryStatus] = [], sagas: SagaSummary? = nil, outbox: OutboxStatus? = nil, faults: [FaultStatus] = [],
        recentEvents: [StatusEvent] = []
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.capturedAt = capturedAt
        self.identity = identity
        self.health = health
        self.traffic = traffic
        self.breakers = breakers
        self.rateLimiters = rateLimiters
        self.bulkheads = bulkheads
        self.retries = retries
        self.sagas = sagas
        self.outbox = outbox
        self.faults = faults
        self.recentEvents = recentEvents
    }
}

/// Who an instance is and where it listens.
public struct InstanceIdentity: Codable, Sendable, Hashable {
    /// Service name from the spec, e.g. `orders`.
    public var service: String
    /// Unique per process, e.g. `orders-7f3a9c`; stable for the process's life.
    public var instance: String
    /// Version of the service binary.
    public var version: String
    /// Environment name (`local` under `flotilla up`).
    public var environment: String
    /// Process id.
    public var pid: Int32
    /// When the process started.
    public var startedAt: Date
    /// Seconds since start.
    public var uptimeSeconds: Double
    /// Public API port; nil for workers.
    public var httpPort: Int?
    /// Admin port.
    public var adminPort: Int

    /// Creates an identity.
    public init(
        service: String, instance: String, version: String, environment: String, pid: Int32, startedAt: Date,
        uptimeSeconds: Double, httpPort: Int?, adminPort: Int
    ) {
        self.service = service
        self.instance = instance
        self.version = version
        self.environment = environment
        self.pid = pid
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.httpPort = httpPort
        self.adminPort = adminPort
    }
}
