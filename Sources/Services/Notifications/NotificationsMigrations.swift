import FlotillaStore

/// The notifications service's tables, after the kit's own (outbox, inbox, sagas).
enum NotificationsMigrations {
    static let all = [createNotifications]

    /// One row per consumed event; `event_id` is unique, so an event can never make two.
    static let createNotifications = Migration(
        id: "notifications-0001", name: "create notifications",
        sql: [
            """
            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                event_id TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX notifications_by_user ON notifications (user_id, created_at, id)",
        ])
}
