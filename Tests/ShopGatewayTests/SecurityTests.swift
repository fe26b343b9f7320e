import Crypto
import FlotillaContracts
import FlotillaServiceKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import JWTKit
import NIOCore
import Testing

@testable import ShopGateway

@Suite("Gateway security")
struct SecurityTests {
    enum BadToken: String, CaseIterable, Sendable {
        case missing, notBearer, garbled, twoParts, expired, notYetValid, wrongSignature, algNone, hs512
        case wrongIssuer, wrongAudience

        func header() async throws -> String? {
            switch self {
            case .missing: return nil
            case .notBearer: return "Basic dXNlcjpwYXNz"
            case .garbled: return "Bearer !!!.???.***"
            case .twoParts: return "Bearer abc.def"
            case .expired:
                return "Bearer " + (try await Harness.token(now: Date().addingTimeInterval(-7200)))
            case .notYetValid:
                return "Bearer " + (try await Harness.token(now: Date().addingTimeInterval(3600)))
            case .wrongSignature:
                let other = try await Harness.tokens(key: "another-signing-key-0123456789abcdef0123")
                return "Bearer " + (try await other.issue(userID: "user-1", email: nil))
            case .algNone:
                let valid = try await Harness.token().split(separator: ".")
                return "Bearer " + Self.base64URL(#"{"alg":"none","typ":"JWT"}"#) + "." + valid[1] + "."
            case .hs512:
                let keys = JWTKeyCollection()
                await keys.add(
                    hmac: HMACKey(from: String(repeating: Harness.signingKey, count: 2)), digestAlgorithm: .sha512)
                let now = Date()
                let claims = AccessTokenClaims(
                    subject: "user-1", issuer: "flotilla-shop", audience: "shop-api", issuedAt: now, notBefore: now,
                    expires: now.addingTimeInterval(600), email: nil)
                return "Bearer " + (try await keys.sign(claims))
            case .wrongIssuer:
                return "Bearer " + (try await Harness.tokens(issuer: "someone-else").issue(userID: "u", email: nil))
            case .wrongAudience:
                return "Bearer " + (try await Harness.tokens(audience: "other-api").issue(userID: "u", email: nil))
            }
        }

        static func base64URL(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
    }

    @Test(arguments: BadToken.allCases)
    func refusesBadTokensWith401AndAChallenge(_ bad: BadToken) async throws {
        let users = FakeUpstream()
        let authorization = try await bad.header()
        try await Harness.run(users: users) { client, _ in
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            let response = try await client.execute(uri: "/api/users/1", method: .get, headers: headers)
            #expect(response.status == .unauthorized)
            let challenge = try #require(response.headers[.wwwAuthenticate])
            #expect(challenge.hasPrefix("Bearer realm="))
            if bad != .missing { #expect(challenge.contains("error=")) }
            if ![.missing, .notBearer].contains(bad) { #expect(challenge.contains(#"error="invalid_token""#)) }
            #expect(try Harness.problem(response).status == 401)
            #expect(users.requests.isEmpty)
        }
    }

    @Test func internalHeadersFromClientsNeverReachUpstreams() async throws {
        let users = FakeUpstream()
        let products = FakeUpstream()
        let token = try await Harness.token(for: "real-user")
        try await Harness.run(users: users, products: products) { client, _ in
            let spoofed: HTTPFields = [
                Harness.field("X-Flotilla-User"): "admin", Harness.field("x-flotilla-role"): "root",
                Harness.field("X-Forwarded-For"): "10.9.8.7", Harness.field("X-Forwarded-Host"): "evil.example",
            ]
            _ = try await client.execute(uri: "/api/products/1", method: .get, headers: spoofed)
            let anonymous = try #require(products.last)
            #expect(anonymous.header("X-Flotilla-User") == nil)
            #expect(anonymous.header("X-Flotilla-Role") == nil)
            #expect(anonymous.header("X-Forwarded-For") == "127.0.0.1")
            #expect(anonymous.header("X-Forwarded-Host") != "evil.example")
            _ = try await client.execute(
                uri: "/api/users/1", method: .get, headers: Harness.headers(token: token, spoofed))
            let verified = try #require(users.last)
            #expect(verified.headers[values: Harness.field("X-Flotilla-User")] == ["real-user"])
            #expect(verified.header("X-Flotilla-Role") == nil)
        }
    }

    @Test(arguments: [
        "/api/users/../admin", "/api/users/./7", "/api/users/%2e%2e/admin", "/api/users/%2E%2e", "/api/users%2Fadmin",
        "/api/users/a%2fb", "/api/users/a%5Cb", "/api/users/a%00b", "/api/users/%252e%252e", "/api/users/%zz",
        "/api/users/%2", "/api//users", "/api/users/..;/admin", "/api/users/a%0Ab",
    ])
    func pathTricksAre400BeforeRouting(_ path: String) async throws {
        let users = FakeUpstream()
        let token = try await Harness.token()
        try await Harness.run(users: users) { client, _ in
            let response = try await client.execute(uri: path, method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .badRequest, "\(path)")
            #expect(users.requests.isEmpty)
        }
    }

    @Test func oversizedBodiesAre413() async throws {
        let users = FakeUpstream()
        let token = try await Harness.token()
        try await Harness.run(users: users) { client, _ in
            let body = ByteBuffer(repeating: 0x41, count: (1 << 20) + 1)
            let response = try await client.execute(
                uri: "/api/users", method: .post, headers: Harness.headers(token: token), body: body)
            #expect(response.status == .contentTooLarge)
            #expect(users.requests.isEmpty)
        }
    }

    @Test func trustedProxiesAppendToForwardedForAndNameTheClient() async throws {
        let users = FakeUpstream()
        try await Harness.run(users: users, environment: ["GATEWAY_TRUSTED_PROXIES": "127.0.0.0/8, ::1"]) { client, _ in
            // Each forwarded client has its own budget of 4 on /api/auth.
            for client_ in ["203.0.113.1", "203.0.113.2"] {
                for _ in 0..<4 {
                    let response = try await client.execute(
                        uri: "/api/auth/login", method: .post,
                        headers: [Harness.field("X-Forwarded-For"): "\(client_), 127.0.0.1"])
                    #expect(response.status == .ok)
                }
            }
            #expect(users.last?.header("X-Forwarded-For") == "203.0.113.2, 127.0.0.1, 127.0.0.1")
        }
    }

    @Test func untrustedForwardedForDoesNotEscapeTheClientLimit() async throws {
        let users = FakeUpstream()
        try await Harness.run(users: users) { client, _ in
            var statuses: [HTTPResponse.Status] = []
            for index in 0..<6 {
                let response = try await client.execute(
                    uri: "/api/auth/login", method: .post,
                    headers: [Harness.field("X-Forwarded-For"): "198.51.100.\(index)"])
                statuses.append(response.status)
            }
            #expect(statuses == [.ok, .ok, .ok, .ok, .tooManyRequests, .tooManyRequests])
        }
    }
}

@Suite("Request path check")
struct RequestPathCheckTests {
    @Test func acceptsOrdinaryPaths() {
        for path in ["/", "/api/users", "/api/users/", "/api/users/7", "/a/b%20c", "/a/b.json", "/a/..b", "/a/%41"] {
            #expect(RequestPathCheck.problem(in: path) == nil, "\(path)")
        }
    }

    @Test func bearerTokensAreTheTrimmedRestOfTheHeader() {
        #expect(BearerAuthentication.token(in: "Bearer abc.def.ghi") == "abc.def.ghi")
        #expect(BearerAuthentication.token(in: "bearer   abc \t") == "abc")
        #expect(BearerAuthentication.token(in: "BEARER abc") == "abc")
        for refused in ["Bearer", "Bearer ", "Bearer \t ", "Basic abc", "Bearer a b", "Bearer a\tb", "abc"] {
            #expect(BearerAuthentication.token(in: refused) == nil, "\(refused)")
        }
    }

    @Test func trustedProxiesParseAndMatch() throws {
        let proxies = try TrustedProxies(parsing: "10.0.0.0/8, 192.168.1.7, fd00::/8")
        #expect(proxies.contains(bytes: [10, 200, 3, 4]))
        #expect(!proxies.contains(bytes: [11, 0, 0, 1]))
        #expect(proxies.contains(bytes: [192, 168, 1, 7]))
        #expect(!proxies.contains(bytes: [192, 168, 1, 8]))
        #expect(proxies.contains(bytes: try #require(TrustedProxies.bytes(of: "fd12::1"))))
        #expect(TrustedProxies.bytes(of: "::ffff:10.1.2.3") == [10, 1, 2, 3])
        #expect(throws: ConfigurationError.self) { try TrustedProxies(parsing: "10.0.0.0/33") }
        #expect(throws: ConfigurationError.self) { try TrustedProxies(parsing: "not-an-ip") }
    }
}
