import FlotillaContracts
import FlotillaStore
import Foundation
import SQLKit

/// The `payments` table, through one connection: a transaction's or the pool's.
struct PaymentRecords {
    let sql: any SQLDatabase

    /// Claims the payment id with `payment`; `false` when the id is already taken (on PostgreSQL
    /// this waits for a concurrent claim of the same id to commit or roll back).
    func claim(_ payment: PaymentRow) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO payments (\(unsafeRaw: PaymentRow.columns)) VALUES (\(bind: payment.paymentId), \
            \(bind: payment.orderId?.storageKey), \(bind: payment.userId?.storageKey), \(bind: payment.amountCents), \
            \(bind: payment.currency), \(bind: payment.status.rawValue), \(bind: payment.declineReason), \
            \(bind: payment.createdAt), \(bind: payment.updatedAt)) ON CONFLICT (payment_id) DO NOTHING RETURNING payment_id
            """
        ).first() != nil
    }

    /// The payment (or tombstone) with `id`, if any.
    func find(_ id: String) async throws -> PaymentRow? {
        try await sql.raw("SELECT \(unsafeRaw: PaymentRow.columns) FROM payments WHERE payment_id = \(bind: id)")
            .first(decoding: PaymentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Records that a just-claimed payment was declined, and why.
    func decline(_ id: String, reason: String, at time: Int64) async throws {
        try await sql.raw(
            """
            UPDATE payments SET status = \(bind: PaymentStatus.declined.rawValue), decline_reason = \(bind: reason), \
            updated_at = \(bind: time) WHERE payment_id = \(bind: id)
            """
        ).run()
    }

    /// Marks a charged payment refunded; its user and amount, or `nil` when it was not charged
    /// (already refunded, declined, or a tombstone). The conditional update makes concurrent
    /// refunds of one payment exclusive.
    func refund(_ id: String, at time: Int64) async throws -> (userID: UUID, amountCents: Int)? {
        let row = try await sql.raw(
            """
            UPDATE payments SET status = \(bind: PaymentStatus.refunded.rawValue), updated_at = \(bind: time) \
            WHERE payment_id = \(bind: id) AND status = \(bind: PaymentStatus.charged.rawValue) \
            RETURNING user_id, amount_cents
            """
        ).first()
        guard let row else { return nil }
        return (try row.decode(column: "user_id", as: UUID.self), try row.decode(column: "amount_cents", as: Int.self))
    }

    /// One page of `user`'s payments, newest first.
    func page(of user: UUID, _ request: PageRequest) async throws -> Page<PaymentDTO> {
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: PaymentRow.columns) FROM payments WHERE user_id = \(bind: user.storageKey) \
            ORDER BY created_at DESC, payment_id DESC LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        ).all(decoding: PaymentRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM payments WHERE user_id = \(bind: user.storageKey)")
            .first(decodingColumn: "total", as: Int.self) ?? 0
        return Page(items: rows.compactMap(\.dto), total: total, limit: request.limit, offset: request.offset)
    }
}
