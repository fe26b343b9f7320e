import FlotillaContracts
import FlotillaSpec
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import FlotillaServiceKit

/// The admin port: health phases and checks, status snapshot against its schema, Prometheus text
/// through a real parser, and the token-protected mutating calls.
@Suite("Admin port")
struct AdminTests {
    @Test func readinessFollowsPhaseAndChecks() async throws {
        let host = Kit.host()
        host.health.enter(.starting)
        try await host.adminApplication().test(.router) { client in
            #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .serviceUnavailable)
            host.health.enter(.running)
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .ok)
            host.health.add(.init(name: "cache", critical: false) { throw Unreachable() })
            let degraded = try await client.execute(uri: "/health", method: .get)
            #expect(degraded.status == .ok)
            let report = try ContractCoding.decoder().decode(HealthReport.self, from: Data(buffer: degraded.body))
            #expect(report.status == .degraded)
            #expect(report.checks.first?.detail == "cache unreachable")
            host.health.add(.init(name: "database", critical: true) { throw Unreachable() })
            #expect(try await client.execute(uri: "/health/ready", method: .get).status == .serviceUnavailable)
            host.health.enter(.draining)
            let draining = try await client.execute(uri: "/health", method: .get)
            #expect(
                try ContractCoding.decoder().decode(HealthReport.self, from: Data(buffer: draining.body)).status
                    == .draining)
            #expect(try await client.execute(uri: "/health/live", method: .get).status == .ok)
        }
    }

    @Test func aHungCheckFailsWithinItsTimeout() async throws {
        let monitor = HealthMonitor(checkTimeout: .milliseconds(50))
        monitor.enter(.running)
        monitor.add(.init(name: "slow", critical: true) { try await Task.sleep(for: .seconds(600)) })
        let started = ContinuousClock.now
        let report = await monitor.report()
        // The check would hang for 10 minutes; well under a minute proves the timeout cut it off,
        // with room for a machine busy running the rest of the suite.
        #expect(ContinuousClock.now - started < .seconds(60))
        #expect(report.status == .down)
        #expect(report.checks.first?.detail?.hasPrefix("timed out") == true)
    }

    @Test func statusCountsTrafficPerRouteTemplateAndMatchesTheSchema() async throws {
        let host = Kit.host()
        try await host.publicApplication().test(.router) { client in
            for id in 1...5 { _ = try await client.execute(uri: "/orders/\(id)", method: .get) }
            _ = try await client.execute(uri: "/boom", method: .get)
        }
        try await host.adminApplication().test(.router) { client in
            let response = try await client.execute(uri: "/_flotilla/status", method: .get)
            #expect(response.status == .ok)
            let snapshot = try ContractCoding.decoder().decode(StatusSnapshot.self, from: Data(buffer: response.body))
            #expect(snapshot.identity.service == "orders")
            #expect(snapshot.traffic.requests == 6)
            #expect(snapshot.traffic.errors == 1)
            #expect(snapshot.traffic.routes.first == snapshot.traffic.routes.first { $0.route == "/orders/{id}" })
            #expect(snapshot.traffic.routes.first?.requests == 5)
            #expect(snapshot.traffic.latency.p99 != nil)
            let check = try await Kit.python(
                "json_schema.py", [Kit.repository.appendingPathComponent("docs/status.schema.json").path],
                input: String(buffer: response.body))
            #expect(check.status == 0, "\(check.standardOutput)")
        }
    }

    @Test func metricsParseWithPrometheusOwnParser() async throws {
        let host = Kit.host()
        try await host.publicApplication().test(.router) { client in
            _ = try await client.execute(uri: "/orders/1", method: .get)
            _ = try await client.execute(uri: "/no/such/path/\(UUID())", method: .get)
        }
        try await host.adminApplication().test(.router) { client in
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: response.body)
            #expect(text.contains(#"route="/orders/{id}""#))
            #expect(text.contains(#"route="unmatched""#))
            #expect(!text.contains("/no/such/path"))
            let parsed = try await Kit.python("prometheus_text.py", [], input: text)
            #expect(parsed.status == 0, "\(parsed.standardOutput)")
            #expect(parsed.standardOutput.contains("http_server_requests counter"))
        }
    }

    @Test func mutatingCallsNeedTheToken() async throws {
        let host = Kit.host("gateway") { configuration in
            configuration.spec = ServiceSpecFixture.withDependency("users")
        }
        try await host.adminApplication().test(.router) { client in
            let path = "/_flotilla/breakers/users/trip"
            #expect(try await client.execute(uri: path, method: .post).status == .unauthorized)
            let wrong: HTTPFields = [.authorization: "Bearer nope"]
            #expect(try await client.execute(uri: path, method: .post, headers: wrong).status == .unauthorized)
            let right: HTTPFields = [.authorization: "Bearer test-admin-token"]
            let tripped = try await client.execute(uri: path, method: .post, headers: right)
            #expect(tripped.status == .ok)
            #expect(
                try ContractCoding.decoder().decode(BreakerStatus.self, from: Data(buffer: tripped.body)).state
                    == .forcedOpen)
            let reset = try await client.execute(uri: "/_flotilla/breakers/users/reset", method: .post, headers: right)
            #expect(
                try ContractCoding.decoder().decode(BreakerStatus.self, from: Data(buffer: reset.body)).state == .closed
            )
            #expect(
                try await client.execute(uri: "/_flotilla/breakers/nobody/trip", method: .post, headers: right).status
                    == .notFound)
            let events = try await client.execute(uri: "/_flotilla/status", method: .get)
            let snapshot = try ContractCoding.decoder().decode(StatusSnapshot.self, from: Data(buffer: events.body))
            #expect(snapshot.recentEvents.contains { $0.kind == "admin" })
        }
    }

    @Test func injectedFaultsFailPublicRequestsUntilCleared() async throws {
        let host = Kit.host()
        let token: HTTPFields = [.authorization: "Bearer test-admin-token", .contentType: "application/json"]
        try await host.adminApplication().test(.router) { client in
            let invalid = try await client.execute(
                uri: "/_flotilla/faults", method: .post, headers: token,
                body: .json(#"{"errorRate": 3, "durationSeconds": 10}"#))
            #expect(invalid.status == .unprocessableContent)
            let created = try await client.execute(
                uri: "/_flotilla/faults", method: .post, headers: token,
                body: .json(#"{"errorRate": 1, "durationSeconds": 60}"#))
            #expect(created.status == .created)
        }
        try await host.publicApplication().test(.router) { client in
            let status = try await client.execute(uri: "/orders/1", method: .get).status
            #expect(status == .serviceUnavailable)
        }
        try await host.adminApplication().test(.router) { client in
            let status = try await client.execute(uri: "/_flotilla/faults", method: .delete, headers: token).status
            #expect(status == .noContent)
        }
        try await host.publicApplication().test(.router) { client in
            let status = try await client.execute(uri: "/orders/1", method: .get).status
            #expect(status == .ok)
        }
    }

    struct Unreachable: Error, CustomStringConvertible { var description: String { "cache unreachable" } }
}

/// Small specs for tests.
enum ServiceSpecFixture {
    /// A service calling `dependency` with default policies (and that dependency in the system).
    static func withDependency(_ dependency: String, policy: String = "{}") -> ServiceSpec? {
        let yaml = """
            name: test
            services:
              gateway:
                ports: { http: 18080 }
                calls:
                  \(dependency): \(policy)
              \(dependency):
                ports: { http: 18081 }
            """
        return SpecLoader.load(yaml: yaml, file: "test.yaml").spec?.service(named: "gateway")
    }
}
