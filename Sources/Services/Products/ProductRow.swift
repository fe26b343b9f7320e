import FlotillaContracts
import Foundation

/// A row of `products`, as decoded from SQL (snake_case columns).
struct ProductRow: Decodable, Sendable {
    var id: UUID
    var sku: String
    var name: String
    var description: String
    var category: String
    var priceCents: Int
    var stock: Int
    var reserved: Int
    var sold: Int
    var createdAt: Int64
    var updatedAt: Int64

    /// The columns selected to decode a row, in the table's order.
    static let columns =
        "id, sku, name, description, category, price_cents, stock, reserved, sold, created_at, updated_at"

    /// The public view.
    var dto: ProductDTO {
        ProductDTO(
            id: id, sku: sku, name: name, description: description, category: category, priceCents: priceCents,
            stock: stock, reserved: reserved, sold: sold)
    }
}
