import FlotillaContracts
import FlotillaSaga
import FlotillaServiceKit
import FlotillaSpec
import FlotillaStore
import Foundation
import HTTPTypes
import NIOCore

/// The place-order saga: reserve inventory (products) → charge payment (payments) → commit
/// inventory (products) → confirm the order; when a step fails, the reservation is released and
/// the charge refunded (newest first), then the order is cancelled. Confirming and cancelling
/// append to the order's history and publish `order.confirmed` / `order.cancelled` in the same
/// transaction (outbox).
///
/// Every remote call carries the saga's idempotency key (the reservation and payment ids are the
/// action keys), so a retry or a replay after a crash is harmless; the remote steps may therefore
/// be rerun on recovery, and their compensations also run when the step itself failed, since a
/// timed-out call may have taken effect (the receivers accept "nothing to undo").
struct PlaceOrderSaga: Sendable {
    static let name = "place-order"
    static let stepNames = ["reserve-inventory", "charge-payment", "commit-inventory", "confirm-order"]

    let client: ServiceClient
    let store: OrderStore
    let host: ServiceHost
    /// Per-step timeouts, from the spec's `sagas.place-order` when given.
    let timeouts: [String: Duration]

    /// The definition to hand to the orchestrator.
    func definition() -> SagaDefinition<PlaceOrderState> {
        SagaDefinition(
            name: Self.name,
            steps: [reserveInventory(), chargePayment(), commitInventory(), confirmOrder()],
            onCompensated: { state, context in
                try await self.finish(state.orderId, with: .cancelled(reason: context.failure ?? "the order failed"))
            })
    }

    private func reserveInventory() -> SagaStep<PlaceOrderState> {
        SagaStep(
            "reserve-inventory", timeout: timeout("reserve-inventory"), rerunOnRecovery: true,
            compensateOnFailure: true,
            action: { state, context in
                let request = ReserveRequest(reservationId: context.idempotencyKey, items: state.items)
                let reservation = try await call(
                    "products", "/internal/reservations", request, as: ReservationDTO.self, key: context.idempotencyKey)
                state.reservation = reservation
                try await record(.priced(reservation), on: state.orderId)
            },
            compensation: { state, context in
                let reservationID = SagaContext.actionKey(sagaID: context.sagaID, step: "reserve-inventory")
                _ = try await call(
                    "products", "/internal/reservations/\(reservationID)/release", Empty(), as: Acknowledged.self,
                    key: context.idempotencyKey)
            })
    }

    private func chargePayment() -> SagaStep<PlaceOrderState> {
        SagaStep(
            "charge-payment", timeout: timeout("charge-payment"), rerunOnRecovery: true, compensateOnFailure: true,
            action: { state, context in
                let charge = ChargeRequest(
                    paymentId: context.idempotencyKey, orderId: state.orderId, userId: state.userId,
                    amountCents: state.totalCents)
                let payment = try await call(
                    "payments", "/internal/payments/charge", charge, as: PaymentDTO.self, key: context.idempotencyKey)
                state.payment = payment
                try await record(.paymentCharged(payment), on: state.orderId)
            },
            compensation: { _, context in
                let paymentID = SagaContext.actionKey(sagaID: context.sagaID, step: "charge-payment")
                _ = try await call(
                    "payments", "/internal/payments/\(paymentID)/refund", Empty(), as: Acknowledged.self,
                    key: context.idempotencyKey)
            })
    }

    private func commitInventory() -> SagaStep<PlaceOrderState> {
        SagaStep(
            "commit-inventory", timeout: timeout("commit-inventory"), rerunOnRecovery: true,
            action: { state, context in
                let reservationID = SagaContext.actionKey(sagaID: context.sagaID, step: "reserve-inventory")
                _ = try await call(
                    "products", "/internal/reservations/\(reservationID)/commit", Empty(), as: Acknowledged.self,
                    key: context.idempotencyKey)
                try await record(.inventoryCommitted, on: state.orderId)
            })
    }

    private func confirmOrder() -> SagaStep<PlaceOrderState> {
        SagaStep(
            "confirm-order", timeout: timeout("confirm-order"), rerunOnRecovery: true,
            action: { state, _ in try await finish(state.orderId, with: .confirmed) })
    }

    private func finish(_ orderID: UUID, with event: OrderEvent) async throws {
        try await store.conclude(orderID, with: event, publishingOn: host)
    }

    /// Appends a progress event unless the order already has one of its kind (a rerun step).
    private func record(_ event: OrderEvent, on orderID: UUID) async throws {
        try await store.database.transaction { transaction in
            _ = try await store.append(event, to: orderID, in: transaction, unlessRecorded: true)
        }
    }

    /// POSTs `body` to `dependency` with the idempotency key; 2xx decodes, 4xx is a definite
    /// refusal (the saga compensates at once), anything else is transient (retried).
    private func call<Body: Encodable, Answer: Decodable>(
        _ dependency: String, _ path: String, _ body: Body, as answer: Answer.Type, key: String
    ) async throws -> Answer {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let name = HTTPField.Name(ShopHeaders.idempotencyKey) { headers[name] = key }
        let response = try await client.send(
            dependency, .post, path, headers: headers,
            body: ByteBuffer(data: try ContractCoding.encoder().encode(body)))
        switch response.status.code {
        case 200..<300:
            return try ContractCoding.decoder().decode(Answer.self, from: Data(buffer: response.body))
        case 400..<500 where response.status.code != 408 && response.status.code != 429:
            let problem = try? ContractCoding.decoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
            let detail = problem?.detail ?? "\(dependency) refused: HTTP \(response.status.code)"
            throw SagaDeclined(response.status.code == 402 ? "payment declined: \(detail)" : detail)
        default:
            throw RemoteStepFailure(dependency: dependency, status: response.status.code)
        }
    }

    private func timeout(_ step: String) -> Duration { timeouts[step] ?? .seconds(5) }

    /// Step timeouts from the spec, after checking that its `place-order` steps are this saga's.
    static func timeouts(from spec: ServiceSpec?) throws -> [String: Duration] {
        guard let saga = spec?.sagas.first(where: { $0.name.value == name }) else { return [:] }
        let names = saga.steps.map(\.name.value)
        guard names == stepNames else {
            throw ConfigurationError(
                setting: "FLOTILLA_SPEC", problem: "saga \(name) lists steps \(names.joined(separator: ", "))",
                fix: "the orders service implements \(stepNames.joined(separator: ", ")), in this order")
        }
        return Dictionary(uniqueKeysWithValues: saga.steps.map { ($0.name.value, $0.timeout) })
    }
}

/// An empty JSON body.
private struct Empty: Encodable {}

/// A 2xx answer whose body the saga does not need: a release or refund of something never
/// reserved or charged answers with a tombstone rather than the usual body, and both are fine.
private struct Acknowledged: Decodable {
    init(from decoder: any Decoder) throws {}
}

/// A remote step answered with a status that may be temporary.
struct RemoteStepFailure: Error, CustomStringConvertible {
    var dependency: String
    var status: Int
    var description: String { "\(dependency) answered HTTP \(status)" }
}
