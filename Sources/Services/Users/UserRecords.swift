import FlotillaContracts
import FlotillaStore
import Foundation
import SQLKit

/// The `users` table, through one connection: a transaction's or the pool's.
struct UserRecords {
    let sql: any SQLDatabase

    /// Inserts `user`; `false` when its e-mail address is already taken (nothing is written then).
    func insert(_ user: UserRow) async throws -> Bool {
        let row = try await sql.raw(
            """
            INSERT INTO users (\(unsafeRaw: UserRow.columns)) VALUES (\(bind: user.id.storageKey), \(bind: user.email), \
            \(bind: user.name), \(bind: user.passwordHash), \(bind: user.createdAt), \(bind: user.updatedAt)) \
            ON CONFLICT (email) DO NOTHING RETURNING id
            """
        ).first()
        return row != nil
    }

    /// The user with `id`, if any.
    func find(id: UUID) async throws -> UserRow? {
        try await sql.raw("SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE id = \(bind: id.storageKey)")
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// The user with the (normalised) e-mail address `email`, if any.
    func find(email: String) async throws -> UserRow? {
        try await sql.raw("SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE email = \(bind: email)")
            .first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// One page of the users `caller` may read — only themselves — oldest first.
    func page(readableBy caller: UUID, _ request: PageRequest) async throws -> Page<UserDTO> {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: UserRow.columns) FROM users WHERE id = \(bind: caller.storageKey) \
            ORDER BY created_at, id LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        ).all(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM users WHERE id = \(bind: caller.storageKey)")
            .first(decodingColumn: "total", as: Int.self) ?? 0
        return Page(items: rows.map(\.dto), total: total, limit: request.limit, offset: request.offset)
    }

    /// Changes the name and/or e-mail address (`nil` keeps a field) in one statement; the row
    /// after, or `nil` when there is no such user.
    func update(_ id: UUID, name: String?, email: String?, at time: Int64) async throws -> UserRow? {
        try await sql.raw(
            """
            UPDATE users SET name = COALESCE(\(bind: name), name), email = COALESCE(\(bind: email), email), \
            updated_at = \(bind: time) WHERE id = \(bind: id.storageKey) RETURNING \(unsafeRaw: UserRow.columns)
            """
        ).first(decoding: UserRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Replaces a password hash, unless it changed meanwhile (then the newer one stays).
    func replacePasswordHash(of id: UUID, _ old: String, with new: String, at time: Int64) async throws {
        try await sql.raw(
            """
            UPDATE users SET password_hash = \(bind: new), updated_at = \(bind: time) \
            WHERE id = \(bind: id.storageKey) AND password_hash = \(bind: old)
            """
        ).run()
    }

    /// Deletes the user; `false` when there was none.
    func delete(id: UUID) async throws -> Bool {
        try await sql.raw("DELETE FROM users WHERE id = \(bind: id.storageKey) RETURNING id").first() != nil
    }
}
