import FlotillaSpec
import FlotillaStore
import Foundation
import Logging

extension ServiceConfiguration {
    /// Reads and validates the runtime contract's variables. `spec` is the system spec when
    /// `FLOTILLA_SPEC` names a file; a service missing from it is an error.
    public static func fromEnvironment(
        _ environment: [String: String], defaultService: String, version: String,
        loadSpec: (String) throws -> SystemSpec
    ) throws -> ServiceConfiguration {
        let reader = EnvironmentReader(environment)
        let service = reader.string("SERVICE_NAME") ?? defaultService
        guard SpecSyntax.isName(service) else {
            throw ConfigurationError(
                setting: "SERVICE_NAME", problem: "'\(service)' is not a valid service name",
                fix: "use a DNS-1123 label such as orders")
        }
        var system: SystemSpec?
        var serviceSpec: ServiceSpec?
        if let path = reader.string("FLOTILLA_SPEC") {
            let loaded = try loadSpec(path)
            guard let found = loaded.service(named: service) else {
                throw ConfigurationError(
                    setting: "FLOTILLA_SPEC", problem: "\(path) has no service '\(service)'",
                    fix: "check SERVICE_NAME or the spec")
            }
            system = loaded
            serviceSpec = found
        }
        let httpPort = try reader.port("HTTP_PORT") ?? serviceSpec?.ports.http?.value
        let adminPort =
            try reader.port("ADMIN_PORT") ?? serviceSpec?.ports.admin.value ?? (httpPort.map { $0 + 1000 } ?? 9090)
        if let httpPort, httpPort == adminPort, httpPort != 0 {
            throw ConfigurationError(
                setting: "ADMIN_PORT", problem: "equals HTTP_PORT \(httpPort)",
                fix: "give the admin port its own number")
        }
        let levelText = reader.string("LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw ConfigurationError(
                setting: "LOG_LEVEL", problem: "'\(levelText)' is not a log level",
                fix: "use trace, debug, info, notice, warning, error or critical")
        }
        let databaseURL = reader.string("DATABASE_URL")
        if let databaseURL, !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            throw ConfigurationError(
                setting: "DATABASE_URL", problem: "is not a postgres:// URL",
                fix: "unset it to use SQLite, or give postgres://user:password@host:5432/db")
        }
        if let databaseURL {
            // The store's own parser, so a URL that would fail when the database opens fails here,
            // at start-up, with the store's precise reason (bad port, unknown parameter …).
            do {
                _ = try DatabaseConfiguration.postgres(url: databaseURL)
            } catch {
                throw ConfigurationError(setting: "DATABASE_URL", problem: error.problem, fix: error.fix)
            }
        }
        let instance =
            reader.string("FLOTILLA_INSTANCE") ?? "\(service)-\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
        var configuration = ServiceConfiguration(
            serviceName: service, instanceID: instance, version: version,
            environment: reader.string("FLOTILLA_ENVIRONMENT") ?? "local",
            host: reader.string("FLOTILLA_BIND") ?? "0.0.0.0",
            httpPort: serviceSpec?.role == .worker ? nil : (httpPort ?? 8080),
            adminPort: adminPort, databaseURL: databaseURL,
            dataDirectory: reader.string("FLOTILLA_DATA_DIR") ?? ".flotilla/data",
            adminToken: reader.string("FLOTILLA_ADMIN_TOKEN"), logLevel: level,
            maxBodyBytes: try reader.integer("FLOTILLA_MAX_BODY_BYTES", in: 1_024...(256 << 20)) ?? (1 << 20),
            drainTimeout: try reader.duration("FLOTILLA_DRAIN") ?? serviceSpec?.drain ?? .seconds(10),
            otlpEndpoint: reader.string("OTEL_EXPORTER_OTLP_ENDPOINT"),
            discovery: try reader.discovery(dependencies: serviceSpec?.dependencies.map(\.service.value) ?? []),
            spec: serviceSpec, system: system)
        configuration.processEnvironment = environment
        return configuration
    }
}
