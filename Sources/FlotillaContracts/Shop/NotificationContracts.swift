import Foundation

/// A notification stored for a user, one per consumed event.
public struct NotificationDTO: Codable, Sendable, Hashable {
    public var id: UUID
    public var userId: UUID
    /// The event type that caused it, e.g. `order.confirmed`.
    public var kind: String
    public var message: String
    /// The event's id: the inbox key, so one event never makes two notifications.
    public var eventId: UUID
    public var createdAt: Date

    public init(id: UUID, userId: UUID, kind: String, message: String, eventId: UUID, createdAt: Date) {
        self.id = id
        self.userId = userId
        self.kind = kind
        self.message = message
        self.eventId = eventId
        self.createdAt = createdAt
    }
}
