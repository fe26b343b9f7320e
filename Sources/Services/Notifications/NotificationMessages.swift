import FlotillaContracts
import FlotillaStore
import Foundation

/// The text of each kind of notification.
enum NotificationMessages {
    /// `Welcome to the shop, Ada!`
    static func welcome(_ user: UserCreated) -> String {
        "Welcome to the shop, \(user.name)! Your account \(user.email) is ready."
    }

    /// `Your order 1b9d6bcd… was confirmed (total €12.34)`
    static func confirmed(_ order: OrderOutcome) -> String {
        "Your order \(shortID(order.orderId)) was confirmed (total \(euros(order.totalCents)))"
    }

    /// `Your order 1b9d6bcd… was cancelled: out of stock (total €12.34)`
    static func cancelled(_ order: OrderOutcome) -> String {
        let reason = order.reason.map { ": \($0)" } ?? ""
        return "Your order \(shortID(order.orderId)) was cancelled\(reason) (total \(euros(order.totalCents)))"
    }

    /// The first 8 hex digits of an id and an ellipsis, enough to tell a user's orders apart.
    static func shortID(_ id: UUID) -> String { "\(id.storageKey.prefix(8))\u{2026}" }

    /// Cents as euros: `€12.34`, `-€0.05`.
    static func euros(_ cents: Int) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(cents < 0 ? "-" : "")\u{20AC}\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
