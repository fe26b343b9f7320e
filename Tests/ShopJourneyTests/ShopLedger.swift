import FlotillaStore
import Foundation
import SQLKit

/// Reads the services' own databases after a run, to reconcile money, stock and notifications.
struct ShopLedger {
    let cluster: ShopCluster

    /// Opens `service`'s database (its SQLite file, or its PostgreSQL database), runs `body`, closes it.
    func with<R: Sendable>(_ service: String, _ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let configuration: DatabaseConfiguration =
            if let url = cluster.databaseURLs[service] {
                try .postgres(url: url)
            } else {
                .sqlite(path: cluster.dataDirectory.appendingPathComponent("\(service).sqlite").path)
            }
        let database = try await Database.open(configuration)
        do {
            let result = try await database.withConnection { try await body($0) }
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Per product: stock + reserved + sold, and reserved alone.
    func inventory() async throws -> [String: (total: Int, reserved: Int, sold: Int)] {
        try await with("products") { sql in
            var result: [String: (total: Int, reserved: Int, sold: Int)] = [:]
            for row in try await sql.raw("SELECT id, stock, reserved, sold FROM products").all() {
                let stock = try row.decode(column: "stock", as: Int.self)
                let reserved = try row.decode(column: "reserved", as: Int.self)
                let sold = try row.decode(column: "sold", as: Int.self)
                result[try row.decode(column: "id", as: String.self)] = (stock + reserved + sold, reserved, sold)
            }
            return result
        }
    }

    /// Orders by id: status and the quantity of each product in its lines.
    func orders() async throws -> [String: (status: String, quantities: [String: Int])] {
        try await with("orders") { sql in
            var result: [String: (status: String, quantities: [String: Int])] = [:]
            for row in try await sql.raw("SELECT id, status, snapshot FROM orders").all() {
                struct Snapshot: Decodable {
                    struct Line: Decodable {
                        var productId: UUID
                        var quantity: Int
                    }
                    var lines: [Line]
                }
                let snapshot = try JSONDecoder().decode(
                    Snapshot.self, from: Data(try row.decode(column: "snapshot", as: String.self).utf8))
                var quantities: [String: Int] = [:]
                for line in snapshot.lines {
                    quantities[line.productId.uuidString.lowercased(), default: 0] += line.quantity
                }
                result[try row.decode(column: "id", as: String.self)] = (
                    try row.decode(column: "status", as: String.self), quantities
                )
            }
            return result
        }
    }

    /// Unfinished sagas, and sagas given up (failed).
    func sagaCounts() async throws -> (unfinished: Int, failed: Int) {
        try await with("orders") { sql in
            let unfinished =
                try await sql.raw("SELECT COUNT(*) AS n FROM flotilla_sagas WHERE finished_at IS NULL")
                .first()?.decode(column: "n", as: Int.self) ?? -1
            let failed =
                try await sql.raw("SELECT COUNT(*) AS n FROM flotilla_sagas WHERE state = 'failed'")
                .first()?.decode(column: "n", as: Int.self) ?? -1
            return (unfinished, failed)
        }
    }

    /// Payments: (order id, status) of every payment row.
    func payments() async throws -> [(order: String, status: String)] {
        try await with("payments") { sql in
            try await sql.raw("SELECT order_id, status FROM payments WHERE order_id IS NOT NULL").all().map {
                (
                    (try $0.decode(column: "order_id", as: String.self)).lowercased(),
                    try $0.decode(column: "status", as: String.self)
                )
            }
        }
    }

    /// Event ids of the order outcome events the orders service published, per order.
    func orderOutcomeEvents() async throws -> [String: [String]] {
        try await with("orders") { sql in
            var result: [String: [String]] = [:]
            for row in try await sql.raw(
                "SELECT aggregate_id, event_id FROM flotilla_outbox WHERE type IN ('order.confirmed', 'order.cancelled')"
            ).all() {
                result[try row.decode(column: "aggregate_id", as: String.self), default: []].append(
                    try row.decode(column: "event_id", as: String.self))
            }
            return result
        }
    }

    /// Event ids of the notifications stored for order outcomes.
    func orderNotifications() async throws -> [String] {
        try await with("notifications") { sql in
            try await sql.raw(
                "SELECT event_id FROM notifications WHERE kind IN ('order.confirmed', 'order.cancelled')"
            ).all().map { try $0.decode(column: "event_id", as: String.self).lowercased() }
        }
    }

    /// Pending outbox deliveries of `service`.
    func pendingDeliveries(of service: String) async throws -> Int {
        try await with(service) { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM flotilla_outbox_deliveries WHERE delivered_at IS NULL")
                .first()?.decode(column: "n", as: Int.self) ?? -1
        }
    }
}
