/// A deployment environment: a kustomize overlay with its own database engine and overrides.
public struct EnvironmentSpec: Sendable, Hashable {
    /// Environment name, e.g. `dev`.
    public var name: Located<String>
    /// Engine of the owned databases here, unless a service overrides it.
    public var database: DatabaseEngine
    /// Replica count for every service without an override of its own.
    public var replicas: Located<Int>?
    /// Per-service overrides.
    public var overrides: [ServiceOverride]

    /// The two environments a spec gets when it names none.
    public static func defaults(at location: SourceLocation) -> [EnvironmentSpec] {
        ["dev", "prod"].map {
            EnvironmentSpec(name: Located($0, at: location), database: .postgres, replicas: nil, overrides: [])
        }
    }
}

/// What changes for one service in one environment.
public struct ServiceOverride: Sendable, Hashable {
    /// The service overridden.
    public var service: Located<String>
    /// Replica count.
    public var replicas: Located<Int>?
    /// Autoscaling, replacing the service's own.
    public var autoscale: AutoscaleSpec?
    /// Resources; fields not given keep the service's values.
    public var resources: PartialResources?
    /// Extra or replaced environment variables.
    public var env: [EnvironmentVariable]
}

/// Database engines a service can run on.
public enum DatabaseEngine: String, Sendable, Hashable, CaseIterable {
    /// An SQLite file: embedded, zero setup; the default of `flotilla up`.
    case sqlite
    /// PostgreSQL, reached through `DATABASE_URL`.
    case postgres
}
