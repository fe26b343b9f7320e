import FlotillaContracts
import FlotillaStore
import Foundation
import SQLKit

/// The `notifications` table, through one connection: a transaction's or the pool's.
struct NotificationRecords {
    let sql: any SQLDatabase

    /// Stores `notification` unless one for its event exists already.
    func insert(_ notification: NotificationRow) async throws {
        try await sql.raw(
            """
            INSERT INTO notifications (\(unsafeRaw: NotificationRow.columns)) VALUES (\
            \(bind: notification.id.storageKey), \(bind: notification.userId.storageKey), \(bind: notification.kind), \
            \(bind: notification.message), \(bind: notification.eventId.storageKey), \(bind: notification.createdAt)) \
            ON CONFLICT (event_id) DO NOTHING
            """
        ).run()
    }

    /// One page of `user`'s notifications, newest first.
    func page(of user: UUID, _ request: PageRequest) async throws -> Page<NotificationDTO> {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: NotificationRow.columns) FROM notifications WHERE user_id = \(bind: user.storageKey) \
            ORDER BY created_at DESC, id DESC LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        ).all(decoding: NotificationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let total =
            try await sql.raw(
                "SELECT COUNT(*) AS total FROM notifications WHERE user_id = \(bind: user.storageKey)"
            ).first(decodingColumn: "total", as: Int.self) ?? 0
        return Page(items: rows.map(\.dto), total: total, limit: request.limit, offset: request.offset)
    }
}
