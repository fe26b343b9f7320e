import FlotillaStore
import Foundation
import SQLKit

/// The `payment_accounts` table: each user's outstanding total, through a transaction's connection.
/// It always equals the sum of the user's payments in state `charged`.
struct AccountRecords {
    let sql: any SQLDatabase

    /// Adds `amount` to the user's outstanding total if the result stays within `limit`, in one
    /// conditional statement, so concurrent charges can never take a user over the limit together.
    /// - Returns: `false` (and changes nothing) when it would go above the limit.
    func charge(_ amount: Int, to user: UUID, limit: Int, at time: Int64) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO payment_accounts (user_id, outstanding_cents, updated_at) \
            VALUES (\(bind: user.storageKey), 0, \(bind: time)) ON CONFLICT (user_id) DO NOTHING
            """
        ).run()
        return try await sql.raw(
            """
            UPDATE payment_accounts SET outstanding_cents = outstanding_cents + \(bind: amount), \
            updated_at = \(bind: time) WHERE user_id = \(bind: user.storageKey) \
            AND outstanding_cents + \(bind: amount) <= \(bind: limit) RETURNING user_id
            """
        ).first() != nil
    }

    /// The user's outstanding total in cents (0 when they never paid).
    func outstanding(of user: UUID) async throws -> Int {
        try await sql.raw(
            "SELECT outstanding_cents FROM payment_accounts WHERE user_id = \(bind: user.storageKey)"
        ).first(decodingColumn: "outstanding_cents", as: Int.self) ?? 0
    }

    /// Takes a refunded `amount` off the user's outstanding total.
    func refund(_ amount: Int, to user: UUID, at time: Int64) async throws {
        try await sql.raw(
            """
            UPDATE payment_accounts SET outstanding_cents = outstanding_cents - \(bind: amount), \
            updated_at = \(bind: time) WHERE user_id = \(bind: user.storageKey)
            """
        ).run()
    }
}
