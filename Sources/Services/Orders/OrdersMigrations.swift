import FlotillaStore

/// The orders service's tables: the append-only event stream per order, and a projection of each
/// order's current state for listing, updated in the same transaction as every append.
enum OrdersMigrations {
    static let all = [
        Migration(
            id: "orders-0001", name: "create order events and the orders projection",
            sql: [
                """
                CREATE TABLE order_events (
                    order_id TEXT NOT NULL,
                    sequence INTEGER NOT NULL,
                    type TEXT NOT NULL,
                    data TEXT NOT NULL,
                    occurred_at BIGINT NOT NULL,
                    PRIMARY KEY (order_id, sequence))
                """,
                """
                CREATE TABLE orders (
                    id TEXT PRIMARY KEY,
                    user_id TEXT NOT NULL,
                    status TEXT NOT NULL,
                    snapshot TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL)
                """,
                "CREATE INDEX orders_by_user ON orders (user_id, created_at)",
            ])
    ]
}
