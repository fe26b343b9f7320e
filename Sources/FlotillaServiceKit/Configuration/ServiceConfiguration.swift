import FlotillaSpec
import Foundation
import Logging

/// Everything a service process needs to start, read from the environment (the runtime contract in
/// docs/generate.md) and validated before anything listens. Tests build it directly.
public struct ServiceConfiguration: Sendable {
    /// Service name from the spec, e.g. `orders`.
    public var serviceName: String
    /// Unique id of this process, e.g. `orders-7f3a9c`.
    public var instanceID: String
    /// Version of the binary.
    public var version: String
    /// Environment name (`local` under `flotilla up`).
    public var environment: String
    /// Address both servers bind to.
    public var host: String
    /// Public API port; 0 picks a free port (tests); nil for workers.
    public var httpPort: Int?
    /// Admin port; 0 picks a free port.
    public var adminPort: Int
    /// `DATABASE_URL`, when set.
    public var databaseURL: String?
    /// Folder for SQLite files.
    public var dataDirectory: String
    /// Bearer token mutating admin calls need; nil disables them.
    public var adminToken: String?
    /// Minimum log level.
    public var logLevel: Logger.Level
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// How long in-flight requests may take to finish at shutdown.
    public var drainTimeout: Duration
    /// OTLP/HTTP endpoint for traces, when export is on.
    public var otlpEndpoint: String?
    /// How dependencies are found.
    public var discovery: DiscoveryMode
    /// The service's part of the spec, when one was given (`FLOTILLA_SPEC`).
    public var spec: ServiceSpec?
    /// The whole system's spec, when one was given.
    public var system: SystemSpec?
    /// The process environment it was read from, for the service's own settings and secrets.
    public var processEnvironment: [String: String] = [:]

    /// A setting or secret of the service's own (e.g. `JWT_SIGNING_KEY`): the variable, or the
    /// contents of the file named by `<NAME>_FILE`; nil when neither is set.
    public func value(of name: String) -> String? { EnvironmentReader(processEnvironment).string(name) }

    /// A configuration for tests and embedding: ports 0 (free ports), loopback, SQLite in a temporary folder.
    public static func testing(service: String) -> ServiceConfiguration {
        ServiceConfiguration(
            serviceName: service, instanceID: "\(service)-test", version: "test", environment: "test",
            host: "127.0.0.1", httpPort: 0, adminPort: 0, databaseURL: nil,
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent(
                "flotilla-\(UUID().uuidString)"
            ).path,
            adminToken: "test-admin-token", logLevel: .error, maxBodyBytes: 1 << 20, drainTimeout: .seconds(5),
            otlpEndpoint: nil, discovery: .static([:]), spec: nil, system: nil)
    }
}

/// How a service finds the instances of its dependencies.
public enum DiscoveryMode: Sendable, Equatable {
    /// Fixed base URLs per dependency (`FLOTILLA_UPSTREAM_<NAME>`), as compose and tests use.
    case `static`([String: [String]])
    /// The registry file `flotilla up` keeps.
    case registry(path: String)
    /// Kubernetes headless-Service DNS names with ports, re-resolved periodically.
    case kubernetes([String: String])
}
