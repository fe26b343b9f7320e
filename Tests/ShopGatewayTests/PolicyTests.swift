import FlotillaContracts
import FlotillaServiceKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ShopGateway

@Suite("Gateway rate limits and breakers")
struct PolicyTests {
    /// `/api/orders`: quota 1 per hour, burst 3, per user. The emission interval is an hour, so
    /// within the test exactly the burst is admitted however the requests interleave.
    @Test func aBurstAdmitsExactlyTheBurstPerUser() async throws {
        let orders = FakeUpstream()
        let alice = try await Harness.token(for: "alice")
        let bob = try await Harness.token(for: "bob")
        try await Harness.run(orders: orders) { client, host in
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<12 {
                    group.addTask {
                        try await client.execute(
                            uri: "/api/orders", method: .get, headers: Harness.headers(token: alice)
                        )
                        .status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 3)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 9)
            #expect(orders.requests.count == 3)

            let refused = try await client.execute(
                uri: "/api/orders", method: .get, headers: Harness.headers(token: alice))
            #expect(refused.status == .tooManyRequests)
            #expect(refused.headers[Harness.field("RateLimit-Policy")] == #""/api/orders";q=1;w=3600"#)
            #expect(refused.headers[Harness.field("RateLimit")]?.hasPrefix(#""/api/orders";r=0;t="#) == true)
            let retryAfter = try #require(refused.headers[.retryAfter].flatMap(Int.init))
            #expect((3_500...3_600).contains(retryAfter))
            #expect(try Harness.problem(refused).status == 429)

            let other = try await client.execute(uri: "/api/orders", method: .get, headers: Harness.headers(token: bob))
            #expect(other.status == .ok)
            #expect(other.headers[Harness.field("RateLimit")]?.hasPrefix(#""/api/orders";r=2;t="#) == true)
            #expect(other.headers[Harness.field("RateLimit-Policy")] == #""/api/orders";q=1;w=3600"#)

            let limiter = try #require(await host.status.snapshot().rateLimiters.first { $0.name == "/api/orders" })
            #expect(limiter.admitted == 4)
            #expect(limiter.rejected == 10)
            #expect(limiter.key == "user")
        }
    }

    @Test func unlimitedRoutesCarryNoRateLimitFields() async throws {
        let token = try await Harness.token()
        try await Harness.run(users: FakeUpstream()) { client, _ in
            let response = try await client.execute(
                uri: "/api/users/1", method: .get, headers: Harness.headers(token: token))
            #expect(response.headers[Harness.field("RateLimit")] == nil)
        }
    }

    @Test func anOpenBreakerAnswers503FastWithRetryAfter() async throws {
        let users = FakeUpstream.fixed(.serviceUnavailable, #"{"error":"down"}"#)
        let token = try await Harness.token()
        let policy = "{ retry: { attempts: 1 }, breaker: { minimumCalls: 4, failureRate: 50, openFor: 30s } }"
        try await Harness.run(users: users, policy: policy) { client, host in
            for _ in 0..<4 {
                let passedThrough = try await client.execute(
                    uri: "/api/users/1", method: .get, headers: Harness.headers(token: token))
                #expect(passedThrough.status == .serviceUnavailable)
                #expect(String(buffer: passedThrough.body) == #"{"error":"down"}"#)
            }
            let fast = try await client.execute(
                uri: "/api/users/1", method: .get, headers: Harness.headers(token: token))
            #expect(fast.status == .serviceUnavailable)
            #expect(fast.headers[.retryAfter].flatMap(Int.init).map { (1...30).contains($0) } == true)
            #expect(try Harness.problem(fast).detail?.contains("circuit breaker is open") == true)
            #expect(users.requests.count == 4)
            #expect(await host.status.snapshot().breakers.first { $0.dependency == "users" }?.state == .open)
        }
    }

    @Test func idempotentRequestsAreRetriedAndBodiesAreNot() async throws {
        let users = FakeUpstream.fixed(.badGateway, "{}")
        let token = try await Harness.token()
        let policy = "{ retry: { attempts: 3, backoff: { initial: 1ms, max: 2ms } } }"
        try await Harness.run(users: users, policy: policy) { client, _ in
            _ = try await client.execute(uri: "/api/users/1", method: .get, headers: Harness.headers(token: token))
            #expect(users.requests.count == 3)
            _ = try await client.execute(
                uri: "/api/users/1", method: .put, headers: Harness.headers(token: token),
                body: ByteBuffer(string: "{}"))
            #expect(users.requests.count == 4)
        }
    }
}
