import FlotillaContracts
import FlotillaServiceKit
import Hummingbird

/// Inventory reservations for the orders saga, service-to-service only:
/// `POST /internal/reservations`, `POST /internal/reservations/{id}/release`,
/// `POST /internal/reservations/{id}/commit`.
struct ReservationRoutes: Sendable {
    let inventory: Inventory

    func register(on routes: ServiceRoutes) {
        routes.post("/internal/reservations") { request, context in
            let body = try await request.decode(as: ReserveRequest.self, context: context)
            var input = InvalidInput()
            ReservationRules.check(body, into: &input)
            try input.check()
            return JSONResponse.make(try await inventory.reserve(body), status: .created)
        }
        routes.post("/internal/reservations/{id}/release") { _, context in
            JSONResponse.make(try await inventory.release(try Self.reservationID(context)))
        }
        routes.post("/internal/reservations/{id}/commit") { _, context in
            JSONResponse.make(try await inventory.commit(try Self.reservationID(context)))
        }
    }

    /// The `{id}` path parameter; 404 when it cannot be a reservation id.
    private static func reservationID(_ context: ServiceRequestContext) throws(ProblemError) -> String {
        let id = context.parameters.get("id") ?? ""
        guard ReservationRules.isWellFormedID(id) else { throw ProblemError(.notFound, "no reservation '\(id)'") }
        return id
    }
}
