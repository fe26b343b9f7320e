import Foundation
import SQLKit

extension Database {
    /// Claims up to `limit` deliveries that are due at `now`, pushing each one's next attempt to
    /// `now + lease` so that another relay (another instance of the service) skips it meanwhile.
    ///
    /// Per-aggregate order: a delivery is due only when no earlier event of the same aggregate is
    /// still pending for the same subscriber, so one batch never holds two events of one aggregate
    /// for one subscriber, and they may be delivered concurrently. On PostgreSQL rows are claimed with
    /// `FOR UPDATE SKIP LOCKED`.
    public func claimDueDeliveries(now: Date, limit: Int, lease: Duration) async throws -> [OutboxDelivery] {
        let lock = engine == .postgres ? " FOR UPDATE OF d SKIP LOCKED" : ""
        let nowMS = now.epochMilliseconds
        return try await transaction { transaction in
            let rows = try await transaction.sql.raw(
                """
                SELECT d.event_id, d.subscriber, d.attempts, o.aggregate_id, o.sequence, o.type, o.payload, \
                o.traceparent, o.occurred_at FROM flotilla_outbox_deliveries d \
                JOIN flotilla_outbox o ON o.event_id = d.event_id \
                WHERE d.delivered_at IS NULL AND d.next_attempt_at <= \(bind: nowMS) AND NOT EXISTS (\
                SELECT 1 FROM flotilla_outbox_deliveries p JOIN flotilla_outbox e ON e.event_id = p.event_id \
                WHERE p.subscriber = d.subscriber AND p.delivered_at IS NULL \
                AND e.aggregate_id = o.aggregate_id AND e.sequence < o.sequence) \
                ORDER BY d.next_attempt_at, o.occurred_at LIMIT \(unsafeRaw: String(limit))\(unsafeRaw: lock)
                """
            ).all()
            let deliveries = try rows.map(Self.delivery(from:))
            let leaseUntil = now.addingTimeInterval(TimeInterval(lease.wholeMilliseconds) / 1000).epochMilliseconds
            for delivery in deliveries {
                try await transaction.sql.raw(
                    """
                    UPDATE flotilla_outbox_deliveries SET next_attempt_at = \(bind: leaseUntil) \
                    WHERE event_id = \(bind: delivery.event.id.uuidString.lowercased()) \
                    AND subscriber = \(bind: delivery.subscriber)
                    """
                ).run()
            }
            return deliveries
        }
    }

    /// Marks a delivery made.
    public func markDelivered(_ delivery: OutboxDelivery, at now: Date) async throws {
        try await withConnection { sql in
            try await sql.raw(
                """
                UPDATE flotilla_outbox_deliveries SET delivered_at = \(bind: now.epochMilliseconds), \
                attempts = attempts + 1, last_error = NULL \
                WHERE event_id = \(bind: delivery.event.id.uuidString.lowercased()) \
                AND subscriber = \(bind: delivery.subscriber)
                """
            ).run()
        }
    }

    /// Records a failed attempt; the next one is due at `nextAttempt`.
    public func recordDeliveryFailure(_ delivery: OutboxDelivery, error: String, nextAttempt: Date) async throws {
        try await withConnection { sql in
            try await sql.raw(
                """
                UPDATE flotilla_outbox_deliveries SET attempts = attempts + 1, \
                next_attempt_at = \(bind: nextAttempt.epochMilliseconds), last_error = \(bind: String(error.prefix(500))) \
                WHERE event_id = \(bind: delivery.event.id.uuidString.lowercased()) \
                AND subscriber = \(bind: delivery.subscriber)
                """
            ).run()
        }
    }

    /// Gives up on a delivery: it moves to `flotilla_dead_letters` (visible in status, replayable),
    /// and later events of its aggregate flow again.
    public func deadLetter(_ delivery: OutboxDelivery, error: String, at now: Date) async throws {
        let eventID = delivery.event.id.uuidString.lowercased()
        try await transaction { transaction in
            try await transaction.sql.raw(
                """
                DELETE FROM flotilla_dead_letters WHERE event_id = \(bind: eventID) \
                AND subscriber = \(bind: delivery.subscriber)
                """
            ).run()
            try await transaction.sql.raw(
                """
                INSERT INTO flotilla_dead_letters \
                (event_id, subscriber, aggregate_id, type, payload, attempts, last_error, dead_at) VALUES \
                (\(bind: eventID), \(bind: delivery.subscriber), \(bind: delivery.event.aggregateID), \
                \(bind: delivery.event.type), \(bind: delivery.event.payload), \(bind: delivery.attempts + 1), \
                \(bind: String(error.prefix(500))), \(bind: now.epochMilliseconds))
                """
            ).run()
            try await transaction.sql.raw(
                """
                DELETE FROM flotilla_outbox_deliveries WHERE event_id = \(bind: eventID) \
                AND subscriber = \(bind: delivery.subscriber)
                """
            ).run()
        }
    }

