import FlotillaStore

/// The users service's tables, after the kit's own (outbox, inbox, sagas).
enum UsersMigrations {
    static let all = [createUsers]

    /// One row per account; `email` is stored in lowercase, so the unique index is case-insensitive.
    static let createUsers = Migration(
        id: "users-0001", name: "create users",
        sql: [
            """
            CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX users_created_at ON users (created_at, id)",
        ])
}
