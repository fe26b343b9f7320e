import FlotillaContracts
import FlotillaSaga
import FlotillaServiceKit
import FlotillaStore
import Foundation
import HTTPTypes
import Hummingbird

/// The orders service's public routes (behind the gateway's `/api/orders`): place an order, list
/// and read the caller's orders, and an order's event history.
struct OrderRoutes: Sendable {
    let store: OrderStore
    let placeOrder: SagaOrchestrator<PlaceOrderState, ContinuousClock>
    /// How long `POST /orders` waits for the saga before answering 202 with a pending order.
    let waitForOutcome: Duration

    func register(on routes: ServiceRoutes) {
        routes.post("/orders") { request, context in try await place(request, context) }
        routes.get("/orders") { request, _ in
            let caller = try request.callerID()
            let page = try request.pageRequest()
            return JSONResponse.make(try await store.orders(of: caller, limit: page.limit, offset: page.offset))
        }
        routes.get("/orders/:id") { request, context in
            let (order, _) = try await ownHistory(request, context)
            return JSONResponse.make(order)
        }
        routes.get("/orders/:id/history") { request, context in
            let (_, entries) = try await ownHistory(request, context)
            return JSONResponse.make(entries)
        }
    }

    /// Creates the order (its history starts with `OrderCreated`), starts the place-order saga, and
    /// answers 201 with the final order when the saga ends within ``waitForOutcome``, else 202.
    private func place(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let caller = try request.callerID()
        let body = try await request.decode(as: CreateOrderRequest.self, context: context)
        try OrderRules.check(body)
        let orderID = UUID()
        _ = try await store.database.transaction { transaction in
            try await store.create(id: orderID, userID: caller, items: body.items, in: transaction)
        }
        try await placeOrder.submit(
            id: orderID.storageKey, state: PlaceOrderState(orderId: orderID, userId: caller, items: body.items))
        let finished = await waitForSaga(orderID.storageKey)
        guard let order = try await store.order(orderID) else {
            throw ProblemError(.internalServerError, "order \(orderID.storageKey) vanished")
        }
        var response = JSONResponse.make(order, status: finished ? .created : .accepted)
        response.headers[.location] = "/orders/\(orderID.storageKey)"
        return response
    }

    /// Whether the saga finished within the wait.
    private func waitForSaga(_ id: String) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { (try? await placeOrder.outcome(of: id)) != nil }
            group.addTask {
                try? await Task.sleep(for: waitForOutcome)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }

    /// The caller's order rebuilt from its events, with the events: 404 when unknown, 403 when not theirs.
    private func ownHistory(_ request: Request, _ context: ServiceRequestContext) async throws
        -> (OrderDTO, [OrderHistoryEntry])
    {
        let caller = try request.callerID()
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else {
            throw ProblemError(.notFound, "no order with id '\(context.parameters.get("id") ?? "")'")
        }
        let (order, entries) = try await store.history(id)
        guard let order else { throw ProblemError(.notFound, "no order with id '\(text)'") }
        guard order.userId == caller else { throw ProblemError(.forbidden, "order \(text) belongs to another user") }
        return (order, entries)
    }
}
