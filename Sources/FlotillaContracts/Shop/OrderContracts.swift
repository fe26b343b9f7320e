import Foundation

/// `POST /orders`: the user comes from the gateway's verified identity, never from the body.
public struct CreateOrderRequest: Codable, Sendable, Hashable {
    /// The products and quantities to order: 1–50 lines, each product once, quantities 1–1000.
    public var items: [ItemQuantity]

    /// Creates an order request for the given lines.
    public init(items: [ItemQuantity]) { self.items = items }
}

/// Where an order is: pending while its place-order saga runs, then confirmed or cancelled.
public enum OrderStatus: String, Codable, Sendable, Hashable {
    case pending, confirmed, cancelled
}

/// A priced line: a product, a quantity and the unit price when it was reserved. Reservations
/// (``ReservedItem``) and orders share it, since an order is priced from its reservation.
public struct OrderLine: Codable, Sendable, Hashable {
    /// The id of the ordered product.
    public var productId: UUID
    /// The product's name when the order was priced (empty before).
    public var name: String
    /// How many units were ordered (1–1000).
    public var quantity: Int
    /// The price of one unit in cents at reservation time (0 before pricing).
    public var unitPriceCents: Int

    /// Creates an order line.
    public init(productId: UUID, name: String, quantity: Int, unitPriceCents: Int) {
        self.productId = productId
        self.name = name
        self.quantity = quantity
        self.unitPriceCents = unitPriceCents
    }
}

/// An order, rebuilt from its event stream.
public struct OrderDTO: Codable, Sendable, Hashable {
    /// The order's id (UUID).
    public var id: UUID
    /// The id of the user who placed the order.
    public var userId: UUID
    /// Where the order is: pending, confirmed or cancelled.
    public var status: OrderStatus
    /// The ordered lines; names and prices are filled in once the reservation has priced them.
    public var lines: [OrderLine]
    /// The order's total in cents (0 until the lines are priced).
    public var totalCents: Int
    /// Why the order was cancelled.
    public var cancellationReason: String?
    /// When the order was created (ISO 8601 with milliseconds).
    public var createdAt: Date
    /// When the order last changed (ISO 8601 with milliseconds).
    public var updatedAt: Date

    /// Creates an order.
    public init(
        id: UUID, userId: UUID, status: OrderStatus, lines: [OrderLine], totalCents: Int,
        cancellationReason: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.userId = userId
        self.status = status
        self.lines = lines
        self.totalCents = totalCents
        self.cancellationReason = cancellationReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One entry of `GET /orders/{id}/history`: the order's append-only event stream.
public struct OrderHistoryEntry: Codable, Sendable, Hashable {
    /// The event's position in the order's stream, from 1.
    public var sequence: Int
    /// `OrderCreated`, `OrderPriced`, `PaymentCharged`, `OrderConfirmed`, `OrderCancelled`, …
    public var type: String
    /// When the event was appended (ISO 8601 with milliseconds).
    public var occurredAt: Date
    /// Event-specific details, as text fields.
    public var data: [String: String]

    /// Creates a history entry.
    public init(sequence: Int, type: String, occurredAt: Date, data: [String: String]) {
        self.sequence = sequence
        self.type = type
        self.occurredAt = occurredAt
        self.data = data
    }
}

/// Payload of `order.confirmed` and `order.cancelled`.
public struct OrderOutcome: Codable, Sendable, Hashable {
    /// The id of the order that was confirmed or cancelled.
    public var orderId: UUID
    /// The id of the user who placed the order.
    public var userId: UUID
    /// The order's total in cents.
    public var totalCents: Int
    /// Why it was cancelled (only on `order.cancelled`).
    public var reason: String?

    /// Creates an order outcome payload.
    public init(orderId: UUID, userId: UUID, totalCents: Int, reason: String?) {
        self.orderId = orderId
        self.userId = userId
        self.totalCents = totalCents
        self.reason = reason
    }
}
