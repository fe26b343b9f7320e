/// One service of the system, with every default filled in.
public struct ServiceSpec: Sendable, Hashable {
    /// Service name; a DNS-1123 label.
    public var name: Located<String>
    /// The SwiftPM executable product that builds it.
    public var product: String
    /// Gateway, ordinary service, or worker without an HTTP API.
    public var role: ServiceRole
    /// Listening ports.
    public var ports: PortsSpec
    /// Pod count when autoscaling is off; nil when not written (one replica).
    public var replicas: Located<Int>?
    /// CPU and memory requests and limits.
    public var resources: ResourcesSpec
    /// Horizontal autoscaling; nil when off.
    public var autoscale: AutoscaleSpec?
    /// Plain environment variables, in the order written.
    public var env: [EnvironmentVariable]
    /// Environment variables read from Secrets.
    public var secrets: [SecretVariable]
    /// The service's own database, if it has one.
    public var database: DatabaseSpec?
    /// Health endpoints and probe timings.
    public var health: HealthSpec
    /// How long in-flight work may take to finish at shutdown.
    public var drain: Duration
    /// Services called synchronously, with their resilience policies.
    public var calls: [DependencySpec]
    /// Operations other services' sagas may invoke.
    public var operations: [Located<String>]
    /// Events published through the outbox.
    public var publishes: [Located<String>]
    /// Events consumed.
    public var subscribes: [Located<String>]
    /// Gateway routes (gateway role only).
    public var routes: [RouteSpec]
    /// Sagas this service orchestrates.
    public var sagas: [SagaSpec]
    /// How the gateway is reached from outside the cluster (gateway role only).
    public var expose: ExposeSpec?
    /// Where the service is declared.
    public var location: SourceLocation

    /// Replica count when autoscaling is off.
    public var replicaCount: Int { replicas?.value ?? 1 }

    /// Every service this one calls synchronously: declared calls, route targets and saga step
    /// services, each once, in first-mention order. Route and saga targets that are not declared
    /// under `calls` get the default policy.
    public var dependencies: [DependencySpec] {
        var seen = Set(calls.map(\.service.value))
        var result = calls
        let implicit =
            routes.map(\.service)
            + sagas.flatMap { $0.steps.flatMap { [$0.action, $0.compensation].compactMap { $0 } } }
            .map { Located($0.value.service, at: $0.location) }
        for target in implicit where target.value != name.value && seen.insert(target.value).inserted {
            result.append(DependencySpec(service: target, policy: .default, isImplicit: true))
        }
        return result
    }
}

/// What a service is for.
public enum ServiceRole: String, Sendable, Hashable, CaseIterable {
    /// An ordinary service with an HTTP API.
    case service
    /// The API gateway: routes public traffic; the only service exposed outside the cluster.
    case gateway
    /// A background worker: no HTTP API, only the admin port.
    case worker
}

/// Listening ports.
public struct PortsSpec: Sendable, Hashable {
    /// Public API port; nil for workers.
    public var http: Located<Int>?
    /// Admin port (health, metrics, `/_flotilla`).
    public var admin: Located<Int>
}

/// A plain environment variable.
public struct EnvironmentVariable: Sendable, Hashable {
    /// Variable name.
    public var name: Located<String>
    /// Its value.
    public var value: String
}

/// An environment variable whose value comes from a key of a Secret.
public struct SecretVariable: Sendable, Hashable {
    /// Variable name.
    public var name: Located<String>
    /// Name of the Secret.
    public var secret: String
    /// Key inside the Secret.
    public var key: String
}

/// A database owned by one service.
public struct DatabaseSpec: Sendable, Hashable {
    /// Database name.
    public var name: String
    /// Engine override; nil follows the environment.
    public var engine: DatabaseEngine?
}

/// Health endpoints (on the admin port) and probe timings.
public struct HealthSpec: Sendable, Hashable {
    /// Liveness path.
    public var liveness: String
    /// Readiness path.
    public var readiness: String
    /// Probe interval.
    public var period: Duration
    /// Probe timeout.
    public var timeout: Duration
    /// Failures before a probe counts as failed.
    public var failureThreshold: Int
    /// How long start-up may take before liveness applies.
    public var startupTimeout: Duration

    /// The defaults: `/health/live`, `/health/ready`, every 10 s, 2 s timeout, 3 failures, 60 s start-up.
    public static let `default` = HealthSpec(
        liveness: "/health/live", readiness: "/health/ready", period: .seconds(10), timeout: .seconds(2),
        failureThreshold: 3, startupTimeout: .seconds(60))
}
