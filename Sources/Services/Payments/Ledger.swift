import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation

/// Charges and refunds for the orders saga, idempotent by payment id. A decline is recorded like
/// a charge, so a replay is declined again rather than charged.
struct Ledger: Sendable {
    let database: Database
    let policy: PaymentPolicy

    /// What a refund answers: the payment, or the tombstone left for an id never charged.
    enum RefundOutcome: Sendable {
        case payment(PaymentDTO)
        case tombstone(PaymentTombstone)
    }

    /// Charges `request.amountCents`, or declines it when the user's outstanding total would go
    /// above the limit. A replay of the id returns the stored payment (charged, declined or since
    /// refunded); 409 when the id was used for another order, user, amount or currency, or was
    /// refunded before it was ever charged.
    func charge(_ request: ChargeRequest) async throws -> PaymentDTO {
        try await database.transaction { transaction in
            let payments = PaymentRecords(sql: transaction.sql)
            let now = Date.nowInMilliseconds.epochMilliseconds
            let created = Date(epochMilliseconds: now)
            var payment = PaymentDTO(
                paymentId: request.paymentId, orderId: request.orderId, userId: request.userId,
                amountCents: request.amountCents, currency: request.currency, status: .charged, declineReason: nil,
                createdAt: created, updatedAt: created)
            guard try await payments.claim(PaymentRow(payment)) else {
                return try await replay(request, from: payments)
            }
            let accounts = AccountRecords(sql: transaction.sql)
            if try await !accounts.charge(request.amountCents, to: request.userId, limit: policy.limitCents, at: now) {
                let reason = declineReason(request, outstanding: try await accounts.outstanding(of: request.userId))
                try await payments.decline(request.paymentId, reason: reason, at: now)
                payment.status = .declined
                payment.declineReason = reason
            }
            return payment
        }
    }

    /// Refunds a charged payment; a no-op for one already refunded or declined. An id never
    /// charged gets a tombstone, so that a charge arriving late with it is refused.
    func refund(_ id: String) async throws -> RefundOutcome {
        try await database.transaction { transaction in
            let payments = PaymentRecords(sql: transaction.sql)
            let now = Date.nowInMilliseconds.epochMilliseconds
            let tombstone = PaymentRow.tombstone(id, at: now)
            if try await payments.claim(tombstone) { return .tombstone(tombstone.tombstone) }
            if let refunded = try await payments.refund(id, at: now) {
                try await AccountRecords(sql: transaction.sql).refund(
                    refunded.amountCents, to: refunded.userID, at: now)
            }
            guard let row = try await payments.find(id) else {
                throw ProblemError(.serviceUnavailable, "payment \(id) changed while it was read; retry the call")
            }
            return row.dto.map(RefundOutcome.payment) ?? .tombstone(row.tombstone)
        }
    }

    /// The stored answer for a charge whose id is taken.
    private func replay(_ request: ChargeRequest, from payments: PaymentRecords) async throws -> PaymentDTO {
        guard let stored = try await payments.find(request.paymentId) else {
            throw ProblemError(
                .serviceUnavailable, "payment \(request.paymentId) changed while it was read; retry the call")
        }
        guard let payment = stored.dto else {
            throw ProblemError(
                .conflict, "payment \(request.paymentId) was refunded before it was charged; use a new payment id")
        }
        guard
            payment.orderId == request.orderId, payment.userId == request.userId,
            payment.amountCents == request.amountCents, payment.currency == request.currency
        else {
            throw ProblemError(
                .conflict, "payment \(request.paymentId) already exists for another order, user, amount or currency")
        }
        return payment
    }

    private func declineReason(_ request: ChargeRequest, outstanding: Int) -> String {
        let currency = request.currency
        return "payment limit exceeded: \(Self.money(outstanding)) \(currency) outstanding plus "
            + "\(Self.money(request.amountCents)) \(currency) is above the limit of "
            + "\(Self.money(policy.limitCents)) \(currency)"
    }

    /// Cents as `1234.05`.
    static func money(_ cents: Int) -> String {
        let fraction = cents % 100
        return "\(cents / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
