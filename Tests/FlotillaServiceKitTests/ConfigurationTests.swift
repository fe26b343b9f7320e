import FlotillaSpec
import Foundation
import Testing

@testable import FlotillaServiceKit

/// Start-up configuration: every bad value is one clear error.
@Suite("Configuration")
struct ConfigurationTests {
    static let spec = SpecLoader.load(
        yaml: """
            name: shop
            services:
              orders:
                ports: { http: 8083, admin: 9083 }
                drain: 15s
                calls: { products: {} }
              products:
                ports: { http: 8082 }
            """, file: "f.yaml"
    ).spec

    func load(_ environment: [String: String]) throws -> ServiceConfiguration {
        try ServiceConfiguration.fromEnvironment(environment, defaultService: "orders", version: "1") { _ in
            guard let spec = Self.spec else { throw ConfigurationError(setting: "x", problem: "y", fix: "z") }
            return spec
        }
    }

    @Test func readsTheSpecAndTheEnvironment() throws {
        let configuration = try load([
            "FLOTILLA_SPEC": "flotilla.yaml", "LOG_LEVEL": "debug",
            "FLOTILLA_UPSTREAM_PRODUCTS": "http://127.0.0.1:8082",
        ])
        #expect(configuration.httpPort == 8083)
        #expect(configuration.adminPort == 9083)
        #expect(configuration.drainTimeout == .seconds(15))
        #expect(configuration.logLevel == .debug)
        #expect(configuration.discovery == .static(["products": ["http://127.0.0.1:8082"]]))
        #expect(configuration.spec?.dependencies.map(\.service.value) == ["products"])
        #expect(configuration.instanceID.hasPrefix("orders-"))
    }

    @Test(arguments: [
        (
            ["HTTP_PORT": "abc"],
            "configuration error: HTTP_PORT: 'abc' is not a port number (use 1–65535, or 0 for any free port)"
        ),
        (
            ["LOG_LEVEL": "loud"],
            "configuration error: LOG_LEVEL: 'loud' is not a log level (use trace, debug, info, notice, warning, error or critical)"
        ),
        (
            ["DATABASE_URL": "mysql://x"],
            "configuration error: DATABASE_URL: is not a postgres:// URL (unset it to use SQLite, or give postgres://user:password@host:5432/db)"
        ),
        (
            ["HTTP_PORT": "8000", "ADMIN_PORT": "8000"],
            "configuration error: ADMIN_PORT: equals HTTP_PORT 8000 (give the admin port its own number)"
        ),
        (
            ["FLOTILLA_DISCOVERY": "consul"],
            "configuration error: FLOTILLA_DISCOVERY: 'consul' is not a discovery mode (use static, registry or kubernetes)"
        ),
        (
            ["FLOTILLA_UPSTREAM_USERS": "users:8081"],
            "configuration error: FLOTILLA_UPSTREAM_USERS: 'users:8081' is not a list of http:// URLs (e.g. http://127.0.0.1:8081,http://127.0.0.1:8181)"
        ),
        (
            ["SERVICE_NAME": "Orders_Service"],
            "configuration error: SERVICE_NAME: 'Orders_Service' is not a valid service name (use a DNS-1123 label such as orders)"
        ),
        (
            ["FLOTILLA_DRAIN": "10"],
            "configuration error: FLOTILLA_DRAIN: '10' is not a duration (write 500ms, 10s or 1m)"
        ),
        (
            ["FLOTILLA_SPEC": "f.yaml", "SERVICE_NAME": "payments"],
            "configuration error: FLOTILLA_SPEC: f.yaml has no service 'payments' (check SERVICE_NAME or the spec)"
        ),
    ])
    func badValuesAreOneClearMessage(environment: [String: String], message: String) {
        do {
            _ = try load(environment)
            Issue.record("expected \(message)")
        } catch {
            #expect("\(error)" == message)
        }
    }
}

@Suite("Traffic window")
struct TrafficWindowTests {
    @Test func countsAreExactAndOldSecondsExpire() {
        let window = TrafficWindow(windowSeconds: 10)
        for second in 0..<20 {
            window.begin()
            window.end(route: "GET /a", second: Int64(second), milliseconds: Double(second), isError: second % 5 == 0)
        }
        let snapshot = window.snapshot(now: 19)
        #expect(snapshot.requests == 10)
        #expect(snapshot.errors == 2)
        #expect(snapshot.totalRequests == 20)
        #expect(snapshot.inFlight == 0)
        #expect(snapshot.latency.p50 == 14)
        #expect(snapshot.latency.p99 == 19)
        #expect(snapshot.routes.map(\.route) == ["/a"])
    }

    @Test func routesAreCappedSoCardinalityStaysBounded() {
        let window = TrafficWindow()
        for index in 0..<200 {
            window.begin()
            window.end(route: "GET /r\(index)", second: 1, milliseconds: 1, isError: false)
        }
        let routes = window.snapshot(now: 1).routes
        #expect(routes.count == 51)
        #expect(routes.first?.route == "other")
        #expect(routes.first?.requests == 150)
    }
}

@Suite("Database URL at start-up")
struct DatabaseURLTests {
    @Test func aMalformedPostgresURLFailsAtStartUpWithTheStoresReason() {
        do {
            _ = try ServiceConfiguration.fromEnvironment(
                ["DATABASE_URL": "postgres://app:secret@db:99999/orders"], defaultService: "orders", version: "1"
            ) { _ in throw ConfigurationError(setting: "-", problem: "-", fix: "-") }
            Issue.record("expected a configuration error")
        } catch {
            let text = "\(error)"
            #expect(text.hasPrefix("configuration error: DATABASE_URL: "))
            #expect(text.contains("99999"))
            #expect(!text.contains("secret"))
        }
    }
}

@Suite("Secrets from files")
struct SecretFileTests {
    @Test func variablesFallBackToTheFileNamedByUnderscoreFILE() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID())").path
        try "s3cret-token\n".write(toFile: path, atomically: true, encoding: .utf8)
        let configuration = try ServiceConfiguration.fromEnvironment(
            ["FLOTILLA_ADMIN_TOKEN_FILE": path, "JWT_SIGNING_KEY_FILE": path, "HTTP_PORT": "8080"],
            defaultService: "users",
            version: "1"
        ) { _ in throw ConfigurationError(setting: "-", problem: "-", fix: "-") }
        #expect(configuration.adminToken == "s3cret-token")
        #expect(configuration.value(of: "JWT_SIGNING_KEY") == "s3cret-token")
        #expect(configuration.value(of: "MISSING") == nil)
    }
}
