import Foundation

/// `POST /orders`: the user comes from the gateway's verified identity, never from the body.
public struct CreateOrderRequest: Codable, Sendable, Hashable {
    public var items: [ItemQuantity]

    public init(items: [ItemQuantity]) { self.items = items }
}

/// Where an order is: pending while its place-order saga runs, then confirmed or cancelled.
public enum OrderStatus: String, Codable, Sendable, Hashable {
    case pending, confirmed, cancelled
}

/// An order line, priced from the products service when the order was placed.
public struct OrderLine: Codable, Sendable, Hashable {
    public var productId: UUID
    public var name: String
    public var quantity: Int
    public var unitPriceCents: Int

    public init(productId: UUID, name: String, quantity: Int, unitPriceCents: Int) {
        self.productId = productId
        self.name = name
        self.quantity = quantity
        self.unitPriceCents = unitPriceCents
    }
}

/// An order, rebuilt from its event stream.
public struct OrderDTO: Codable, Sendable, Hashable {
    public var id: UUID
    public var userId: UUID
    public var status: OrderStatus
    public var lines: [OrderLine]
    public var totalCents: Int
    /// Why the order was cancelled.
    public var cancellationReason: String?
    public var createdAt: Date
    public var updatedAt: Date

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
    public var sequence: Int
    /// `OrderCreated`, `OrderPriced`, `PaymentCharged`, `OrderConfirmed`, `OrderCancelled`, …
    public var type: String
    public var occurredAt: Date
    /// Event-specific details, as text fields.
    public var data: [String: String]

    public init(sequence: Int, type: String, occurredAt: Date, data: [String: String]) {
        self.sequence = sequence
        self.type = type
        self.occurredAt = occurredAt
        self.data = data
    }
}

/// Payload of `order.confirmed` and `order.cancelled`.
public struct OrderOutcome: Codable, Sendable, Hashable {
    public var orderId: UUID
    public var userId: UUID
    public var totalCents: Int
    /// Why it was cancelled (only on `order.cancelled`).
    public var reason: String?

    public init(orderId: UUID, userId: UUID, totalCents: Int, reason: String?) {
        self.orderId = orderId
        self.userId = userId
        self.totalCents = totalCents
        self.reason = reason
    }
}
