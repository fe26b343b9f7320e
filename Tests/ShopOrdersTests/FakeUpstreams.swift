import FlotillaContracts
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Stand-ins for products and payments that answer the saga's calls as scripted and record them.
final class FakeUpstreams: Sendable {
    /// Calls seen, as `"<method> <path> key=<Idempotency-Key>"`.
    let calls = Mutex<[String]>([])
    /// Whether payments declines every charge.
    let declineCharges: Bool
    /// Unit price of every product.
    static let unitPrice = 1250

    init(declineCharges: Bool) { self.declineCharges = declineCharges }

    func record(_ request: Request) {
        let key = HTTPField.Name(ShopHeaders.idempotencyKey).flatMap { request.headers[$0] } ?? "-"
        calls.withLock { $0.append("\(request.method.rawValue) \(request.uri.path) key=\(key)") }
    }

    var recorded: [String] { calls.withLock { $0 } }

    /// One router answering both services' internal routes (the tests point both at it).
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/internal/reservations") { request, context in
            self.record(request)
            let body = try await request.decode(as: ReserveRequest.self, context: context)
            let items = body.items.map {
                ReservedItem(
                    productId: $0.productId, name: "Thing", quantity: $0.quantity, unitPriceCents: Self.unitPrice)
            }
            return try Self.json(
                ReservationDTO(reservationId: body.reservationId, state: .reserved, items: items), .created)
        }
        for action in ["release", "commit"] {
            router.post("/internal/reservations/:id/\(action)") { request, context in
                self.record(request)
                let state: ReservationState = action == "release" ? .released : .committed
                return try Self.json(
                    ReservationDTO(reservationId: context.parameters.get("id") ?? "", state: state, items: []), .ok)
            }
        }
        router.post("/internal/payments/charge") { request, context in
            self.record(request)
            let charge = try await request.decode(as: ChargeRequest.self, context: context)
            guard !self.declineCharges else {
                let problem = ProblemDetails(
                    type: "about:blank", title: "Payment Required", status: 402,
                    detail: "payment declined: over the limit")
                return try Self.json(problem, HTTPResponse.Status(code: 402))
            }
            return try Self.json(Self.payment(charge.paymentId, charge, .charged), .created)
        }
        router.post("/internal/payments/:id/refund") { request, context in
            self.record(request)
            let charge = ChargeRequest(
                paymentId: context.parameters.get("id") ?? "", orderId: UUID(), userId: UUID(), amountCents: 0)
            return try Self.json(Self.payment(charge.paymentId, charge, .refunded), .ok)
        }
        return router
    }

    static func payment(_ id: String, _ charge: ChargeRequest, _ status: PaymentStatus) -> PaymentDTO {
        PaymentDTO(
            paymentId: id, orderId: charge.orderId, userId: charge.userId, amountCents: charge.amountCents,
            currency: charge.currency, status: status, declineReason: nil, createdAt: Date(), updatedAt: Date())
    }

    static func json(_ value: some Encodable, _ status: HTTPResponse.Status) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(data: try ContractCoding.encoder().encode(value))))
    }
}
