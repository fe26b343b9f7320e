import FlotillaContracts
import FlotillaResilience
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import FlotillaServiceKit

/// Real calls between two in-process services on loopback: propagation, retries, breakers.
@Suite("Service client")
struct ServiceClientTests {
    /// An upstream `users` service that fails its first `failures` GETs with 503 and records what it saw.
    final class Upstream: Sendable {
        let seen = Mutex<[HTTPFields]>([])
        let remainingFailures: Mutex<Int>
        let host: ServiceHost

        init(failures: Int) {
            _ = Kit.tracing
            remainingFailures = Mutex(failures)
            host = ServiceHost(configuration: .testing(service: "users"))
            host.health.enter(.running)
            host.routes.get("/users/:id") { [self] request, context in
                seen.withLock { $0.append(request.headers) }
                let fail = remainingFailures.withLock { count -> Bool in
                    defer { count -= 1 }
                    return count > 0
                }
                if fail { throw ProblemError(.serviceUnavailable, "warming up") }
                return JSONResponse.make(["id": context.parameters.get("id") ?? ""])
            }
            host.routes.post("/users") { [self] request, _ -> Response in
                seen.withLock { $0.append(request.headers) }
                throw ProblemError(.serviceUnavailable, "always down")
            }
        }
    }

    /// Runs `body` with a caller whose `users` dependency points at a live upstream.
    func withCaller(
        upstream: Upstream, policy: String = "{ retry: { attempts: 3, backoff: { initial: 1ms, max: 5ms } } }",
        _ body: @escaping @Sendable (ServiceHost) async throws -> Void
    ) async throws {
        try await upstream.host.publicApplication().test(.live) { client in
            let port = try #require(client.port)
            let caller = Kit.host("gateway") { configuration in
                configuration.spec = ServiceSpecFixture.withDependency("users", policy: policy)
                configuration.discovery = .static(["users": ["http://127.0.0.1:\(port)"]])
            }
            try await body(caller)
        }
    }

    @Test func propagatesTraceRequestIDAndDeadline() async throws {
        let upstream = Upstream(failures: 0)
        try await withCaller(upstream: upstream) { caller in
            let response = try await caller.client.send("users", .get, "/users/42", requestID: "req-1")
            #expect(response.status == .ok)
            #expect(try response.decode([String: String].self) == ["id": "42"])
            let headers = try #require(upstream.seen.withLock { $0.last })
            #expect(headers[HTTPField.Name("X-Request-Id")!] == "req-1")
            let deadline = try #require(headers[HTTPField.Name("X-Flotilla-Deadline-Ms")!].flatMap(Int.init))
            #expect((1...2_000).contains(deadline))
            #expect(headers[HTTPField.Name("traceparent")!]?.hasPrefix("00-") == true)
        }
    }

    @Test func retriesIdempotentCallsAndCountsThem() async throws {
        let upstream = Upstream(failures: 2)
        try await withCaller(upstream: upstream) { caller in
            let response = try await caller.client.send("users", .get, "/users/1")
            #expect(response.status == .ok)
            #expect(upstream.seen.withLock { $0.count } == 3)
            #expect(caller.status.dependencies.retries.first?.retries == 2)
        }
    }

    @Test func neverRetriesNonIdempotentCalls() async throws {
        let upstream = Upstream(failures: 0)
        try await withCaller(upstream: upstream) { caller in
            let response = try await caller.client.send("users", .post, "/users", body: ByteBuffer(string: "{}"))
            #expect(response.status == .serviceUnavailable)
            #expect(upstream.seen.withLock { $0.count } == 1)
        }
    }

    @Test func anOpenBreakerFailsFastAndShowsInStatus() async throws {
        let upstream = Upstream(failures: 1_000)
        let policy = "{ retry: { attempts: 1 }, breaker: { minimumCalls: 4, failureRate: 50, openFor: 30s } }"
        try await withCaller(upstream: upstream, policy: policy) { caller in
            for _ in 0..<4 { _ = try await caller.client.send("users", .get, "/users/1") }
            await #expect(throws: ResilienceError.self) { try await caller.client.send("users", .get, "/users/1") }
            #expect(upstream.seen.withLock { $0.count } == 4)
            let breaker = try #require(caller.status.dependencies.breakers.first)
            #expect(breaker.state == .open)
            #expect(breaker.rejected == 1)
            #expect(caller.events.recent.contains { $0.message.contains("breaker users: closed → open") })
        }
    }

    @Test func undeclaredDependenciesAndMissingInstancesAreClearErrors() async throws {
        let caller = Kit.host("gateway") { $0.spec = ServiceSpecFixture.withDependency("users") }
        await #expect(throws: ServiceClientError.self) { try await caller.client.send("payments", .get, "/") }
        do {
            _ = try await caller.client.send("users", .get, "/users/1")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("no instance of 'users'"))
        }
    }
}

@Suite("Load balancer")
struct LoadBalancerTests {
    @Test func roundRobinSkipsEjectedInstancesButNeverAll() {
        let balancer = LoadBalancer(ejectAfter: 2, baseEjection: .seconds(10))
        let endpoints = ["a", "b", "c"]
        let now = ContinuousClock.now
        #expect(Set((0..<6).compactMap { _ in balancer.pick(from: endpoints, now: now) }) == ["a", "b", "c"])
        balancer.record("b", succeeded: false, now: now)
        balancer.record("b", succeeded: false, now: now)
        #expect(balancer.ejected(now: now) == ["b"])
        #expect(!(0..<10).contains { _ in balancer.pick(from: endpoints, now: now) == "b" })
        #expect(balancer.ejected(now: now.advanced(by: .seconds(11))).isEmpty)
        for endpoint in endpoints {
            balancer.record(endpoint, succeeded: false, now: now)
            balancer.record(endpoint, succeeded: false, now: now)
        }
        #expect(balancer.pick(from: endpoints, now: now) != nil)
    }

    @Test func ejectionDoublesAndSuccessResetsTheStreak() {
        let balancer = LoadBalancer(ejectAfter: 1, baseEjection: .seconds(10), maxEjection: .seconds(25))
        let now = ContinuousClock.now
        balancer.record("a", succeeded: false, now: now)
        #expect(balancer.ejected(now: now.advanced(by: .seconds(9))) == ["a"])
        balancer.record("a", succeeded: false, now: now.advanced(by: .seconds(11)))
        #expect(balancer.ejected(now: now.advanced(by: .seconds(30))) == ["a"])
        #expect(balancer.ejected(now: now.advanced(by: .seconds(37))).isEmpty)
        balancer.record("a", succeeded: true, now: now.advanced(by: .seconds(40)))
        #expect(balancer.ejected(now: now.advanced(by: .seconds(40))).isEmpty)
    }
}
