import FlotillaContracts
import FlotillaStore
import Foundation

/// A row of `payments`, as decoded from SQL (snake_case columns). A tombstone (a refund that came
/// before any charge) has no order, user, amount or currency.
struct PaymentRow: Decodable, Sendable {
    var paymentId: String
    var orderId: UUID?
    var userId: UUID?
    var amountCents: Int?
    var currency: String?
    var status: PaymentStatus
    var declineReason: String?
    var createdAt: Int64
    var updatedAt: Int64

    /// The columns selected to decode a row, in the table's order.
    static let columns =
        "payment_id, order_id, user_id, amount_cents, currency, status, decline_reason, created_at, updated_at"

    /// The row of a new payment.
    init(_ payment: PaymentDTO) {
        self.init(
            paymentId: payment.paymentId, orderId: payment.orderId, userId: payment.userId,
            amountCents: payment.amountCents, currency: payment.currency, status: payment.status,
            declineReason: payment.declineReason, createdAt: payment.createdAt.epochMilliseconds,
            updatedAt: payment.updatedAt.epochMilliseconds)
    }

    init(
        paymentId: String, orderId: UUID?, userId: UUID?, amountCents: Int?, currency: String?, status: PaymentStatus,
        declineReason: String?, createdAt: Int64, updatedAt: Int64
    ) {
        self.paymentId = paymentId
        self.orderId = orderId
        self.userId = userId
        self.amountCents = amountCents
        self.currency = currency
        self.status = status
        self.declineReason = declineReason
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The row a refund leaves for a payment id never charged.
    static func tombstone(_ id: String, at time: Int64) -> PaymentRow {
        PaymentRow(
            paymentId: id, orderId: nil, userId: nil, amountCents: nil, currency: nil, status: .refunded,
            declineReason: nil, createdAt: time, updatedAt: time)
    }

    /// The payment, or `nil` for a tombstone.
    var dto: PaymentDTO? {
        guard let orderId, let userId, let amountCents, let currency else { return nil }
        return PaymentDTO(
            paymentId: paymentId, orderId: orderId, userId: userId, amountCents: amountCents, currency: currency,
            status: status, declineReason: declineReason, createdAt: Date(epochMilliseconds: createdAt),
            updatedAt: Date(epochMilliseconds: updatedAt))
    }

    /// What a refund of a tombstone answers.
    var tombstone: PaymentTombstone {
        PaymentTombstone(paymentId: paymentId, recordedAt: Date(epochMilliseconds: createdAt))
    }
}
