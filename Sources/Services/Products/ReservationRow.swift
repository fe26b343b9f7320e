import FlotillaContracts

/// A row of `reservations`, as decoded from SQL (snake_case columns).
struct ReservationRow: Decodable, Sendable {
    var id: String
    var state: ReservationState
    /// The canonical item list it was made with; `nil` for a tombstone (released before it was made).
    var fingerprint: String?
    /// The status of the answer when the reservation was refused (404 or 409), else `nil`.
    var rejectionStatus: Int?
    /// The detail of that answer.
    var rejectionDetail: String?
    var createdAt: Int64
    var updatedAt: Int64

    /// The columns selected to decode a row, in the table's order.
    static let columns = "id, state, fingerprint, rejection_status, rejection_detail, created_at, updated_at"
}
