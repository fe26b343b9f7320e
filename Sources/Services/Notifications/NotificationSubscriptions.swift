import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation

/// The events this service consumes. The kit runs each delivery in one transaction with its
/// inbox record, so a redelivered event is skipped and makes no second notification.
struct NotificationSubscriptions: Sendable {
    let host: ServiceHost
    let database: Database

    func register() {
        notify("user.created", as: UserCreated.self) { ($0.userId, NotificationMessages.welcome($0)) }
        notify("order.confirmed", as: OrderOutcome.self) { ($0.userId, NotificationMessages.confirmed($0)) }
        notify("order.cancelled", as: OrderOutcome.self) { ($0.userId, NotificationMessages.cancelled($0)) }
    }

    /// Stores one notification per event of `type`, for the user and with the text `compose` picks.
    private func notify<Payload: Codable & Sendable & Hashable>(
        _ type: String, as payload: Payload.Type,
        compose: @escaping @Sendable (Payload) -> (user: UUID, message: String)
    ) {
        host.subscribe(type, as: payload, database: database) { event, transaction in
            let (user, message) = compose(event.data)
            try await NotificationRecords(sql: transaction.sql).insert(
                NotificationRow(
                    id: UUID(), userId: user, kind: event.type, message: message, eventId: event.id,
                    createdAt: event.occurredAt.epochMilliseconds))
        }
    }
}
