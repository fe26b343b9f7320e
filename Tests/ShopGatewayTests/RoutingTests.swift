import FlotillaContracts
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Testing

@testable import FlotillaServiceKit
@testable import ShopGateway

@Suite("Gateway routing")
struct RoutingTests {
    @Test func forwardsWithRewriteQueryIdentityAndForwardingHeaders() async throws {
        let users = FakeUpstream()
        let token = try await Harness.token(for: "user-7")
        try await Harness.run(users: users) { client, _ in
            let traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
            let response = try await client.execute(
                uri: "/api/users/7?fields=name", method: .get,
                headers: Harness.headers(
                    token: token,
                    [
                        Harness.field("traceparent"): traceparent, Harness.field("X-Request-Id"): "req-42",
                        Harness.field("Keep-Alive"): "timeout=5", Harness.field("Proxy-Authorization"): "Basic eA==",
                        Harness.field("TE"): "trailers",
                    ]))
            #expect(response.status == .ok)
            let seen = try #require(users.last)
            #expect(seen.method == "GET")
            #expect(seen.path == "/users/7?fields=name")
            #expect(seen.header(ShopHeaders.user) == "user-7")
            #expect(seen.header("X-Request-Id") == "req-42")
            #expect(response.headers[Harness.field("X-Request-Id")] == "req-42")
            #expect(seen.header("traceparent")?.contains("0af7651916cd43dd8448eb211c80319c") == true)
            #expect(seen.header("X-Forwarded-For") == "127.0.0.1")
            #expect(seen.header("X-Forwarded-Proto") == "http")
            #expect(seen.header("X-Forwarded-Host") != nil)
            #expect(seen.header("Keep-Alive") == nil)
            #expect(seen.header("Proxy-Authorization") == nil)
            #expect(seen.header("TE") == nil)
            #expect(seen.header("X-Flotilla-Deadline-Ms").flatMap(Int.init).map { $0 > 0 } == true)
            // The upstream's hop-by-hop fields (and those its Connection header names) stay behind.
            #expect(response.headers[Harness.field("X-Upstream-Private")] == nil)
            #expect(String(buffer: response.body).contains(#""path":"/users/7?fields=name""#))
        }
    }

    @Test func longestPrefixOnSegmentBoundariesWins() async throws {
        let users = FakeUpstream()
        let orders = FakeUpstream()
        let products = FakeUpstream()
        let token = try await Harness.token()
        try await Harness.run(users: users, orders: orders, products: products) { client, _ in
            let headers = Harness.headers(token: token)
            #expect(try await client.execute(uri: "/api/users/admin/x", method: .get, headers: headers).status == .ok)
            #expect(orders.last?.path == "/admin/x")
            #expect(try await client.execute(uri: "/api/users", method: .get, headers: headers).status == .ok)
            #expect(users.last?.path == "/users")
            #expect(try await client.execute(uri: "/api/users/", method: .get, headers: headers).status == .ok)
            #expect(users.last?.path == "/users/")
            #expect(try await client.execute(uri: "/api/root/a/b", method: .get).status == .ok)
            #expect(products.last?.path == "/a/b")
            #expect(try await client.execute(uri: "/api/root", method: .get).status == .ok)
            #expect(products.last?.path == "/")
            let near = try await client.execute(uri: "/api/usersx", method: .get, headers: headers)
            #expect(near.status == .notFound)
            #expect(near.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func everyMethodAndBodyIsForwardedUnchanged() async throws {
        let users = FakeUpstream()
        let token = try await Harness.token()
        try await Harness.run(users: users) { client, _ in
            let malformed = ByteBuffer(string: "{not json")
            let response = try await client.execute(
                uri: "/api/users/7", method: .patch,
                headers: Harness.headers(token: token, [.contentType: "application/json"]), body: malformed)
            #expect(response.status == .ok)
            #expect(users.last?.method == "PATCH")
            #expect(users.last?.bodyBytes == malformed.readableBytes)
            #expect(
                try await client.execute(uri: "/api/users/7", method: .delete, headers: Harness.headers(token: token))
                    .status == .ok)
            #expect(users.last?.method == "DELETE")
        }
    }

    @Test func unknownPathsAre404AndOwnEndpoints405AsProblems() async throws {
        let token = try await Harness.token()
        try await Harness.run(users: FakeUpstream()) { client, _ in
            let missing = try await client.execute(uri: "/nothing/here", method: .get)
            #expect(missing.status == .notFound)
            #expect(try Harness.problem(missing).status == 404)
            let wrongMethod = try await client.execute(
                uri: "/api/dashboard", method: .post, headers: Harness.headers(token: token))
            #expect(wrongMethod.status == .methodNotAllowed)
            #expect(wrongMethod.headers[.allow] == "GET")
        }
    }

    @Test func upstreamDownIs502AndNoInstanceIs503() async throws {
        let token = try await Harness.token()
        let closedPort: @Sendable (inout ServiceConfiguration) -> Void = {
            $0.discovery = .static(["users": ["http://127.0.0.1:1"]])
        }
        try await Harness.run(users: FakeUpstream(), configure: closedPort) { client, _ in
            let down = try await client.execute(
                uri: "/api/users/1", method: .get, headers: Harness.headers(token: token))
            #expect(down.status == .badGateway)
            let none = try await client.execute(uri: "/api/products", method: .get)
            #expect(none.status == .serviceUnavailable)
        }
    }
}

@Suite("Hop-by-hop headers")
struct HopByHopTests {
    @Test func connectionListedAndFixedFieldsAreDroppedBothWays() {
        let incoming: HTTPFields = [
            .connection: "close, X-Hop", Harness.field("X-Hop"): "1", Harness.field("Proxy-Connection"): "x",
            .transferEncoding: "chunked", .contentLength: "3", .accept: "application/json",
        ]
        let outbound = HopByHopHeaders.forwardable(incoming)
        #expect(outbound.map(\.name) == ["Accept"])
        let answer = HTTPHeaders([("Connection", "X-Secret"), ("X-Secret", "1"), ("Upgrade", "h2c"), ("ETag", "\"1\"")])
        #expect(HopByHopHeaders.forwardable(answer).map(\.name.canonicalName) == ["etag"])
    }
}

@Suite("Gateway route table")
struct RouteTableTests {
    @Test func matchesOnSegmentBoundariesOnly() throws {
        let table = GatewayRouteTable(try Harness.spec().routes)
        #expect(table.match("/api/users/7")?.route.service == "users")
        #expect(table.match("/api/users/7")?.remainder == "/7")
        #expect(table.match("/api/users/admin")?.route.service == "orders")
        #expect(table.match("/api/users/adminx")?.route.service == "users")
        #expect(table.match("/api/usersx") == nil)
        #expect(table.match("/api") == nil)
        #expect(table.match("/") == nil)
    }
}
