import FlotillaContracts
import FlotillaStore
import FlotillaTesting
import Foundation
import HTTPTypes
import ShopTestSupport
import Testing

/// Inventory reservations as the orders saga uses them, on SQLite and (when configured) PostgreSQL.
@Suite("Reservations")
struct ReservationTests {
    @Test(arguments: TestDatabases.engines)
    func reserveHoldsStockAtTodaysPrices(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let beans = try await harness.createProduct(name: "Beans", priceCents: 1250, stock: 10)
            let mug = try await harness.createProduct(name: "Mug", priceCents: 800, stock: 2)
            let response = try await harness.reserve(
                "order-1",
                [ItemQuantity(productId: mug.id, quantity: 2), ItemQuantity(productId: beans.id, quantity: 3)])
            #expect(response.status == .created)
            let reservation = try response.decode(ReservationDTO.self)
            #expect(reservation.reservationId == "order-1" && reservation.state == .reserved)
            #expect(
                Set(reservation.items) == [
                    ReservedItem(productId: beans.id, name: "Beans", quantity: 3, unitPriceCents: 1250),
                    ReservedItem(productId: mug.id, name: "Mug", quantity: 2, unitPriceCents: 800),
                ])
            let after = try await harness.product(beans.id)
            #expect(after.stock == 7 && after.reserved == 3 && after.sold == 0)
            #expect(try await harness.product(mug.id).stock == 0)

