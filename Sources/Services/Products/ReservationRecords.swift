import FlotillaContracts
import FlotillaStore
import Foundation
import SQLKit

/// The `reservations` and `reservation_items` tables, through a transaction's connection.
struct ReservationRecords {
    let sql: any SQLDatabase

    /// Claims `id` for a new reservation in state `state`; `false` when the id is already taken
    /// (on PostgreSQL this waits for a concurrent claim of the same id to commit or roll back).
    func claim(
        _ id: String, state: ReservationState, fingerprint: String?, refusal: ReservationRefusal? = nil, at time: Int64
    ) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO reservations (\(unsafeRaw: ReservationRow.columns)) VALUES (\(bind: id), \
            \(bind: state.rawValue), \(bind: fingerprint), \(bind: refusal?.status), \(bind: refusal?.detail), \
            \(bind: time), \(bind: time)) ON CONFLICT (id) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// The reservation with `id`, if any.
    func find(_ id: String) async throws -> ReservationRow? {
        try await sql.raw("SELECT \(unsafeRaw: ReservationRow.columns) FROM reservations WHERE id = \(bind: id)")
            .first(decoding: ReservationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Records the priced lines of a reservation.
    func insert(_ items: [ReservedItem], of id: String) async throws {
        for item in items {
            try await sql.raw(
                """
                INSERT INTO reservation_items (reservation_id, product_id, name, quantity, unit_price_cents) \
                VALUES (\(bind: id), \(bind: item.productId.storageKey), \(bind: item.name), \(bind: item.quantity), \
                \(bind: item.unitPriceCents))
                """
            ).run()
        }
    }

    /// The priced lines of a reservation, by product id (the order stock rows are locked in).
    func items(of id: String) async throws -> [ReservedItem] {
        try await sql.raw(
            """
            SELECT product_id, name, quantity, unit_price_cents FROM reservation_items \
            WHERE reservation_id = \(bind: id) ORDER BY product_id
            """
        ).all(decoding: ReservedItem.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Moves a held reservation to `state`; `false` when it was not held (already finished, or unknown).
    /// The conditional update makes concurrent releases and commits of one reservation exclusive.
    func finish(_ id: String, as state: ReservationState, at time: Int64) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE reservations SET state = \(bind: state.rawValue), updated_at = \(bind: time) \
            WHERE id = \(bind: id) AND state = \(bind: ReservationState.reserved.rawValue) RETURNING id
            """
        ).first() != nil
    }
}
