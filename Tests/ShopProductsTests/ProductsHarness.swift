import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import FlotillaTesting
import Foundation
import HummingbirdTesting
import SQLKit
import ShopTestSupport

@testable import ShopProducts

/// A products service in-process on a fresh database of `engine` (its own SQLite folder, or a new
/// PostgreSQL database), with a client for its public port; the database is closed afterwards.
struct ProductsHarness: Sendable {
    let api: APIClient
    let database: Database

    static func run<R: Sendable>(
        on engine: DatabaseEngine = .sqlite, _ body: @Sendable (ProductsHarness) async throws -> R
    ) async throws -> R {
        try await TestDatabases.withFresh(engine) { fresh in
            var configuration = ServiceConfiguration.testing(service: "products")
            configuration.databaseURL = fresh.url
            if let folder = fresh.dataDirectory { configuration.dataDirectory = folder }
            let (host, database) = try await ProductsApplication.assemble(configuration: configuration)
            do {
                let result = try await host.publicApplication().test(.router) { client in
                    try await body(ProductsHarness(api: APIClient(client: client), database: database))
                }
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    /// Creates a product through the internal route and returns it.
    func createProduct(
        sku: String = "T-\(UUID().uuidString.prefix(8))", name: String = "Test Beans", category: String = "testing",
        priceCents: Int = 1250, stock: Int
    ) async throws -> ProductDTO {
        let response = try await api.post(
            "/internal/products",
            CreateProductRequest(sku: sku, name: name, category: category, priceCents: priceCents, stock: stock))
        guard response.status == .created else { throw UnexpectedStatus(response: response) }
        return try response.decode(ProductDTO.self)
    }

    /// The product as the catalogue shows it now.
    func product(_ id: UUID) async throws -> ProductDTO {
        let response = try await api.get("/products/\(id.uuidString.lowercased())")
        guard response.status == .ok else { throw UnexpectedStatus(response: response) }
        return try response.decode(ProductDTO.self)
    }

    /// `POST /internal/reservations`.
    func reserve(_ id: String, _ items: [ItemQuantity]) async throws -> TestResponse {
        try await api.post("/internal/reservations", ReserveRequest(reservationId: id, items: items))
    }

    /// Rows of a table, by a trusted condition.
    func count(_ table: String, where condition: String) async throws -> Int {
        try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)")
            .first(decodingColumn: "n", as: Int.self) ?? -1
    }
}

/// A call answered with a status the test did not expect.
struct UnexpectedStatus: Error, CustomStringConvertible {
    let response: TestResponse
    var description: String { "unexpected \(response.status): \(String(buffer: response.body))" }
}
