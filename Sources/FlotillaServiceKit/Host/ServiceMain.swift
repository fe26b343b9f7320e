import AsyncHTTPClient
import FlotillaSpec
import Foundation
import Logging

/// The whole `@main` of a service binary: `serve` (the default) and `healthcheck`. A service's
/// executable is one call: `await ServiceMain.run(service: "users", version: "0.1.0", build: Users.buildApplication)`.
public enum ServiceMain {
    /// Parses the command line and runs. Configuration problems print one line and exit 1.
    public static func run(
        service: String, version: String, build: @escaping @Sendable (ServiceConfiguration) async throws -> ServiceHost
    ) async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "healthcheck" {
            exit(await HealthcheckCommand.probe(arguments: Array(arguments.dropFirst()), service: service))
        }
        if let unknown = arguments.first(where: { $0 != "serve" }) {
            FileHandle.standardError.write(
                Data("usage: \(service) [serve | healthcheck [--port N]] (unknown argument '\(unknown)')\n".utf8))
            exit(64)
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.fromEnvironment(
                ProcessInfo.processInfo.environment, defaultService: service, version: version, loadSpec: loadSpec)
        } catch {
            FileHandle.standardError.write(Data("\(service): \(error)\n".utf8))
            exit(1)
        }
        do {
            let tracing = try Observability.bootstrapProcess(configuration)
            let host = try await build(configuration)
            try await host.run(extraServices: [tracing])
        } catch {
            FileHandle.standardError.write(Data("\(service): \(error)\n".utf8))
            exit(1)
        }
    }

    /// Loads the system spec a service reads its part from; an invalid spec is a start-up error.
    static func loadSpec(_ path: String) throws -> SystemSpec {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(
                setting: "FLOTILLA_SPEC", problem: "cannot read \(path)", fix: "point it at the system's flotilla.yaml")
        }
        let result = SpecLoader.load(bytes: [UInt8](data), file: path)
        guard result.isValid, let spec = result.spec else {
            let first = result.diagnostics.first { $0.severity == .error }.map(\.description) ?? "invalid"
            throw ConfigurationError(
                setting: "FLOTILLA_SPEC", problem: "\(path) is invalid: \(first)", fix: "run flotilla validate \(path)")
        }
        return spec
    }
}

/// `<service> healthcheck [--port N]`: asks the local admin port's readiness endpoint and exits
/// 0 when ready, 1 otherwise. Docker's HEALTHCHECK runs it, so images need no curl.
enum HealthcheckCommand {
    static func probe(arguments: [String], service: String) async -> Int32 {
        var port = ProcessInfo.processInfo.environment["ADMIN_PORT"].flatMap(Int.init) ?? 9090
        if let index = arguments.firstIndex(of: "--port"), index + 1 < arguments.count,
            let value = Int(arguments[index + 1])
        {
            port = value
        }
        let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health/ready")
        do {
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(3))
            let status = Int(response.status.code)
            print("\(service) healthcheck: \(status == 200 ? "ready" : "not ready (\(status))")")
            return status == 200 ? 0 : 1
        } catch {
            print("\(service) healthcheck: admin port \(port) unreachable: \(error)")
            return 1
        }
    }
}
