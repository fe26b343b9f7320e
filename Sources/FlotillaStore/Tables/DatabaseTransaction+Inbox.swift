import Foundation
import SQLKit

extension DatabaseTransaction {
    /// Records that `consumer` processed event `eventID`; call it in the same transaction as the effect.
    ///
    /// ```swift
    /// try await database.transaction { tx in
    ///     guard try await tx.recordInboxEvent(eventID: envelope.id, consumer: "notifications") else {
    ///         return  // a redelivery: already processed, do nothing
    ///     }
    ///     try await sendNotification(envelope, in: tx)
    /// }
    /// ```
    /// - Returns: `true` the first time, `false` when the event was already recorded (a duplicate delivery).
    ///   On PostgreSQL a concurrent duplicate waits for the first transaction and then returns `false`.
    public func recordInboxEvent(eventID: String, consumer: String, processedAt: Date = Date()) async throws -> Bool {
        let row = try await sql.raw(
            """
            INSERT INTO flotilla_inbox (event_id, consumer, processed_at) \
            VALUES (\(bind: eventID), \(bind: consumer), \(bind: processedAt.epochMilliseconds)) \
            ON CONFLICT (event_id, consumer) DO NOTHING RETURNING event_id
            """
        ).first()
        return row != nil
    }

    /// ``recordInboxEvent(eventID:consumer:processedAt:)`` for a UUID event id (stored as lowercase text,
    /// the form ``DatabaseTransaction/appendOutboxEvent(_:subscribers:)`` writes).
    public func recordInboxEvent(eventID: UUID, consumer: String, processedAt: Date = Date()) async throws -> Bool {
        try await recordInboxEvent(
            eventID: eventID.uuidString.lowercased(), consumer: consumer, processedAt: processedAt)
    }
}
