import Foundation

/// A catalogue entry with its inventory: `stock` is available to reserve, `reserved` is held by
/// unfinished orders, `sold` is committed. `stock + reserved + sold` only changes by restocking.
public struct ProductDTO: Codable, Sendable, Hashable {
    public var id: UUID
    public var sku: String
    public var name: String
    public var description: String
    public var category: String
    public var priceCents: Int
    public var stock: Int
    public var reserved: Int
    public var sold: Int

    public init(
        id: UUID, sku: String, name: String, description: String, category: String, priceCents: Int, stock: Int,
        reserved: Int, sold: Int
    ) {
        self.id = id
        self.sku = sku
        self.name = name
        self.description = description
        self.category = category
        self.priceCents = priceCents
        self.stock = stock
        self.reserved = reserved
        self.sold = sold
    }
}

/// One line of a reservation or an order.
public struct ItemQuantity: Codable, Sendable, Hashable {
    public var productId: UUID
    public var quantity: Int

    public init(productId: UUID, quantity: Int) {
        self.productId = productId
        self.quantity = quantity
    }
}

/// `POST /internal/reservations`: hold stock for an order. `reservationId` is the idempotency
/// key: the same id again returns the first answer; the same id with other items is a 409.
public struct ReserveRequest: Codable, Sendable, Hashable {
    public var reservationId: String
    public var items: [ItemQuantity]

    public init(reservationId: String, items: [ItemQuantity]) {
        self.reservationId = reservationId
        self.items = items
    }
}

/// Where a reservation is in its life: held, then either released (stock back) or committed (sold).
public enum ReservationState: String, Codable, Sendable, Hashable {
    case reserved, released, committed
}

/// A reservation as the products service returns it, with the unit prices at reservation time.
public struct ReservationDTO: Codable, Sendable, Hashable {
    public var reservationId: String
    public var state: ReservationState
    public var items: [ReservedItem]

    public init(reservationId: String, state: ReservationState, items: [ReservedItem]) {
        self.reservationId = reservationId
        self.state = state
        self.items = items
    }
}

/// One reserved line, priced.
public struct ReservedItem: Codable, Sendable, Hashable {
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
