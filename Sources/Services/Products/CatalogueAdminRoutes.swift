import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import Hummingbird

/// Catalogue writes, service-to-service only (the gateway never routes `/internal`):
/// `POST /internal/products`, `PATCH /internal/products/{id}`, `POST /internal/products/{id}/restock`.
struct CatalogueAdminRoutes: Sendable {
    let database: Database

    func register(on routes: ServiceRoutes) {
        routes.post("/internal/products") { request, context in try await create(request, context) }
        routes.patch("/internal/products/{id}") { request, context in try await update(request, context) }
        routes.post("/internal/products/{id}/restock") { request, context in try await restock(request, context) }
    }

    /// Adds a product; 409 when its SKU is taken.
    private func create(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let body = try await request.decode(as: CreateProductRequest.self, context: context)
        var input = InvalidInput()
        let now = Date.nowInMilliseconds.epochMilliseconds
        let product = ProductRow(
            id: UUID(), sku: ProductRules.sku(body.sku, into: &input), name: ProductRules.name(body.name, into: &input),
            description: ProductRules.description(body.description ?? "", into: &input),
            category: ProductRules.category(body.category, into: &input),
            priceCents: ProductRules.amount(
                body.priceCents, field: "priceCents", allowed: ProductRules.prices, into: &input),
            stock: ProductRules.amount(body.stock, field: "stock", allowed: ProductRules.stockLevels, into: &input),
            reserved: 0, sold: 0, createdAt: now, updatedAt: now)
        try input.check()
        guard try await ProductRecords(sql: database.sql).insert(product) else {
            throw ProblemError(.conflict, "a product with SKU \(product.sku) already exists")
        }
        return JSONResponse.make(product.dto, status: .created)
    }

    /// Changes catalogue fields; counters are untouched (reservations already made keep their prices).
    private func update(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try context.productID()
        let body = try await request.decode(as: UpdateProductRequest.self, context: context)
        var input = InvalidInput()
        let changes = UpdateProductRequest(
            name: body.name.map { ProductRules.name($0, into: &input) },
            description: body.description.map { ProductRules.description($0, into: &input) },
            category: body.category.map { ProductRules.category($0, into: &input) },
            priceCents: body.priceCents.map {
                ProductRules.amount($0, field: "priceCents", allowed: ProductRules.prices, into: &input)
            })
        try input.check()
        let now = Date.nowInMilliseconds.epochMilliseconds
        guard let product = try await ProductRecords(sql: database.sql).updateCatalogueFields(id, changes, at: now)
        else { throw ProblemError.noProduct(id) }
        return JSONResponse.make(product.dto)
    }

    /// Adds units to the available stock.
    private func restock(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try context.productID()
        let body = try await request.decode(as: RestockRequest.self, context: context)
        var input = InvalidInput()
        let quantity = ProductRules.amount(
            body.quantity, field: "quantity", allowed: ProductRules.restockQuantities, into: &input)
        try input.check()
        let now = Date.nowInMilliseconds.epochMilliseconds
        guard let product = try await ProductRecords(sql: database.sql).restock(id, by: quantity, at: now) else {
            throw ProblemError.noProduct(id)
        }
        return JSONResponse.make(product.dto)
    }
}
