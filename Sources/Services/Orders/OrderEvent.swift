import FlotillaContracts
import Foundation

/// One fact in an order's append-only history. The order's state is the fold of its events
/// (``OrderProjection``); `GET /orders/{id}/history` returns them as they happened.
struct OrderEvent: Codable, Sendable, Equatable {
    /// The event's name in the history.
    enum Kind: String, Codable, Sendable {
        case created = "OrderCreated"
        case priced = "OrderPriced"
        case paymentCharged = "PaymentCharged"
        case inventoryCommitted = "InventoryCommitted"
        case confirmed = "OrderConfirmed"
        case cancelled = "OrderCancelled"
    }

    var kind: Kind
    var userId: UUID?
    var items: [ItemQuantity]?
    var lines: [OrderLine]?
    var totalCents: Int?
    var reservationId: String?
    var paymentId: String?
    var reason: String?

    static func created(userID: UUID, items: [ItemQuantity]) -> OrderEvent {
        OrderEvent(kind: .created, userId: userID, items: items)
    }

    static func priced(_ reservation: ReservationDTO) -> OrderEvent {
        let lines = reservation.items
        return OrderEvent(
            kind: .priced, lines: lines, totalCents: lines.reduce(0) { $0 + $1.quantity * $1.unitPriceCents },
            reservationId: reservation.reservationId)
    }

    static func paymentCharged(_ payment: PaymentDTO) -> OrderEvent {
        OrderEvent(kind: .paymentCharged, totalCents: payment.amountCents, paymentId: payment.paymentId)
    }

    static let inventoryCommitted = OrderEvent(kind: .inventoryCommitted)
    static let confirmed = OrderEvent(kind: .confirmed)

    static func cancelled(reason: String) -> OrderEvent { OrderEvent(kind: .cancelled, reason: reason) }

    /// The event's fields as text, for the history view (lists as JSON).
    var details: [String: String] {
        var details: [String: String] = [:]
        if let userId { details["userId"] = userId.uuidString.lowercased() }
        if let items { details["items"] = Self.json(items) }
        if let lines { details["lines"] = Self.json(lines) }
        if let totalCents { details["totalCents"] = String(totalCents) }
        if let reservationId { details["reservationId"] = reservationId }
        if let paymentId { details["paymentId"] = paymentId }
        if let reason { details["reason"] = reason }
        return details
    }

    private static func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
