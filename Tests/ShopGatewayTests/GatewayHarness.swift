import FlotillaContracts
import FlotillaServiceKit
import FlotillaSpec
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
import Testing

@testable import ShopGateway

/// Builds gateways in-process on port 0 in front of fake upstreams, and the tokens to call them.
enum Harness {
    static let signingKey = "gateway-tests-signing-key-0123456789abcdef"

    /// The test system: routes of every kind the tests need; `policy` is the calls entry of each upstream.
    static func spec(policy: String = "{ retry: { attempts: 1 } }") throws -> ServiceSpec {
        let yaml = """
            name: test
            services:
              gateway:
                role: gateway
                ports: { http: 18080 }
                calls:
                  users: \(policy)
                  orders: \(policy)
                  products: \(policy)
                routes:
                  - { prefix: /api/users, service: users, rewrite: /users }
                  - { prefix: /api/users/admin, service: orders, rewrite: /admin }
                  - { prefix: /api/auth, service: users, rewrite: /auth, auth: public,
                      rateLimit: { quota: 1, window: 1h, burst: 4, key: client } }
                  - { prefix: /api/orders, service: orders, rewrite: /orders,
                      rateLimit: { quota: 1, window: 1h, burst: 3, key: user } }
                  - { prefix: /api/products, service: products, rewrite: /products, auth: public }
                  - { prefix: /api/root, service: products, rewrite: /, auth: public }
              users:
                ports: { http: 18081 }
              orders:
                ports: { http: 18082 }
              products:
                ports: { http: 18083 }
            """
        let loaded = SpecLoader.load(yaml: yaml, file: "gateway-test.yaml")
        return try #require(loaded.spec?.service(named: "gateway"), "\(loaded.diagnostics)")
    }

    /// Runs a gateway whose `users`, `orders` and `products` are the given fakes (one fake may
    /// stand for several; a missing one has no instance), and calls `body` with a live client.
    static func run(
        users: FakeUpstream? = nil, orders: FakeUpstream? = nil, products: FakeUpstream? = nil,
        policy: String = "{ retry: { attempts: 1 } }", environment: [String: String] = [:],
        configure: @escaping @Sendable (inout ServiceConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (any TestClientProtocol, ServiceHost) async throws -> Void
    ) async throws {
        let named = [("users", users), ("orders", orders), ("products", products)].compactMap { name, fake in
            fake.map { (name, $0) }
        }
        let spec = try spec(policy: policy)
        try await withUpstreams(named.map(\.1)) { urls in
            var configuration = ServiceConfiguration.testing(service: "gateway")
            configuration.spec = spec
            configuration.discovery = .static(
                Dictionary(zip(named.map(\.0), urls.map { [$0] }), uniquingKeysWith: { first, _ in first }))
            configuration.processEnvironment = ["JWT_SIGNING_KEY": signingKey].merging(environment) { $1 }
            configure(&configuration)
            let host = try await GatewayApplication.build(configuration: configuration)
            host.health.enter(.running)
            try await host.publicApplication().test(.live) { client in try await body(client, host) }
        }
    }

    /// Token settings as the gateway reads them, with another issuer, audience or key when asked.
    static func tokens(issuer: String = "flotilla-shop", audience: String = "shop-api", key: String = signingKey)
        async throws -> AccessTokens
    {
        await AccessTokens(settings: try AccessTokenSettings(signingKey: key, issuer: issuer, audience: audience))
    }

    /// A valid token for `user`.
    static func token(for user: String = "user-1", now: Date = Date()) async throws -> String {
        try await tokens().issue(userID: user, email: nil, now: now)
    }

    /// `Authorization: Bearer <token>` and any extra fields.
    static func headers(token: String?, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        return headers
    }

    /// The problem body of a response.
    static func problem(_ response: TestResponse) throws -> ProblemDetails {
        try ContractCoding.decoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
    }

    static func field(_ name: String) -> HTTPField.Name { HTTPField.Name(name)! }
}
