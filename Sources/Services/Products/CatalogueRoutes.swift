import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import Hummingbird

/// The public catalogue: `GET /products`, `GET /products/{id}`, `GET /products/recommendations`.
struct CatalogueRoutes: Sendable {
    let database: Database

    /// Recommendations per call: 1–20, default 5.
    static let recommendationLimits = (default: 5, maximum: 20)

    func register(on routes: ServiceRoutes) {
        routes.get("/products") { request, _ in try await list(request) }
        routes.get("/products/recommendations") { request, _ in try await recommendations(request) }
        routes.get("/products/{id}") { _, context in try await read(context) }
    }

    /// A page of the catalogue by name; `category` filters (case-insensitive).
    private func list(_ request: Request) async throws -> Response {
        let page = try request.pageRequest()
        var input = InvalidInput()
        let category = request.uri.queryParameters.get("category").map { ProductRules.category($0, into: &input) }
        try input.check()
        return JSONResponse.make(try await ProductRecords(sql: database.sql).page(category: category, page))
    }

    /// Best sellers that are in stock, most sold first (ties by name): a plain array.
    private func recommendations(_ request: Request) async throws -> Response {
        let limit = try request.pageRequest(
            defaultLimit: Self.recommendationLimits.default, maximumLimit: Self.recommendationLimits.maximum
        ).limit
        return JSONResponse.make(try await ProductRecords(sql: database.sql).bestSellersInStock(limit: limit))
    }

    private func read(_ context: ServiceRequestContext) async throws -> Response {
        let id = try context.productID()
        guard let product = try await ProductRecords(sql: database.sql).find(id: id) else {
            throw ProblemError.noProduct(id)
        }
        return JSONResponse.make(product.dto)
    }
}
