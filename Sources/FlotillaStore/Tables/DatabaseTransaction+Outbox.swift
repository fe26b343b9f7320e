import Foundation
import SQLKit

extension DatabaseTransaction {
    /// The PostgreSQL `NOTIFY` channel signalled (at commit) whenever an event is appended to the outbox.
    public static let outboxNotificationChannel = "flotilla_outbox"

    /// Writes `event` to the outbox in this transaction, with a pending delivery row per subscriber.
    ///
    /// The event becomes visible to the relay only if the transaction commits, together with the state change
    /// that caused it. Its `sequence` is the next number for its aggregate (1, 2, 3 …); on PostgreSQL
    /// concurrent appends for one aggregate are serialized by a transaction-scoped advisory lock, and a
    /// `NOTIFY flotilla_outbox` wakes listening relays at commit.
    /// - Parameters:
    ///   - event: The event.
    ///   - subscribers: Names of the services that must receive it; each gets a `flotilla_outbox_deliveries`
    ///     row due at `event.occurredAt`.
    /// - Returns: The event's sequence within its aggregate.
    @discardableResult
    public func appendOutboxEvent(_ event: OutboxEvent, subscribers: [String]) async throws -> Int64 {
        if engine == .postgres {
            try await sql.raw(
                "SELECT pg_advisory_xact_lock(\(bind: Int32(0x4F42)), hashtext(\(bind: event.aggregateID)))"
            ).run()
        }
        let next = try await sql.raw(
            """
            SELECT COALESCE(MAX(sequence), 0) + 1 AS next FROM flotilla_outbox \
            WHERE aggregate_id = \(bind: event.aggregateID)
            """
        ).first()
        let sequence = try next?.decode(column: "next", as: Int64.self) ?? 1
        let eventID = event.id.uuidString.lowercased()
        let occurredAt = event.occurredAt.epochMilliseconds
        try await sql.raw(
            """
            INSERT INTO flotilla_outbox \
            (event_id, aggregate_id, sequence, type, payload, traceparent, occurred_at) VALUES \
            (\(bind: eventID), \(bind: event.aggregateID), \(bind: sequence), \(bind: event.type), \
            \(bind: event.payload), \(bind: event.traceparent), \(bind: occurredAt))
            """
        ).run()
        for subscriber in Set(subscribers).sorted() {
            try await sql.raw(
                """
                INSERT INTO flotilla_outbox_deliveries (event_id, subscriber, attempts, next_attempt_at) \
                VALUES (\(bind: eventID), \(bind: subscriber), 0, \(bind: occurredAt))
                """
            ).run()
        }
        if engine == .postgres {
            try await sql.raw("SELECT pg_notify(\(bind: Self.outboxNotificationChannel), '')").run()
        }
        return sequence
    }
}
