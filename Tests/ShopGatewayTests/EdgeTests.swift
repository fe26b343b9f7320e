import FlotillaServiceKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ShopGateway

@Suite("Gateway CORS and streaming")
struct EdgeTests {
    static let origin = "https://shop.example.com"

    @Test func preflightsAreAnsweredByTheGateway() async throws {
        let users = FakeUpstream()
        try await Harness.run(users: users, environment: ["CORS_ALLOWED_ORIGINS": Self.origin]) { client, _ in
            let preflight = try await client.execute(
                uri: "/api/users/1", method: .options,
                headers: [.origin: Self.origin, CORSPolicy.requestMethod: "POST"])
            #expect(preflight.status == .noContent)
            #expect(preflight.headers[.accessControlAllowOrigin] == Self.origin)
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            #expect(preflight.headers[.vary]?.contains("Origin") == true)
            let stranger = try await client.execute(
                uri: "/api/users/1", method: .options,
                headers: [.origin: "https://evil.example", CORSPolicy.requestMethod: "GET"])
            #expect(stranger.status == .forbidden)
            #expect(stranger.headers[.accessControlAllowOrigin] == nil)
            #expect(users.requests.isEmpty)

            let actual = try await client.execute(uri: "/api/users/1", method: .get, headers: [.origin: Self.origin])
            #expect(actual.status == .unauthorized)
            #expect(actual.headers[.accessControlAllowOrigin] == Self.origin)
            #expect(actual.headers[.vary] == "Origin")
            #expect(actual.headers[.accessControlExposeHeaders]?.contains("RateLimit") == true)
        }
    }

    /// 8 MiB up (with `FLOTILLA_MAX_BODY_BYTES` raised to 16 MiB: the limit is the operator's
    /// choice, the gateway streams whatever it admits) and 8 MiB down, through the proxy.
    @Test func largeBodiesStreamBothWays() async throws {
        let upstream = FakeUpstream()
        let token = try await Harness.token()
        let size = 8 << 20
        let raiseLimit: @Sendable (inout ServiceConfiguration) -> Void = { $0.maxBodyBytes = 16 << 20 }
        try await Harness.run(users: upstream, products: upstream, configure: raiseLimit) {
            client, _ in
            let upload = try await client.execute(
                uri: "/api/users/upload", method: .post, headers: Harness.headers(token: token),
                body: ByteBuffer(repeating: 0x61, count: size))
            #expect(upload.status == .ok)
            #expect(upstream.last?.bodyBytes == size)
            let download = try await client.execute(uri: "/api/root/stream/download", method: .get)
            #expect(download.status == .ok)
            #expect(download.body.readableBytes == size)
        }
    }
}
