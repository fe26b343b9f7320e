import FlotillaContracts
import FlotillaServiceKit
import Hummingbird

/// Charges and refunds for the orders saga, service-to-service only:
/// `POST /internal/payments/charge` and `POST /internal/payments/{paymentId}/refund`.
struct ChargeRoutes: Sendable {
    let ledger: Ledger

    func register(on routes: ServiceRoutes) {
        routes.post("/internal/payments/charge") { request, context in
            let body = try await request.decode(as: ChargeRequest.self, context: context)
            var input = InvalidInput()
            let charge = PaymentRules.checked(body, into: &input)
            try input.check()
            let payment = try await ledger.charge(charge)
            guard payment.status != .declined else {
                return DeclinedPaymentResponse.make(for: payment, path: request.uri.path, requestID: context.requestID)
            }
            return JSONResponse.make(payment, status: .created)
        }
        routes.post("/internal/payments/{paymentId}/refund") { _, context in
            let id = context.parameters.get("paymentId") ?? ""
            guard PaymentRules.isWellFormedID(id) else { throw ProblemError(.notFound, "no payment '\(id)'") }
            switch try await ledger.refund(id) {
            case .payment(let payment): return JSONResponse.make(payment)
            case .tombstone(let tombstone): return JSONResponse.make(tombstone)
            }
        }
    }
}
