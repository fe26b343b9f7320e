/// `POST /internal/products`: a new catalogue entry with its opening stock.
public struct CreateProductRequest: Codable, Sendable, Hashable {
    /// Stock-keeping unit, unique in the catalogue: 1–64 of `A-Z 0-9 - _ .` (stored in uppercase).
    public var sku: String
    /// 1–200 characters.
    public var name: String
    /// Up to 2000 characters; empty when absent.
    public var description: String?
    /// 1–50 characters (stored in lowercase), e.g. `coffee`.
    public var category: String
    /// Unit price in cents, 0 or more.
    public var priceCents: Int
    /// Units available to reserve, 0 or more.
    public var stock: Int

    /// Creates a request.
    public init(sku: String, name: String, description: String? = nil, category: String, priceCents: Int, stock: Int) {
        self.sku = sku
        self.name = name
        self.description = description
        self.category = category
        self.priceCents = priceCents
        self.stock = stock
    }
}

/// `PATCH /internal/products/{id}`: catalogue fields to change; an absent field keeps its value.
/// Stock changes only through reservations and `POST /internal/products/{id}/restock`.
public struct UpdateProductRequest: Codable, Sendable, Hashable {
    /// A new name (1–200 characters).
    public var name: String?
    /// A new description (up to 2000 characters).
    public var description: String?
    /// A new category (1–50 characters).
    public var category: String?
    /// A new unit price in cents (0 or more); reservations already made keep their price.
    public var priceCents: Int?

    /// Creates a request.
    public init(name: String? = nil, description: String? = nil, category: String? = nil, priceCents: Int? = nil) {
        self.name = name
        self.description = description
        self.category = category
        self.priceCents = priceCents
    }
}

/// `POST /internal/products/{id}/restock`: units added to the available stock.
public struct RestockRequest: Codable, Sendable, Hashable {
    /// 1–1,000,000 units.
    public var quantity: Int

    /// Creates a request.
    public init(quantity: Int) { self.quantity = quantity }
}
