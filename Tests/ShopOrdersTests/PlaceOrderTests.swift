import AsyncHTTPClient
import FlotillaContracts
import FlotillaServiceKit
import FlotillaSpec
import FlotillaTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOHTTP1
import Testing

@testable import ShopOrders

/// The orders service as a running host (its saga orchestrator runs in the background) against
/// scripted products and payments: the place-order saga's happy path, a decline with its
/// compensations, the history, ownership and validation.
@Suite("Orders and the place-order saga")
struct PlaceOrderTests {
    static let spec: SystemSpec? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("flotilla.yaml")
        return (try? Data(contentsOf: url)).flatMap { SpecLoader.load(bytes: [UInt8]($0), file: "flotilla.yaml").spec }
    }()

    let user = UUID()

    /// Runs `body` with a live orders service whose products and payments are `upstreams`.
    func withOrders(
        _ upstreams: FakeUpstreams, _ body: @escaping @Sendable (String, ServiceHost) async throws -> Void
    ) async throws {
        let fake = Application(
            router: upstreams.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await fake.test(.live) { client in
            let upstream = "http://127.0.0.1:\(try #require(client.port))"
            var configuration = ServiceConfiguration.testing(service: "orders")
            configuration.system = Self.spec
            configuration.spec = Self.spec?.service(named: "orders")
            configuration.discovery = .static(["products": [upstream], "payments": [upstream]])
            let host = try await OrdersApplication.build(configuration: configuration)
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await host.run(gracefulShutdownSignals: []) }
                var port: Int?
                for _ in 0..<500 where port == nil {
                    port = host.boundPorts.http
                    if port == nil { try await Task.sleep(for: .milliseconds(10)) }
                }
                try await body("http://127.0.0.1:\(try #require(port))", host)
                group.cancelAll()
            }
        }
    }

    func send(_ method: HTTPMethod, _ url: String, user: UUID?, json: String? = nil) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let user { request.headers.add(name: ShopHeaders.user, value: user.uuidString) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        return (Int(response.status.code), Data(buffer: try await response.body.collect(upTo: 1 << 20)))
    }

    @Test func confirmsAnOrderAndKeepsItsHistory() async throws {
        let upstreams = FakeUpstreams(declineCharges: false)
        let user = self.user
        try await withOrders(upstreams) { base, _ in
            let product = UUID()
            let (status, body) = try await send(
                .POST, base + "/orders", user: user, json: #"{"items": [{"productId": "\#(product)", "quantity": 3}]}"#)
            #expect(status == 201, "\(String(decoding: body, as: UTF8.self))")
            let order = try ContractCoding.decoder().decode(OrderDTO.self, from: body)
            #expect(order.status == .confirmed)
            #expect(order.totalCents == 3 * FakeUpstreams.unitPrice)
            #expect(order.lines.map(\.quantity) == [3])

            let id = order.id.uuidString.lowercased()
            let saga = id
            #expect(
                upstreams.recorded == [
                    "POST /internal/reservations key=\(saga):reserve-inventory",
                    "POST /internal/payments/charge key=\(saga):charge-payment",
                    "POST /internal/reservations/\(saga):reserve-inventory/commit key=\(saga):commit-inventory",
                ])
            let (_, historyBody) = try await send(.GET, base + "/orders/\(id)/history", user: user)
            let history = try ContractCoding.decoder().decode([OrderHistoryEntry].self, from: historyBody)
            #expect(
                history.map(\.type) == [
                    "OrderCreated", "OrderPriced", "PaymentCharged", "InventoryCommitted", "OrderConfirmed",
                ])
            #expect(history.map(\.sequence) == [1, 2, 3, 4, 5])

            let (_, rebuiltBody) = try await send(.GET, base + "/orders/\(id)", user: user)
            // Rebuilt from events = the projection the POST answered with (times within a millisecond's rounding).
            var rebuilt = try ContractCoding.decoder().decode(OrderDTO.self, from: rebuiltBody)
            #expect(abs(rebuilt.createdAt.timeIntervalSince(order.createdAt)) < 0.002)
            #expect(abs(rebuilt.updatedAt.timeIntervalSince(order.updatedAt)) < 0.002)
            (rebuilt.createdAt, rebuilt.updatedAt) = (order.createdAt, order.updatedAt)
            #expect(rebuilt == order)
            let (_, listBody) = try await send(.GET, base + "/orders", user: user)
            #expect(try ContractCoding.decoder().decode(Page<OrderDTO>.self, from: listBody).items == [order])
            #expect(try await send(.GET, base + "/orders/\(id)", user: UUID()).0 == 403)
            #expect(try await send(.GET, base + "/orders/\(UUID())", user: user).0 == 404)
            #expect(try await send(.GET, base + "/orders", user: nil).0 == 401)
        }
    }

    @Test func aDeclineReleasesTheStockRefundsAndCancels() async throws {
        let upstreams = FakeUpstreams(declineCharges: true)
        let user = self.user
        try await withOrders(upstreams) { base, host in
            let (status, body) = try await send(
                .POST, base + "/orders", user: user, json: #"{"items": [{"productId": "\#(UUID())", "quantity": 1}]}"#)
            #expect(status == 201)
            let order = try ContractCoding.decoder().decode(OrderDTO.self, from: body)
            #expect(order.status == .cancelled)
            #expect(order.cancellationReason?.contains("declined") == true)
            let saga = order.id.uuidString.lowercased()
            #expect(
                upstreams.recorded == [
                    "POST /internal/reservations key=\(saga):reserve-inventory",
                    "POST /internal/payments/charge key=\(saga):charge-payment",
                    "POST /internal/payments/\(saga):charge-payment/refund key=\(saga):charge-payment:compensate",
                    "POST /internal/reservations/\(saga):reserve-inventory/release key=\(saga):reserve-inventory:compensate",
                ])
            let snapshot = await host.status.snapshot()
            #expect(snapshot.sagas?.compensated == 1)
            #expect(snapshot.sagas?.completed == 0)
        }
    }

    @Test func refusesBadOrders() async throws {
        let upstreams = FakeUpstreams(declineCharges: false)
        let user = self.user
        try await withOrders(upstreams) { base, _ in
            let product = UUID()
            for json in [
                #"{"items": []}"#,
                #"{"items": [{"productId": "\#(product)", "quantity": 0}]}"#,
                #"{"items": [{"productId": "\#(product)", "quantity": 1}, {"productId": "\#(product)", "quantity": 2}]}"#,
                #"{"items": [{"productId": "not-a-uuid", "quantity": 1}]}"#,
                #"{"items": "#,
            ] {
                let (status, body) = try await send(.POST, base + "/orders", user: user, json: json)
                #expect(status == 400, "\(json) → \(String(decoding: body, as: UTF8.self))")
            }
            #expect(try await send(.POST, base + "/orders", user: nil, json: #"{"items": []}"#).0 == 401)
            #expect(upstreams.recorded.isEmpty)
        }
    }
}
