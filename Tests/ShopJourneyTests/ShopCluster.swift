import AsyncHTTPClient
import FlotillaTesting
import Foundation
import NIOCore
import Testing

/// The whole shop as real processes on loopback: every service's executable from this build,
/// configured from the repository's flotilla.yaml with free ports, static discovery and its own
/// database (SQLite files in a temporary folder, or one PostgreSQL database per service).
final class ShopCluster: @unchecked Sendable {
    /// Service name → executable product, in start order (upstreams before the gateway).
    static let services: [(name: String, product: String)] = [
        ("users", "UsersService"), ("products", "ProductsService"), ("payments", "PaymentsService"),
        ("notifications", "NotificationsService"), ("orders", "OrdersService"), ("gateway", "Gateway"),
    ]
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let signingKey = "journey-test-signing-key-0123456789abcdef"
    static let adminToken = "journey-admin-token"

    let ports: [String: (http: Int, admin: Int)]
    let dataDirectory: URL
    let databaseURLs: [String: String]
    let extraEnvironment: [String: String]
    private(set) var processes: [String: RunningProcess] = [:]

    /// Prepares a cluster; `databaseURLs` maps services to PostgreSQL URLs (SQLite for the others).
    init(databaseURLs: [String: String] = [:], environment: [String: String] = [:]) throws {
        var ports: [String: (http: Int, admin: Int)] = [:]
        for service in Self.services { ports[service.name] = (LoopbackPort.free(), LoopbackPort.free()) }
        self.ports = ports
        self.databaseURLs = databaseURLs
        self.extraEnvironment = environment
        dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("flotilla-shop-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
    }

    var gateway: String { "http://127.0.0.1:\(ports["gateway"]?.http ?? 0)" }

    func admin(_ service: String) -> String { "http://127.0.0.1:\(ports[service]?.admin ?? 0)" }

    func environment(of service: String) -> [String: String] {
        var environment: [String: String] = [
            "SERVICE_NAME": service,
            "FLOTILLA_SPEC": Self.repository.appendingPathComponent("flotilla.yaml").path,
            "HTTP_PORT": String(ports[service]?.http ?? 0),
            "ADMIN_PORT": String(ports[service]?.admin ?? 0),
            "FLOTILLA_BIND": "127.0.0.1",
            "FLOTILLA_ENVIRONMENT": "test",
            "FLOTILLA_DATA_DIR": dataDirectory.path,
            "FLOTILLA_DISCOVERY": "static",
            "FLOTILLA_ADMIN_TOKEN": Self.adminToken,
            "JWT_SIGNING_KEY": Self.signingKey,
            "LOG_LEVEL": "warning",
            // The cheapest accepted password-hashing cost: the tests share two cores with each other.
            "PASSWORD_SCRYPT_LOG_N": "14",
        ]
        for other in Self.services {
            environment["FLOTILLA_UPSTREAM_\(other.name.uppercased())"] =
                "http://127.0.0.1:\(ports[other.name]?.http ?? 0)"
        }
        if let url = databaseURLs[service] { environment["DATABASE_URL"] = url }
        return environment.merging(extraEnvironment) { _, new in new }
    }

    /// Starts one service's process (again, after a kill).
    func launch(_ service: String) throws {
        guard let product = Self.services.first(where: { $0.name == service })?.product else { return }
        processes[service] = try RunningProcess(
            ChildProcess.builtProduct(product), environment: environment(of: service))
    }

    /// Sends `signal` to a service's process and waits for it to exit.
    func kill(_ service: String, signal: Int32 = SIGKILL) async {
        guard let process = processes[service] else { return }
        process.signal(signal)
        _ = await process.waitForExit(timeout: .seconds(20))
    }

    /// Waits until the service's admin port says it is ready.
    func waitReady(_ service: String, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while ContinuousClock.now < deadline {
            if let process = processes[service], !process.process.isRunning {
                throw ClusterError.exited(service, process.output.suffix(2000).description)
            }
            let request = HTTPClientRequest(url: admin(service) + "/health/ready")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)),
                response.status == .ok
            {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ClusterError.notReady(service, processes[service]?.output.suffix(2000).description ?? "")
    }

    /// Stops every process (SIGTERM, then SIGKILL) and removes the data folder.
    func stop() async {
        for process in processes.values { process.signal(SIGTERM) }
        for process in processes.values where await process.waitForExit(timeout: .seconds(15)) == nil {
            process.signal(SIGKILL)
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// Runs `body` with a cluster of `services` started (all by default), stopping it afterwards;
    /// on failure the services' logs are attached to the test.
    static func with(
        databaseURLs: [String: String] = [:], environment: [String: String] = [:], services: [String]? = nil,
        _ body: (ShopCluster) async throws -> Void
    ) async throws {
        let cluster = try ShopCluster(databaseURLs: databaseURLs, environment: environment)
        do {
            let names = services ?? Self.services.map(\.name)
            for name in names { try cluster.launch(name) }
            for name in names { try await cluster.waitReady(name) }
            try await body(cluster)
            await cluster.stop()
        } catch {
            let logs = cluster.logs
            await cluster.stop()
            Issue.record("service logs:\n\(logs)")
            throw error
        }
    }

    /// Everything the services wrote, for failure messages.
    var logs: String {
        processes.sorted { $0.key < $1.key }.map { "== \($0.key)\n\($0.value.output.suffix(3000))" }
            .joined(separator: "\n")
    }

    enum ClusterError: Error, CustomStringConvertible {
        case exited(String, String)
        case notReady(String, String)

        var description: String {
            switch self {
            case .exited(let service, let log): "\(service) exited during start-up:\n\(log)"
            case .notReady(let service, let log): "\(service) did not become ready:\n\(log)"
            }
        }
    }
}
