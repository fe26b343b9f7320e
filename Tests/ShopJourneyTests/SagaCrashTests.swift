import FlotillaContracts
import FlotillaStore
import FlotillaTesting
import Foundation
import Synchronization
import Testing

/// Sagas under fire: hundreds of concurrent orders through the gateway while a service is killed
/// with SIGKILL at random moments and restarted. Once every saga is terminal the books must
/// balance: stock + reserved + sold unchanged per product and sold equal to what confirmed orders
/// hold; every charge refunded or belonging to exactly one confirmed order; every confirmed or
/// cancelled order notified exactly once.
@Suite("Saga crash recovery", .serialized)
struct SagaCrashTests {
    static let orders = Int(ProcessInfo.processInfo.environment["FLOTILLA_CRASH_ORDERS"] ?? "") ?? 500
    static let shoppers = 40

    @Test(arguments: ["orders", "products", "payments"])
    func booksBalanceAfterKills(victim: String) async throws {
        try await ShopCluster.with(environment: try Self.loadTestEnvironment()) { try await run($0, killing: victim) }
    }

    /// Rate limits raised (the limiter is not under test here) and a spending limit that declines a share.
    static func loadTestEnvironment() throws -> [String: String] {
        let original = try String(
            contentsOf: ShopCluster.repository.appendingPathComponent("flotilla.yaml"), encoding: .utf8)
        let relaxed = original.replacingOccurrences(
            of: #"quota: \d+"#, with: "quota: 1000000", options: .regularExpression
        ).replacingOccurrences(of: #"burst: \d+"#, with: "burst: 100000", options: .regularExpression)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("flotilla-crash-\(UUID()).yaml")
        try relaxed.write(to: file, atomically: true, encoding: .utf8)
        return ["FLOTILLA_SPEC": file.path, "PAYMENT_LIMIT_CENTS": "60000"]
    }

    func run(_ cluster: ShopCluster, killing victim: String) async throws {
        let ledger = ShopLedger(cluster: cluster)
        let before = try await ledger.inventory()
        let products = Array(before.keys).sorted()
        var shoppers: [ShopClient] = []
        for index in 0..<Self.shoppers {
            var shopper = ShopClient(base: cluster.gateway)
            let reply = try await shopper.send(
                .POST, "/api/auth/register",
                json: RegisterRequest(
                    email: "s\(index)-\(UUID().uuidString.prefix(6))@example.com", password: "long enough",
                    name: "S\(index)"))
            shopper.token = try reply.decode(TokenResponse.self).accessToken
            shoppers.append(shopper)
        }

        let shoppersPlacing = shoppers
        let progress = Progress()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                while !progress.stopKilling.load(ordering: .relaxed) {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 300...1200)))
                    guard !progress.stopKilling.load(ordering: .relaxed) else { break }
                    await cluster.kill(victim)
                    progress.kills.add(1, ordering: .relaxed)
                    try cluster.launch(victim)
                    try await cluster.waitReady(victim)
                }
            }
            group.addTask {
                try await withThrowingTaskGroup(of: Void.self) { orders in
                    for worker in 0..<32 {
                        orders.addTask {
                            var index = worker
                            while index < Self.orders {
                                let shopper = shoppersPlacing[index % shoppersPlacing.count]
                                let items = Self.basket(index, products: products)
                                // Failures while a service is down are expected: the order may or may not exist.
                                if let reply = try? await shopper.send(
                                    .POST, "/api/orders", json: CreateOrderRequest(items: items)),
                                    reply.status == 201 || reply.status == 202
                                {
                                    progress.accepted.add(1, ordering: .relaxed)
                                }
                                index += 32
                            }
                        }
                    }
                    try await orders.waitForAll()
                }
                progress.stopKilling.store(true, ordering: .relaxed)
            }
            try await group.waitForAll()
        }
        try await cluster.waitReady(victim)

        // Every saga reaches a terminal state, and every outcome event is delivered.
        var counts = try await ledger.sagaCounts()
        var pending = try await ledger.pendingDeliveries(of: "orders")
        let deadline = ContinuousClock.now.advanced(by: .seconds(180))
        while counts.unfinished > 0 || pending > 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(500))
            counts = try await ledger.sagaCounts()
            pending = try await ledger.pendingDeliveries(of: "orders")
        }
        let after = try await ledger.inventory()
        let orders = try await ledger.orders()
        let payments = try await ledger.payments()
        let outcomeEvents = try await ledger.orderOutcomeEvents()
        let notified = try await ledger.orderNotifications()

        let confirmed = orders.filter { $0.value.status == "confirmed" }
        let cancelled = orders.filter { $0.value.status == "cancelled" }
        var soldByOrders: [String: Int] = [:]
        for order in confirmed.values {
            for (product, quantity) in order.quantities { soldByOrders[product, default: 0] += quantity }
        }
        let stockMismatches = products.filter { after[$0]?.total != before[$0]?.total || after[$0]?.reserved != 0 }
        let soldMismatches = products.filter {
            (after[$0]?.sold ?? 0) - (before[$0]?.sold ?? 0) != soldByOrders[$0, default: 0]
        }
        var chargesPerOrder: [String: Int] = [:]
        for payment in payments where payment.status == "charged" { chargesPerOrder[payment.order, default: 0] += 1 }
        let strayCharges = chargesPerOrder.filter { confirmed[$0.key] == nil || $0.value != 1 }
        let unpaidConfirmed = confirmed.keys.filter { chargesPerOrder[$0] != 1 }
        let multipleOutcomes = outcomeEvents.filter { $0.value.count != 1 }
        let terminal = confirmed.count + cancelled.count
        let notifiedSet = Set(notified)
        let outcomeSet = Set(outcomeEvents.values.flatMap { $0 })

        print(
            """
            RECONCILE victim=\(victim) kills=\(progress.kills.load(ordering: .relaxed)) accepted=\(progress.accepted.load(ordering: .relaxed)) \
            orders=\(orders.count) confirmed=\(confirmed.count) cancelled=\(cancelled.count) \
            pending=\(orders.count - terminal) sagas_unfinished=\(counts.unfinished) sagas_failed=\(counts.failed) \
            payments=\(payments.count) charged=\(chargesPerOrder.values.reduce(0, +)) \
            stock_mismatches=\(stockMismatches.count) sold_mismatches=\(soldMismatches.count) \
            stray_charges=\(strayCharges.count) unpaid_confirmed=\(unpaidConfirmed.count) \
            duplicate_outcomes=\(multipleOutcomes.count) notifications=\(notified.count) \
            missing_notifications=\(outcomeSet.subtracting(notifiedSet).count)
            """)
        #expect(progress.kills.load(ordering: .relaxed) > 0)
        #expect(counts.unfinished == 0)
        #expect(counts.failed == 0)
        #expect(orders.count == terminal, "orders left pending")
        #expect(confirmed.count > 0 && cancelled.count > 0, "the run should confirm some orders and cancel others")
        #expect(stockMismatches.isEmpty, "stock + reserved + sold changed: \(stockMismatches)")
        #expect(soldMismatches.isEmpty, "sold differs from confirmed orders: \(soldMismatches)")
        #expect(strayCharges.isEmpty, "charges without exactly one confirmed order: \(strayCharges)")
        #expect(unpaidConfirmed.isEmpty, "confirmed orders without exactly one charge: \(unpaidConfirmed)")
        #expect(multipleOutcomes.isEmpty, "orders with more than one outcome event")
        #expect(outcomeEvents.count == terminal)
        #expect(notified.count == notifiedSet.count, "an outcome was notified twice")
        #expect(notifiedSet == outcomeSet, "outcomes without exactly one notification")
    }

    /// What the load and the killer share while they run.
    final class Progress: Sendable {
        let accepted = Atomic(0)
        let kills = Atomic(0)
        let stopKilling = Atomic(false)
    }

    /// A deterministic basket of 1–3 products, 1–4 each.
    static func basket(_ index: Int, products: [String]) -> [ItemQuantity] {
        let count = 1 + index % 3
        return (0..<count).compactMap { offset in
            UUID(uuidString: products[(index * 7 + offset * 5) % products.count]).map {
                ItemQuantity(productId: $0, quantity: 1 + (index + offset) % 4)
            }
        }
    }
}
