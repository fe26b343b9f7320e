import FlotillaContracts
import FlotillaStore
import FlotillaTesting
import Foundation
import Testing

/// The journey a shopper makes, through the gateway, with every service a real process on
/// loopback: register → log in → browse → order → the order's notification appears. On SQLite,
/// and on PostgreSQL (one database per service) where the test script provides a server.
@Suite("Shop journey", .serialized)
struct ShopJourneyTests {
    @Test(arguments: TestDatabases.engines)
    func registerLoginBrowseOrderAndGetNotified(engine: FlotillaStore.DatabaseEngine) async throws {
        try await withShop(engine) { cluster in
            var shopper = ShopClient(base: cluster.gateway)
            let email = "ada-\(UUID().uuidString.prefix(8).lowercased())@example.com"
            let registered = try await shopper.send(
                .POST, "/api/auth/register", json: RegisterRequest(email: email, password: "correct horse", name: "Ada")
            )
            #expect(registered.status == 201, "\(registered.text)")

            let login = try await shopper.send(
                .POST, "/api/auth/login", json: LoginRequest(email: email, password: "correct horse"))
            #expect(login.status == 200, "\(login.text)")
            let token = try login.decode(TokenResponse.self)
            shopper.token = token.accessToken

            let catalogue = try await shopper.send(.GET, "/api/products?limit=50")
            #expect(catalogue.status == 200, "\(catalogue.text)")
            let products = try catalogue.decode(Page<ProductDTO>.self).items
            let product = try #require(products.first { $0.stock >= 2 && $0.priceCents * 2 <= 100_000 })

            let placed = try await shopper.send(
                .POST, "/api/orders",
                json: CreateOrderRequest(items: [ItemQuantity(productId: product.id, quantity: 2)]))
            #expect(placed.status == 201, "\(placed.text)")
            let order = try placed.decode(OrderDTO.self)
            #expect(order.status == .confirmed, "\(placed.text)")
            #expect(order.totalCents == product.priceCents * 2)

            let history = try await shopper.send(.GET, "/api/orders/\(order.id.uuidString.lowercased())/history")
            let kinds = try history.decode([OrderHistoryEntry].self).map(\.type)
            #expect(kinds == ["OrderCreated", "OrderPriced", "PaymentCharged", "InventoryCommitted", "OrderConfirmed"])

            let after = try await shopper.send(.GET, "/api/products/\(product.id.uuidString.lowercased())")
            let updated = try after.decode(ProductDTO.self)
            #expect(updated.stock == product.stock - 2)
            #expect(updated.sold == product.sold + 2)

            let notifications = try await shopper.poll("/api/notifications") { reply in
                guard reply.status == 200, let page = try? reply.decode(Page<NotificationDTO>.self) else {
                    return false
                }
                return Set(page.items.map(\.kind)).isSuperset(of: ["user.created", "order.confirmed"])
            }
            let kindsSeen = try notifications.decode(Page<NotificationDTO>.self).items.map(\.kind)
            #expect(kindsSeen.sorted() == ["order.confirmed", "user.created"], "\(cluster.logs)")

            let dashboard = try await shopper.send(.GET, "/api/dashboard")
            #expect(dashboard.status == 200, "\(dashboard.text)")
            let view = try dashboard.decode(DashboardView.self)
            #expect(view.missing.isEmpty)
            #expect(view.orders?.map(\.id) == [order.id])
        }
    }

    @Test func declinedPaymentCancelsTheOrderAndReturnsTheStock() async throws {
        try await withShop(.sqlite, environment: ["PAYMENT_LIMIT_CENTS": "1"]) { cluster in
            var shopper = ShopClient(base: cluster.gateway)
            let registered = try await shopper.send(
                .POST, "/api/auth/register",
                json: RegisterRequest(email: "grace@example.com", password: "correct horse", name: "Grace"))
            shopper.token = try registered.decode(TokenResponse.self).accessToken
            let products = try await shopper.send(.GET, "/api/products").decode(Page<ProductDTO>.self).items
            let product = try #require(products.first { $0.stock >= 1 && $0.priceCents > 1 })

            let placed = try await shopper.send(
                .POST, "/api/orders",
                json: CreateOrderRequest(items: [ItemQuantity(productId: product.id, quantity: 1)]))
            let order = try placed.decode(OrderDTO.self)
            #expect(order.status == .cancelled, "\(placed.text)")
            #expect(order.cancellationReason?.contains("declin") == true, "\(placed.text)")

            let after = try await shopper.send(.GET, "/api/products/\(product.id.uuidString.lowercased())")
            #expect(try after.decode(ProductDTO.self).stock == product.stock)
            let notifications = try await shopper.poll("/api/notifications") { reply in
                (try? reply.decode(Page<NotificationDTO>.self).items.contains { $0.kind == "order.cancelled" }) == true
            }
            #expect(
                try notifications.decode(Page<NotificationDTO>.self).items.contains { $0.kind == "order.cancelled" })
        }
    }

    /// Runs `body` against a started shop, stopping it afterwards (also on failure).
    func withShop(
        _ engine: FlotillaStore.DatabaseEngine, environment: [String: String] = [:],
        _ body: (ShopCluster) async throws -> Void
    ) async throws {
        try await withDatabases(engine, for: ShopCluster.services.map(\.name)) { urls in
            try await ShopCluster.with(databaseURLs: urls, environment: environment, body)
        }
    }

    /// One fresh database per service on PostgreSQL; none (SQLite files) otherwise.
    func withDatabases(
        _ engine: FlotillaStore.DatabaseEngine, for services: [String], _ body: ([String: String]) async throws -> Void
    ) async throws {
        guard engine == .postgres, let service = services.first else { return try await body([:]) }
        try await TestDatabases.withFresh(.postgres) { fresh in
            try await withDatabases(engine, for: Array(services.dropFirst())) { urls in
                var urls = urls
                urls[service] = fresh.url
                try await body(urls)
            }
        }
    }
}
