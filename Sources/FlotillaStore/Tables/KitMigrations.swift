/// The kit's own tables, created by migrations every service runs before its own
/// (``Database/migrate(_:includingKitTables:)`` prepends them).
///
/// Portable types only: ids and JSON are `TEXT`, counters `INTEGER`/`BIGINT`, and every `*_at` column is
/// `BIGINT` milliseconds since the Unix epoch (UTC), which compares and subtracts the same on both engines.
public enum KitMigrations {
    /// All kit migrations, in order.
    public static let all: [Migration] = [outbox, inbox, sagas, sagaErrors]

    /// Transactional outbox, per-subscriber delivery state and dead letters.
    public static let outbox = Migration(
        id: "flotilla-0001-outbox", name: "create outbox, deliveries and dead letters",
        sql: [
            """
            CREATE TABLE flotilla_outbox (
                event_id TEXT PRIMARY KEY,
                aggregate_id TEXT NOT NULL,
                sequence BIGINT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                traceparent TEXT,
                occurred_at BIGINT NOT NULL,
                UNIQUE (aggregate_id, sequence))
            """,
            """
            CREATE TABLE flotilla_outbox_deliveries (
                event_id TEXT NOT NULL REFERENCES flotilla_outbox (event_id) ON DELETE CASCADE,
                subscriber TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                delivered_at BIGINT,
                last_error TEXT,
                PRIMARY KEY (event_id, subscriber))
            """,
            // The relay's "next due deliveries" query and the per-subscriber backlog read only pending rows.
            """
            CREATE INDEX flotilla_outbox_deliveries_due
                ON flotilla_outbox_deliveries (next_attempt_at) WHERE delivered_at IS NULL
            """,
            """
            CREATE INDEX flotilla_outbox_deliveries_backlog
                ON flotilla_outbox_deliveries (subscriber, next_attempt_at) WHERE delivered_at IS NULL
            """,
            """
            CREATE TABLE flotilla_dead_letters (
                event_id TEXT NOT NULL,
                subscriber TEXT NOT NULL,
                aggregate_id TEXT NOT NULL,
                type TEXT NOT NULL,
                payload TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                last_error TEXT,
                dead_at BIGINT NOT NULL,
                replayed_at BIGINT,
                PRIMARY KEY (event_id, subscriber))
            """,
        ])

    /// Inbox of processed event ids per consumer, for effectively-once processing.
    public static let inbox = Migration(
        id: "flotilla-0002-inbox", name: "create inbox",
        sql: [
            """
            CREATE TABLE flotilla_inbox (
                event_id TEXT NOT NULL,
                consumer TEXT NOT NULL,
                processed_at BIGINT NOT NULL,
                PRIMARY KEY (event_id, consumer))
            """
        ])

    /// Saga instances and their steps.
    public static let sagas = Migration(
        id: "flotilla-0003-sagas", name: "create sagas and saga steps",
        sql: [
            """
            CREATE TABLE flotilla_sagas (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                state TEXT NOT NULL,
                current_step INTEGER NOT NULL DEFAULT 0,
                payload TEXT NOT NULL,
                version BIGINT NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                finished_at BIGINT)
            """,
            // Recovery at start-up and the status page list unfinished sagas, oldest first.
            "CREATE INDEX flotilla_sagas_in_flight ON flotilla_sagas (updated_at) WHERE finished_at IS NULL",
            "CREATE INDEX flotilla_sagas_state ON flotilla_sagas (name, state)",
            """
            CREATE TABLE flotilla_saga_steps (
                saga_id TEXT NOT NULL REFERENCES flotilla_sagas (id) ON DELETE CASCADE,
                step_index INTEGER NOT NULL,
                step_name TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                idempotency_key TEXT NOT NULL UNIQUE,
                started_at BIGINT,
                finished_at BIGINT,
                last_error TEXT,
                PRIMARY KEY (saga_id, step_index))
            """,
        ])

    /// Why a saga compensated or failed (the failed step's error, then a compensation's or hook's), kept
    /// on the saga's row so a `failed` saga says why without reading its steps.
    public static let sagaErrors = Migration(
        id: "flotilla-0004-saga-errors", name: "add last_error to sagas",
        sql: ["ALTER TABLE flotilla_sagas ADD COLUMN last_error TEXT"])
}
