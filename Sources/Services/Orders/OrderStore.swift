import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import SQLKit

/// Reads and appends order events, keeping the `orders` projection in step in the same transaction.
struct OrderStore: Sendable {
    let database: Database

    private static let encoder: JSONEncoder = {
        let encoder = ContractCoding.encoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// Starts an order's history with `OrderCreated`.
    func create(id: UUID, userID: UUID, items: [ItemQuantity], in transaction: DatabaseTransaction) async throws
        -> OrderDTO
    {
        let now = Date.nowInMilliseconds
        let event = OrderEvent.created(userID: userID, items: items)
        guard let order = OrderProjection.apply(event, at: now, to: nil, id: id) else {
            throw ProblemError(.internalServerError, "an order could not be started")
        }
        try await insert(event, sequence: 1, orderID: id, at: now, in: transaction)
        try await transaction.sql.raw(
            """
            INSERT INTO orders (id, user_id, status, snapshot, version, created_at, updated_at) VALUES \
            (\(bind: id.storageKey), \(bind: userID.storageKey), \(bind: order.status.rawValue), \
            \(bind: try snapshot(order)), 1, \(bind: now.epochMilliseconds), \(bind: now.epochMilliseconds))
            """
        ).run()
        return order
    }

    /// Appends `event` to the order's history and updates its projection; returns the new state,
    /// and whether anything changed (an event on a terminal order is not recorded, nor one whose
    /// kind is already in the history when `unlessRecorded`, for steps that may run twice).
    func append(_ event: OrderEvent, to id: UUID, in transaction: DatabaseTransaction, unlessRecorded: Bool = false)
        async throws -> (order: OrderDTO, changed: Bool)
    {
        guard let current = try await projection(id, in: transaction.sql) else {
            throw ProblemError(.notFound, "order \(id.storageKey) does not exist")
        }
        guard current.order.status == .pending else { return (current.order, false) }
        if unlessRecorded {
            let recorded = try await transaction.sql.raw(
                """
                SELECT 1 AS found FROM order_events WHERE order_id = \(bind: id.storageKey) \
                AND type = \(bind: event.kind.rawValue)
                """
            ).first()
            if recorded != nil { return (current.order, false) }
        }
        let now = Date.nowInMilliseconds
        guard let next = OrderProjection.apply(event, at: now, to: current.order, id: id) else {
            return (current.order, false)
        }
        let sequence = current.version + 1
        try await insert(event, sequence: sequence, orderID: id, at: now, in: transaction)
        try await transaction.sql.raw(
            """
            UPDATE orders SET status = \(bind: next.status.rawValue), snapshot = \(bind: try snapshot(next)), \
            version = \(bind: sequence), updated_at = \(bind: now.epochMilliseconds) \
            WHERE id = \(bind: id.storageKey) AND version = \(bind: current.version)
            """
        ).run()
        return (next, true)
    }

    /// Appends a terminal event (`OrderConfirmed`, `OrderCancelled`) and publishes the outcome
    /// (`order.confirmed` / `order.cancelled`) in the same transaction, once: a replay finds the
    /// order terminal and changes nothing.
    func conclude(_ id: UUID, with event: OrderEvent, publishingOn host: ServiceHost) async throws {
        try await database.transaction { transaction in
            let (order, changed) = try await append(event, to: id, in: transaction)
            guard changed else { return }
            let outcome = OrderOutcome(
                orderId: order.id, userId: order.userId, totalCents: order.totalCents, reason: order.cancellationReason)
            let type = order.status == .confirmed ? "order.confirmed" : "order.cancelled"
            try await host.publish(type, aggregateID: order.id.storageKey, data: outcome, in: transaction)
        }
    }

    /// The order's current state from the projection.
    func order(_ id: UUID) async throws -> OrderDTO? {
        try await database.withConnection { try await projection(id, in: $0)?.order }
    }

    /// The order rebuilt from its events, and the events themselves.
    func history(_ id: UUID) async throws -> (order: OrderDTO?, entries: [OrderHistoryEntry]) {
        let rows = try await database.withConnection { sql in
            try await sql.raw(
                """
                SELECT sequence, data, occurred_at FROM order_events WHERE order_id = \(bind: id.storageKey) \
                ORDER BY sequence
                """
            ).all()
        }
        var history: [(event: OrderEvent, at: Date)] = []
        var entries: [OrderHistoryEntry] = []
        for row in rows {
            let event = try ContractCoding.decoder().decode(
                OrderEvent.self, from: Data(try row.decode(column: "data", as: String.self).utf8))
            let at = Date(epochMilliseconds: try row.decode(column: "occurred_at", as: Int64.self))
            history.append((event, at))
            entries.append(
                OrderHistoryEntry(
                    sequence: try row.decode(column: "sequence", as: Int.self), type: event.kind.rawValue,
                    occurredAt: at, data: event.details))
        }
        return (OrderProjection.rebuild(id: id, from: history), entries)
    }

    /// A page of the user's orders, newest first.
    func orders(of userID: UUID, limit: Int, offset: Int) async throws -> Page<OrderDTO> {
        try await database.withConnection { sql in
            let rows = try await sql.raw(
                """
                SELECT snapshot FROM orders WHERE user_id = \(bind: userID.storageKey) \
                ORDER BY created_at DESC, id LIMIT \(bind: limit) OFFSET \(bind: offset)
                """
            ).all()
            let total =
                try await sql.raw(
                    "SELECT COUNT(*) AS total FROM orders WHERE user_id = \(bind: userID.storageKey)"
                ).first()?.decode(column: "total", as: Int.self) ?? 0
            let items = try rows.map { row in
                try ContractCoding.decoder().decode(
                    OrderDTO.self, from: Data(try row.decode(column: "snapshot", as: String.self).utf8))
            }
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    private func projection(_ id: UUID, in sql: any SQLDatabase) async throws -> (order: OrderDTO, version: Int)? {
        guard
            let row = try await sql.raw(
                "SELECT snapshot, version FROM orders WHERE id = \(bind: id.storageKey)"
            ).first()
        else { return nil }
        let order = try ContractCoding.decoder().decode(
            OrderDTO.self, from: Data(try row.decode(column: "snapshot", as: String.self).utf8))
        return (order, try row.decode(column: "version", as: Int.self))
    }

    private func insert(
        _ event: OrderEvent, sequence: Int, orderID: UUID, at time: Date, in transaction: DatabaseTransaction
    ) async throws {
        try await transaction.sql.raw(
            """
            INSERT INTO order_events (order_id, sequence, type, data, occurred_at) VALUES \
            (\(bind: orderID.storageKey), \(bind: sequence), \(bind: event.kind.rawValue), \
            \(bind: String(decoding: try Self.encoder.encode(event), as: UTF8.self)), \(bind: time.epochMilliseconds))
            """
        ).run()
    }

    private func snapshot(_ order: OrderDTO) throws -> String {
        String(decoding: try Self.encoder.encode(order), as: UTF8.self)
    }
}
