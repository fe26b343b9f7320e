import FlotillaStore

/// The payments service's tables, after the kit's own (outbox, inbox, sagas).
enum PaymentsMigrations {
    static let all = [createPayments]

    /// Payments keyed by the caller's idempotency key. A refund of an id never charged leaves a
    /// tombstone: status `refunded` and no order, user or amount. `payment_accounts` keeps each
    /// user's outstanding total (charged minus refunded), which the limit is checked against.
    static let createPayments = Migration(
        id: "payments-0001", name: "create payments",
        sql: [
            """
            CREATE TABLE payments (
                payment_id TEXT PRIMARY KEY,
                order_id TEXT,
                user_id TEXT,
                amount_cents BIGINT,
                currency TEXT,
                status TEXT NOT NULL,
                decline_reason TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX payments_by_user ON payments (user_id, created_at, payment_id)",
            """
            CREATE TABLE payment_accounts (
                user_id TEXT PRIMARY KEY,
                outstanding_cents BIGINT NOT NULL CHECK (outstanding_cents >= 0),
                updated_at BIGINT NOT NULL
            )
            """,
        ])
}
