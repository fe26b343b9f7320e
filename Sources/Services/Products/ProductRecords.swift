import FlotillaContracts
import FlotillaStore
import Foundation
import SQLKit

/// The `products` table, through one connection: a transaction's or the pool's.
struct ProductRecords {
    let sql: any SQLDatabase

    /// The product with `id`, if any.
    func find(id: UUID) async throws -> ProductRow? {
        try await sql.raw("SELECT \(unsafeRaw: ProductRow.columns) FROM products WHERE id = \(bind: id.storageKey)")
            .first(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// One page of the catalogue by name, optionally of one category.
    func page(category: String?, _ request: PageRequest) async throws -> Page<ProductDTO> {
        let filter: SQLQueryString = category.map { "WHERE category = \(bind: $0)" } ?? ""
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: ProductRow.columns) FROM products \(filter) \
            ORDER BY name, id LIMIT \(bind: request.limit) OFFSET \(bind: request.offset)
            """
        ).all(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let total =
            try await sql.raw("SELECT COUNT(*) AS total FROM products \(filter)")
            .first(decodingColumn: "total", as: Int.self) ?? 0
        return Page(items: rows.map(\.dto), total: total, limit: request.limit, offset: request.offset)
    }

    /// Best sellers that can be ordered now: in stock, most sold first, then by name and id.
    func bestSellersInStock(limit: Int) async throws -> [ProductDTO] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: ProductRow.columns) FROM products WHERE stock > 0 \
            ORDER BY sold DESC, name, id LIMIT \(bind: limit)
            """
        ).all(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.dto)
    }

    /// Inserts `product`; `false` when its SKU is taken (nothing is written then).
    func insert(_ product: ProductRow) async throws -> Bool {
        try await sql.raw(
            """
            INSERT INTO products (\(unsafeRaw: ProductRow.columns)) VALUES (\(bind: product.id.storageKey), \
            \(bind: product.sku), \(bind: product.name), \(bind: product.description), \(bind: product.category), \
            \(bind: product.priceCents), \(bind: product.stock), \(bind: product.reserved), \(bind: product.sold), \
            \(bind: product.createdAt), \(bind: product.updatedAt)) ON CONFLICT (sku) DO NOTHING RETURNING id
            """
        ).first() != nil
    }

    /// Changes catalogue fields (`nil` keeps one; counters never change here) in one statement, so
    /// concurrent changes of different fields do not undo each other. The row after, or `nil` when
    /// there is no such product.
    func updateCatalogueFields(_ id: UUID, _ changes: UpdateProductRequest, at time: Int64) async throws
        -> ProductRow?
    {
        try await sql.raw(
            """
            UPDATE products SET name = COALESCE(\(bind: changes.name), name), \
            description = COALESCE(\(bind: changes.description), description), \
            category = COALESCE(\(bind: changes.category), category), \
            price_cents = COALESCE(\(bind: changes.priceCents), price_cents), updated_at = \(bind: time) \
            WHERE id = \(bind: id.storageKey) RETURNING \(unsafeRaw: ProductRow.columns)
            """
        ).first(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Adds `quantity` to the available stock; the row after, or `nil` when there is no such product.
    func restock(_ id: UUID, by quantity: Int, at time: Int64) async throws -> ProductRow? {
        try await sql.raw(
            """
            UPDATE products SET stock = stock + \(bind: quantity), updated_at = \(bind: time) \
            WHERE id = \(bind: id.storageKey) RETURNING \(unsafeRaw: ProductRow.columns)
            """
        ).first(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// Moves `quantity` from available to reserved if that many are available, in one conditional
    /// statement, so concurrent reservations can never oversell. Returns the name and unit price
    /// to record with the reservation, or `nil` when the product is unknown or short of stock.
    func hold(_ quantity: Int, of id: UUID, at time: Int64) async throws -> (name: String, priceCents: Int)? {
        let row = try await sql.raw(
            """
            UPDATE products SET stock = stock - \(bind: quantity), reserved = reserved + \(bind: quantity), \
            updated_at = \(bind: time) WHERE id = \(bind: id.storageKey) AND stock >= \(bind: quantity) \
            RETURNING name, price_cents
            """
        ).first()
        guard let row else { return nil }
        return (try row.decode(column: "name", as: String.self), try row.decode(column: "price_cents", as: Int.self))
    }

    /// Moves `quantity` held by a reservation back to the available stock.
    func unhold(_ quantity: Int, of id: UUID, at time: Int64) async throws {
        try await sql.raw(
            """
            UPDATE products SET stock = stock + \(bind: quantity), reserved = reserved - \(bind: quantity), \
            updated_at = \(bind: time) WHERE id = \(bind: id.storageKey)
            """
        ).run()
    }

    /// Moves `quantity` held by a reservation to sold.
    func sell(_ quantity: Int, of id: UUID, at time: Int64) async throws {
        try await sql.raw(
            """
            UPDATE products SET reserved = reserved - \(bind: quantity), sold = sold + \(bind: quantity), \
            updated_at = \(bind: time) WHERE id = \(bind: id.storageKey)
            """
        ).run()
    }
}
