import FlotillaStore

/// The products service's tables, after the kit's own (outbox, inbox, sagas).
enum ProductsMigrations {
    static let all = [createProducts, createReservations, DemoCatalogue.migration]

    /// The catalogue with its inventory counters; `stock + reserved + sold` changes only by restocking.
    static let createProducts = Migration(
        id: "products-0001", name: "create products",
        sql: [
            """
            CREATE TABLE products (
                id TEXT PRIMARY KEY,
                sku TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                description TEXT NOT NULL,
                category TEXT NOT NULL,
                price_cents BIGINT NOT NULL CHECK (price_cents >= 0),
                stock BIGINT NOT NULL CHECK (stock >= 0),
                reserved BIGINT NOT NULL CHECK (reserved >= 0),
                sold BIGINT NOT NULL CHECK (sold >= 0),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX products_by_category ON products (category, name, id)",
            "CREATE INDEX products_by_name ON products (name, id)",
        ])

    /// Reservations keyed by the caller's idempotency key, with their priced lines. `fingerprint`
    /// is the canonical item list (NULL for a tombstone: released before it was ever made);
    /// `rejection_*` keep the answer to a refused reservation, so a replay gets it again.
    static let createReservations = Migration(
        id: "products-0002", name: "create reservations",
        sql: [
            """
            CREATE TABLE reservations (
                id TEXT PRIMARY KEY,
                state TEXT NOT NULL,
                fingerprint TEXT,
                rejection_status BIGINT,
                rejection_detail TEXT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE reservation_items (
                reservation_id TEXT NOT NULL REFERENCES reservations (id),
                product_id TEXT NOT NULL REFERENCES products (id),
                name TEXT NOT NULL,
                quantity BIGINT NOT NULL CHECK (quantity > 0),
                unit_price_cents BIGINT NOT NULL,
                PRIMARY KEY (reservation_id, product_id)
            )
            """,
        ])
}
