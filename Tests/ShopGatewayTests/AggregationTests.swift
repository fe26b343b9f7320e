import FlotillaContracts
import FlotillaServiceKit
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import ShopGateway

@Suite("Gateway aggregation")
struct AggregationTests {
    static let userID = UUID(uuidString: "5A0B9F5E-1B7C-4D3A-9E7F-2C1D0E9F8A7B")!
    static let userJSON =
        #"{"id":"\#(userID.uuidString)","email":"a@example.com","name":"Ada","createdAt":"2025-01-02T03:04:05.000Z"}"#
    static let ordersJSON = #"{"items":[],"total":0,"limit":10,"offset":0}"#
    static let productsJSON = "[]"

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try ContractCoding.decoder().decode(T.self, from: Data(buffer: response.body))
    }

    @Test func profileFetchesBothPartsWithTheCallersIdentity() async throws {
        let users = FakeUpstream.fixed(.ok, Self.userJSON)
        let orders = FakeUpstream.fixed(.ok, Self.ordersJSON)
        let token = try await Harness.token(for: Self.userID.uuidString)
        try await Harness.run(users: users, orders: orders) { client, _ in
            let response = try await client.execute(
                uri: "/api/users/\(Self.userID.uuidString)/profile", method: .get,
                headers: Harness.headers(token: token, [Harness.field("X-Flotilla-User"): "spoofed"]))
            #expect(response.status == .ok)
            let profile = try Self.decode(UserProfile.self, response)
            #expect(profile.user?.name == "Ada")
            #expect(profile.orders == [])
            #expect(profile.missing.isEmpty)
            #expect(response.headers[Harness.field("X-Flotilla-Partial")] == nil)
            #expect(users.last?.path == "/users/\(Self.userID.uuidString)")
            #expect(orders.last?.path == "/orders?limit=10")
            #expect(users.last?.header("X-Flotilla-User") == Self.userID.uuidString)
            #expect(orders.last?.header("X-Flotilla-User") == Self.userID.uuidString)
            #expect(users.last?.header("X-Request-Id") == response.headers[Harness.field("X-Request-Id")])
        }
    }

    @Test func aMissingPartIsNamedInHeaderAndBody() async throws {
        let token = try await Harness.token()
        try await Harness.run(users: .fixed(.ok, Self.userJSON), orders: .fixed(.internalServerError, "{}")) {
            client, _ in
            let response = try await client.execute(
                uri: "/api/users/7/profile", method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .ok)
            #expect(response.headers[Harness.field("X-Flotilla-Partial")] == "orders")
            let profile = try Self.decode(UserProfile.self, response)
            #expect(profile.missing == ["orders"])
            #expect(profile.orders == nil)
            #expect(profile.user != nil)
        }
    }

    @Test func aUser4xxIsTheAnswer() async throws {
        let token = try await Harness.token()
        let notFound = #"{"status":404,"title":"Not Found"}"#
        try await Harness.run(users: .fixed(.notFound, notFound), orders: .fixed(.ok, Self.ordersJSON)) { client, _ in
            let response = try await client.execute(
                uri: "/api/users/7/profile", method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body) == notFound)
        }
    }

    @Test func nothingBackIs502() async throws {
        let token = try await Harness.token()
        try await Harness.run(users: .fixed(.serviceUnavailable, "{}")) { client, _ in
            let response = try await client.execute(
                uri: "/api/users/7/profile", method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .badGateway)
            #expect(try Harness.problem(response).status == 502)
        }
    }

    @Test func dashboardNeedsATokenAndReportsMissingRecommendations() async throws {
        let token = try await Harness.token(for: Self.userID.uuidString)
        let users = FakeUpstream.fixed(.ok, Self.userJSON)
        try await Harness.run(users: users, orders: .fixed(.ok, "[]")) { client, _ in
            let anonymous = try await client.execute(uri: "/api/dashboard", method: .get)
            #expect(anonymous.status == .unauthorized)
            let response = try await client.execute(
                uri: "/api/dashboard", method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .ok)
            #expect(response.headers[Harness.field("X-Flotilla-Partial")] == "recommendations")
            let view = try Self.decode(DashboardView.self, response)
            #expect(view.missing == ["recommendations"])
            #expect(view.user?.id == Self.userID)
            #expect(view.orders == [])
            #expect(users.last?.path == "/users/\(Self.userID.uuidString)")
        }
    }

    @Test func badProfileIdsAre400() async throws {
        let token = try await Harness.token()
        try await Harness.run(users: FakeUpstream()) { client, _ in
            let response = try await client.execute(
                uri: "/api/users/a%20b/profile", method: .get, headers: Harness.headers(token: token))
            #expect(response.status == .badRequest)
        }
    }
}