    /// Dead letters not yet replayed, newest first.
    public func deadLetters(limit: Int = 100) async throws -> [DeadLetter] {
        try await withConnection { sql in
            try await sql.raw(
                """
                SELECT event_id, subscriber, aggregate_id, type, attempts, last_error, dead_at \
                FROM flotilla_dead_letters WHERE replayed_at IS NULL ORDER BY dead_at DESC \
                LIMIT \(unsafeRaw: String(max(1, min(limit, 1000))))
                """
            ).all().map { row in
                DeadLetter(
                    eventId: try row.decode(column: "event_id", as: String.self),
                    subscriber: try row.decode(column: "subscriber", as: String.self),
                    aggregateId: try row.decode(column: "aggregate_id", as: String.self),
                    type: try row.decode(column: "type", as: String.self),
                    attempts: try row.decode(column: "attempts", as: Int.self),
                    lastError: try row.decode(column: "last_error", as: String?.self),
                    deadAt: Date(epochMilliseconds: try row.decode(column: "dead_at", as: Int64.self)))
            }
        }
    }

    /// Puts dead letters back in the queue (all of them, or one event's, optionally for one
    /// subscriber), due at once with a fresh attempt count. Returns how many were replayed.
    @discardableResult
    public func replayDeadLetters(eventID: String? = nil, subscriber: String? = nil, at now: Date) async throws -> Int {
        try await transaction { transaction in
            // An empty filter matches every row: one fixed, fully bound query for all four combinations.
            let rows = try await transaction.sql.raw(
                """
                SELECT event_id, subscriber FROM flotilla_dead_letters WHERE replayed_at IS NULL \
                AND (\(bind: eventID?.lowercased() ?? "") = '' OR event_id = \(bind: eventID?.lowercased() ?? "")) \
                AND (\(bind: subscriber ?? "") = '' OR subscriber = \(bind: subscriber ?? ""))
                """
            ).all()
            for row in rows {
                let event = try row.decode(column: "event_id", as: String.self)
                let target = try row.decode(column: "subscriber", as: String.self)
                try await transaction.sql.raw(
                    """
                    INSERT INTO flotilla_outbox_deliveries (event_id, subscriber, attempts, next_attempt_at) \
                    VALUES (\(bind: event), \(bind: target), 0, \(bind: now.epochMilliseconds))
                    """
                ).run()
                try await transaction.sql.raw(
                    """
                    UPDATE flotilla_dead_letters SET replayed_at = \(bind: now.epochMilliseconds) \
                    WHERE event_id = \(bind: event) AND subscriber = \(bind: target)
                    """
                ).run()
            }
            return rows.count
        }
    }

    /// Pending, delivered and dead-lettered counts per subscriber, sorted by subscriber.
    public func outboxBacklog() async throws -> [OutboxBacklog] {
        try await withConnection { sql in
            let rows = try await sql.raw(
                """
                SELECT d.subscriber, \
                SUM(CASE WHEN d.delivered_at IS NULL THEN 1 ELSE 0 END) AS pending, \
                SUM(CASE WHEN d.delivered_at IS NULL THEN 0 ELSE 1 END) AS delivered, \
                MIN(CASE WHEN d.delivered_at IS NULL THEN o.occurred_at END) AS oldest \
                FROM flotilla_outbox_deliveries d JOIN flotilla_outbox o ON o.event_id = d.event_id \
                GROUP BY d.subscriber
                """
            ).all()
            var backlog: [String: OutboxBacklog] = [:]
            for row in rows {
                let subscriber = try row.decode(column: "subscriber", as: String.self)
                backlog[subscriber] = OutboxBacklog(
                    subscriber: subscriber, pending: Int(try row.decode(column: "pending", as: Int64.self)),
                    oldestPending: try row.decode(column: "oldest", as: Int64?.self).map(Date.init(epochMilliseconds:)),
                    delivered: Int(try row.decode(column: "delivered", as: Int64.self)), deadLetters: 0)
            }
            let dead = try await sql.raw(
                """
                SELECT subscriber, COUNT(*) AS dead FROM flotilla_dead_letters WHERE replayed_at IS NULL \
                GROUP BY subscriber
                """
            ).all()
            for row in dead {
                let subscriber = try row.decode(column: "subscriber", as: String.self)
                backlog[
                    subscriber,
                    default: OutboxBacklog(
                        subscriber: subscriber, pending: 0, oldestPending: nil, delivered: 0, deadLetters: 0)
                ]
                .deadLetters = Int(try row.decode(column: "dead", as: Int64.self))
            }
            return backlog.values.sorted { $0.subscriber < $1.subscriber }
        }
    }

    private static func delivery(from row: any SQLRow) throws -> OutboxDelivery {
        let eventID = try row.decode(column: "event_id", as: String.self)
        guard let id = UUID(uuidString: eventID) else {
            throw DatabaseError.corruptRow("flotilla_outbox.event_id '\(eventID)' is not a UUID")
        }
        let event = OutboxEvent(
            id: id, aggregateID: try row.decode(column: "aggregate_id", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            traceparent: try row.decode(column: "traceparent", as: String?.self),
            occurredAt: Date(epochMilliseconds: try row.decode(column: "occurred_at", as: Int64.self)))
        return OutboxDelivery(
            event: event, sequence: try row.decode(column: "sequence", as: Int64.self),
            subscriber: try row.decode(column: "subscriber", as: String.self),
            attempts: try row.decode(column: "attempts", as: Int.self))
    }
}
