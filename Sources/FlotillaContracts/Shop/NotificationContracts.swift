import Foundation

/// A notification stored for a user, one per consumed event.
public struct NotificationDTO: Codable, Sendable, Hashable {
    /// The notification's id (UUID).
    public var id: UUID
    /// The id of the user the notification is for.
    public var userId: UUID
    /// The event type that caused it, e.g. `order.confirmed`.
    public var kind: String
    /// The human-readable text shown to the user.
    public var message: String
    /// The event's id: the inbox key, so one event never makes two notifications.
    public var eventId: UUID
    /// When the event happened (ISO 8601 with milliseconds).
    public var createdAt: Date

    /// Creates a notification.
    public init(id: UUID, userId: UUID, kind: String, message: String, eventId: UUID, createdAt: Date) {
        self.id = id
        self.userId = userId
        self.kind = kind
        self.message = message
        self.eventId = eventId
        self.createdAt = createdAt
    }
}
