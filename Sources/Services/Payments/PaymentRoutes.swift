import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Hummingbird

/// A signed-in user's own payments: `GET /payments` (newest first) and `GET /payments/{id}`.
struct PaymentRoutes: Sendable {
    let database: Database

    func register(on routes: ServiceRoutes) {
        routes.get("/payments") { request, _ in
            let caller = try request.callerID()
            let page = try request.pageRequest()
            return JSONResponse.make(try await PaymentRecords(sql: database.sql).page(of: caller, page))
        }
        routes.get("/payments/{id}") { request, context in
            let caller = try request.callerID()
            let id = context.parameters.get("id") ?? ""
            guard let payment = try await PaymentRecords(sql: database.sql).find(id)?.dto else {
                throw ProblemError(.notFound, "no payment '\(id)'")
            }
            guard payment.userId == caller else {
                throw ProblemError(.forbidden, "a user may only read their own payments")
            }
            return JSONResponse.make(payment)
        }
    }
}
