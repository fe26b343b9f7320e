import FlotillaContracts
import FlotillaStore
import FlotillaTesting
import Foundation
import HTTPTypes
import ShopTestSupport
import Testing

@testable import ShopProducts

/// The public catalogue and the internal catalogue writes.
@Suite("Catalogue")
struct CatalogueTests {
    @Test func freshSystemHasTheDemoCatalogueByName() async throws {
        try await ProductsHarness.run { harness in
            let response = try await harness.api.get("/products")
            #expect(response.status == .ok)
            let page = try response.decode(Page<ProductDTO>.self)
            #expect(page.total == DemoCatalogue.products.count)
            #expect(page.total == 12)
            #expect(page.limit == 20 && page.offset == 0)
            #expect(page.items.map(\.name) == DemoCatalogue.products.map(\.name).sorted())
            let espresso = try #require(page.items.first { $0.sku == "COF-ESP-250" })
            #expect(espresso.priceCents == 895 && espresso.stock == 120 && espresso.reserved == 0)
        }
    }

    @Test func listsPageAndFilterByCategory() async throws {
        try await ProductsHarness.run { harness in
            let all = try await harness.api.get("/products?limit=100").decode(Page<ProductDTO>.self)
            let second = try await harness.api.get("/products?limit=5&offset=10").decode(Page<ProductDTO>.self)
            #expect(second.items.map(\.id) == Array(all.items.map(\.id)[10...]))
            #expect(second.total == 12 && second.limit == 5 && second.offset == 10)

            let tea = try await harness.api.get("/products?category=TEA").decode(Page<ProductDTO>.self)
            #expect(tea.total == 3)
            #expect(tea.items.count == 3 && tea.items.allSatisfy { $0.category == "tea" })
            let none = try await harness.api.get("/products?category=nothing").decode(Page<ProductDTO>.self)
            #expect(none.total == 0 && none.items.isEmpty)
        }
    }

    @Test(arguments: ["limit=0", "limit=101", "limit=ten", "offset=-1", "category="])
    func badListParametersAre400(_ query: String) async throws {
        try await ProductsHarness.run { harness in
            let response = try await harness.api.get("/products?\(query)")
            #expect(response.status == .badRequest)
            let field = String(query.prefix { $0 != "=" })
            #expect(try response.problem().errors?.map(\.field) == [field])
        }
    }

    @Test func readsOneProductOr404() async throws {
        try await ProductsHarness.run { harness in
            let seeded = try #require(DemoCatalogue.products.first)
            let response = try await harness.api.get("/products/\(seeded.id)")
            #expect(response.status == .ok)
            #expect(try response.decode(ProductDTO.self).sku == seeded.sku)
            #expect(try await harness.api.get("/products/\(UUID())").status == .notFound)
            #expect(try await harness.api.get("/products/not-an-id").status == .notFound)
        }
    }

    @Test func recommendsBestSellersInStockInAFixedOrder() async throws {
        try await ProductsHarness.run { harness in
            let response = try await harness.api.get("/products/recommendations")
            #expect(response.status == .ok)
            let products = try response.decode([ProductDTO].self)
            // Masala Chai sold more than most but is out of stock, so it is left out.
            #expect(
                products.map(\.sku) == ["ACC-FIL-100", "COF-ESP-250", "COF-ETH-250", "TEA-SEN-100", "ACC-MUG-350"])
            let two = try await harness.api.get("/products/recommendations?limit=2").decode([ProductDTO].self)
            #expect(two.map(\.sku) == ["ACC-FIL-100", "COF-ESP-250"])
            #expect(try await harness.api.get("/products/recommendations?limit=0").status == .badRequest)
            #expect(try await harness.api.get("/products/recommendations?limit=21").status == .badRequest)
        }
    }

    @Test func createsProductsWithNormalisedFieldsAndUniqueSKUs() async throws {
        try await ProductsHarness.run { harness in
            let request = CreateProductRequest(
                sku: " ab-12 ", name: "  Decaf  ", description: "Swiss water", category: "Coffee", priceCents: 0,
                stock: 7)
            let response = try await harness.api.post("/internal/products", request)
            #expect(response.status == .created)
            let product = try response.decode(ProductDTO.self)
            #expect(product.sku == "AB-12" && product.name == "Decaf" && product.category == "coffee")
            #expect(product.stock == 7 && product.reserved == 0 && product.sold == 0 && product.priceCents == 0)
            #expect(try await harness.product(product.id) == product)

            var again = request
            again.sku = "ab-12"
            let duplicate = try await harness.api.post("/internal/products", again)
            #expect(duplicate.status == .conflict)
            #expect(try duplicate.problem().detail == "a product with SKU AB-12 already exists")
        }
    }

    @Test func rejectsInvalidProductsNamingEveryField() async throws {
        try await ProductsHarness.run { harness in
            let response = try await harness.api.post(
                "/internal/products",
                CreateProductRequest(sku: "no spaces!", name: "", category: "", priceCents: -1, stock: -5))
            #expect(response.status == .badRequest)
            let fields = try response.problem().errors?.map(\.field)
            #expect(fields == ["sku", "name", "category", "priceCents", "stock"])
            let missing = try await harness.api.post("/internal/products", json: #"{"sku": "X"}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.problem().errors?.first?.field == "name")
        }
    }

    /// On both engines, as it relies on `COALESCE` with NULL parameters.
    @Test(arguments: TestDatabases.engines)
    func updatesCatalogueFieldsButNeverCounters(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 9)
            let response = try await harness.api.patch(
                "/internal/products/\(product.id)", UpdateProductRequest(name: "Better Beans", priceCents: 1999))
            #expect(response.status == .ok)
            let updated = try response.decode(ProductDTO.self)
            #expect(updated.name == "Better Beans" && updated.priceCents == 1999)
            #expect(updated.stock == 9 && updated.sku == product.sku && updated.category == product.category)
            #expect(updated.description == product.description)
            let recategorised = try await harness.api.patch(
                "/internal/products/\(product.id)", UpdateProductRequest(category: "Gifts"))
            #expect(try recategorised.decode(ProductDTO.self).category == "gifts")
            #expect(try await harness.product(product.id).name == "Better Beans")

            let invalid = try await harness.api.patch(
                "/internal/products/\(product.id)", UpdateProductRequest(priceCents: -1))
            #expect(invalid.status == .badRequest)
            #expect(try invalid.problem().errors?.map(\.field) == ["priceCents"])
            let unknown = try await harness.api.patch("/internal/products/\(UUID())", UpdateProductRequest(name: "X"))
            #expect(unknown.status == .notFound)
        }
    }

    @Test func restocksAddToAvailableStock() async throws {
        try await ProductsHarness.run { harness in
            let product = try await harness.createProduct(stock: 3)
            let response = try await harness.api.post(
                "/internal/products/\(product.id)/restock", RestockRequest(quantity: 10))
            #expect(response.status == .ok)
            #expect(try response.decode(ProductDTO.self).stock == 13)
            #expect(try await harness.product(product.id).stock == 13)
            let zero = try await harness.api.post(
                "/internal/products/\(product.id)/restock", RestockRequest(quantity: 0))
            #expect(zero.status == .badRequest)
            #expect(try zero.problem().errors?.map(\.field) == ["quantity"])
            let unknown = try await harness.api.post(
                "/internal/products/\(UUID())/restock", RestockRequest(quantity: 1))
            #expect(unknown.status == .notFound)
        }
    }
}
