import FlotillaContracts
import FlotillaStore
import Foundation

/// A row of `notifications`, as decoded from SQL (snake_case columns).
struct NotificationRow: Decodable, Sendable {
    var id: UUID
    var userId: UUID
    var kind: String
    var message: String
    var eventId: UUID
    /// When the event happened.
    var createdAt: Int64

    /// The columns selected to decode a row, in the table's order.
    static let columns = "id, user_id, kind, message, event_id, created_at"

    /// The public view.
    var dto: NotificationDTO {
        NotificationDTO(
            id: id, userId: userId, kind: kind, message: message, eventId: eventId,
            createdAt: Date(epochMilliseconds: createdAt))
    }
}
