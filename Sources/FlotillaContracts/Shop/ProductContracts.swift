import Foundation

/// A catalogue entry with its inventory: `stock` is available to reserve, `reserved` is held by
/// unfinished orders, `sold` is committed. `stock + reserved + sold` only changes by restocking.
public struct ProductDTO: Codable, Sendable, Hashable {
    /// The product's id (UUID).
    public var id: UUID
    /// The stock-keeping unit: unique, 1–64 of letters, digits, `-`, `_`, `.`, in uppercase.
    public var sku: String
    /// The product's display name (1–200 characters).
    public var name: String
    /// A longer description (up to 2000 characters; may be empty).
    public var description: String
    /// The category, in lowercase (1–50 characters).
    public var category: String
    /// The unit price in cents (0–100,000,000).
    public var priceCents: Int
    /// Units available to reserve.
    public var stock: Int
    /// Units held by unfinished orders.
    public var reserved: Int
    /// Units sold: committed by confirmed orders.
    public var sold: Int

    /// Creates a product.
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
    /// The id of the product.
    public var productId: UUID
    /// How many units (1–10,000 for a reservation, 1–1000 for an order).
    public var quantity: Int

    /// Creates a line of the given product and quantity.
    public init(productId: UUID, quantity: Int) {
        self.productId = productId
        self.quantity = quantity
    }
}

/// `POST /internal/reservations`: hold stock for an order. `reservationId` is the idempotency
/// key: the same id again returns the first answer; the same id with other items is a 409.
public struct ReserveRequest: Codable, Sendable, Hashable {
    /// The caller's idempotency key: 1–128 of letters, digits, `-`, `_`, `.`, `:`.
    public var reservationId: String
    /// The lines to hold: 1–100, each product once.
    public var items: [ItemQuantity]

    /// Creates a reservation request.
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
    /// The reservation's id: the idempotency key chosen by the caller.
    public var reservationId: String
    /// Whether the stock is held, released or committed.
    public var state: ReservationState
    /// The reserved lines, ordered by product id; empty for a tombstone.
    public var items: [ReservedItem]

    /// Creates a reservation.
    public init(reservationId: String, state: ReservationState, items: [ReservedItem]) {
        self.reservationId = reservationId
        self.state = state
        self.items = items
    }
}

/// One reserved line: the same priced line an order keeps (``OrderLine``), since an order is
/// priced from its reservation.
public typealias ReservedItem = OrderLine