            // A later price change does not touch the reservation's prices.
            _ = try await harness.api.patch("/internal/products/\(beans.id)", UpdateProductRequest(priceCents: 99))
            let replay = try await harness.reserve(
                "order-1",
                [ItemQuantity(productId: beans.id, quantity: 3), ItemQuantity(productId: mug.id, quantity: 2)])
            #expect(replay.status == .created)
            #expect(try replay.decode(ReservationDTO.self) == reservation)
            #expect(try await harness.product(beans.id).stock == 7)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theSameIdWithOtherItemsIsAConflict(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 10)
            #expect(
                try await harness.reserve("order-2", [ItemQuantity(productId: product.id, quantity: 1)]).status
                    == .created)
            let other = try await harness.reserve("order-2", [ItemQuantity(productId: product.id, quantity: 2)])
            #expect(other.status == .conflict)
            #expect(try other.problem().detail == "reservation order-2 already exists with other items")
            #expect(try await harness.product(product.id).stock == 9)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func shortStockRefusesAllLinesAndIsRememberedForReplays(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let plenty = try await harness.createProduct(name: "Plenty", stock: 100)
            let scarce = try await harness.createProduct(name: "Scarce", stock: 1)
            let items = [
                ItemQuantity(productId: plenty.id, quantity: 5), ItemQuantity(productId: scarce.id, quantity: 2),
            ]
            let response = try await harness.reserve("order-3", items)
            #expect(response.status == .conflict)
            let detail = try response.problem().detail
            #expect(detail == "insufficient stock for Scarce (\(scarce.id.uuidString.lowercased()))")
            // All or nothing: the line that had stock was not held either.
            #expect(try await harness.product(plenty.id).stock == 100)
            #expect(try await harness.product(scarce.id).stock == 1)

            // Restocking does not change the answer to a replay of the same request.
            _ = try await harness.api.post("/internal/products/\(scarce.id)/restock", RestockRequest(quantity: 10))
            let replay = try await harness.reserve("order-3", items)
            #expect(replay.status == .conflict)
            #expect(try replay.problem().detail == detail)
            #expect(try await harness.product(plenty.id).stock == 100)
            #expect(try await harness.api.post("/internal/reservations/order-3/commit", json: "").status == .conflict)
            let release = try await harness.api.post("/internal/reservations/order-3/release", json: "")
            #expect(release.status == .ok)
            #expect(try release.decode(ReservationDTO.self).items.isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func unknownProductsAre404(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 5)
            let ghost = UUID()
            let items = [ItemQuantity(productId: product.id, quantity: 1), ItemQuantity(productId: ghost, quantity: 1)]
            let response = try await harness.reserve("order-4", items)
            #expect(response.status == .notFound)
            #expect(try response.problem().detail == "no product \(ghost.uuidString.lowercased())")
            #expect(try await harness.reserve("order-4", items).status == .notFound)
            #expect(try await harness.product(product.id).stock == 5)
        }
    }

    @Test func badRequestsAre400WithTheField() async throws {
        try await ProductsHarness.run { harness in
            let id = UUID()
            let cases: [(ReserveRequest, [String])] = [
                (
                    ReserveRequest(reservationId: "r", items: [ItemQuantity(productId: id, quantity: 0)]),
                    ["items[0].quantity"]
                ),
                (
                    ReserveRequest(reservationId: "r", items: [ItemQuantity(productId: id, quantity: -3)]),
                    ["items[0].quantity"]
                ),
                (
                    ReserveRequest(reservationId: "r", items: [ItemQuantity(productId: id, quantity: 10_001)]),
                    ["items[0].quantity"]
                ),
                (ReserveRequest(reservationId: "r", items: []), ["items"]),
                (
                    ReserveRequest(
                        reservationId: "r",
                        items: [ItemQuantity(productId: id, quantity: 1), ItemQuantity(productId: id, quantity: 2)]),
                    ["items[1].productId"]
                ),
                (
                    ReserveRequest(reservationId: "", items: [ItemQuantity(productId: id, quantity: 1)]),
                    ["reservationId"]
                ),
                (
                    ReserveRequest(reservationId: "a b", items: [ItemQuantity(productId: id, quantity: 1)]),
                    ["reservationId"]
                ),
            ]
            for (request, fields) in cases {
                let response = try await harness.api.post("/internal/reservations", request)
                #expect(response.status == .badRequest, "\(request)")
                #expect(try response.problem().errors?.map(\.field) == fields, "\(request)")
            }
            let notAnId = try await harness.api.post(
                "/internal/reservations", json: #"{"reservationId": "r", "items": [{"productId": "x", "quantity": 1}]}"#
            )
            #expect(notAnId.status == .badRequest)
            #expect(try notAnId.problem().errors?.first?.field == "items[0].productId")
            #expect(try await harness.count("reservations", where: "1 = 1") == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func releaseGivesStockBackOnceAndBlocksCommit(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 10)
            _ = try await harness.reserve("order-5", [ItemQuantity(productId: product.id, quantity: 4)])
            for _ in 0..<2 {
                let response = try await harness.api.post("/internal/reservations/order-5/release", json: "")
                #expect(response.status == .ok)
                let reservation = try response.decode(ReservationDTO.self)
                #expect(reservation.state == .released && reservation.items.map(\.quantity) == [4])
                let after = try await harness.product(product.id)
                #expect(after.stock == 10 && after.reserved == 0 && after.sold == 0)
            }
            let commit = try await harness.api.post("/internal/reservations/order-5/commit", json: "")
            #expect(commit.status == .conflict)
            #expect(try commit.problem().detail == "reservation order-5 was released: it cannot be committed")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func commitSellsOnceAndBlocksRelease(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 10)
            _ = try await harness.reserve("order-6", [ItemQuantity(productId: product.id, quantity: 4)])
            for _ in 0..<2 {
                let response = try await harness.api.post("/internal/reservations/order-6/commit", json: "")
                #expect(response.status == .ok)
                #expect(try response.decode(ReservationDTO.self).state == .committed)
                let after = try await harness.product(product.id)
                #expect(after.stock == 6 && after.reserved == 0 && after.sold == 4)
            }
            let release = try await harness.api.post("/internal/reservations/order-6/release", json: "")
            #expect(release.status == .conflict)
            #expect(try await harness.product(product.id).sold == 4)
            #expect(try await harness.api.post("/internal/reservations/nobody/commit", json: "").status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReleaseBeforeTheReservationLeavesATombstone(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 10)
            let release = try await harness.api.post("/internal/reservations/late-1/release", json: "")
            #expect(release.status == .ok)
            #expect(
                try release.decode(ReservationDTO.self)
                    == ReservationDTO(reservationId: "late-1", state: .released, items: []))
            let late = try await harness.reserve("late-1", [ItemQuantity(productId: product.id, quantity: 1)])
            #expect(late.status == .conflict)
            #expect(
                try late.problem().detail
                    == "reservation late-1 was released before it was made; use a new reservation id")
            #expect(try await harness.product(product.id).stock == 10)
        }
    }

    /// 200 buyers race for 50 units: exactly 50 get one, the rest are told there is not enough,
    /// and the counters add up.
    @Test(arguments: TestDatabases.engines)
    func concurrentReservationsNeverOversell(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 50)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        try await harness.reserve("race-\(index)", [ItemQuantity(productId: product.id, quantity: 1)])
                            .status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count == 200)
            #expect(statuses.filter { $0 == .created }.count == 50)
            #expect(statuses.filter { $0 == .conflict }.count == 150)
            let after = try await harness.product(product.id)
            #expect(after.stock == 0 && after.reserved == 50 && after.sold == 0)
            #expect(try await harness.count("reservations", where: "state = 'reserved'") == 50)
            #expect(try await harness.count("reservation_items", where: "1 = 1") == 50)
        }
    }

    /// One reservation sent many times at once (a retrying saga) holds its stock once.
    @Test(arguments: TestDatabases.engines)
    func concurrentReplaysHoldStockOnce(_ engine: DatabaseEngine) async throws {
        try await ProductsHarness.run(on: engine) { harness in
            let product = try await harness.createProduct(stock: 50)
            let bodies = try await withThrowingTaskGroup(of: ReservationDTO.self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await harness.reserve(
                            "retried", [ItemQuantity(productId: product.id, quantity: 3)])
                        guard response.status == .created else { throw UnexpectedStatus(response: response) }
                        return try response.decode(ReservationDTO.self)
                    }
                }
                return try await group.reduce(into: [ReservationDTO]()) { $0.append($1) }
            }
            #expect(bodies.count == 20 && Set(bodies).count == 1)
            let after = try await harness.product(product.id)
            #expect(after.stock == 47 && after.reserved == 3)
        }
    }
}
