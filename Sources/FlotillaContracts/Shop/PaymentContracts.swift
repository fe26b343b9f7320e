import Foundation

/// `POST /internal/payments/charge`. `paymentId` is the idempotency key: a replay returns the
/// first result (also a decline); the same id with another amount, user or order is a 409.
public struct ChargeRequest: Codable, Sendable, Hashable {
    public var paymentId: String
    public var orderId: UUID
    public var userId: UUID
    public var amountCents: Int
    public var currency: String

    public init(paymentId: String, orderId: UUID, userId: UUID, amountCents: Int, currency: String = "EUR") {
        self.paymentId = paymentId
        self.orderId = orderId
        self.userId = userId
        self.amountCents = amountCents
        self.currency = currency
    }
}

/// What became of a payment.
public enum PaymentStatus: String, Codable, Sendable, Hashable {
    case charged, declined, refunded
}

/// A payment as the payments service returns it.
public struct PaymentDTO: Codable, Sendable, Hashable {
    public var paymentId: String
    public var orderId: UUID
    public var userId: UUID
    public var amountCents: Int
    public var currency: String
    public var status: PaymentStatus
    /// Why a payment was declined.
    public var declineReason: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        paymentId: String, orderId: UUID, userId: UUID, amountCents: Int, currency: String, status: PaymentStatus,
        declineReason: String?, createdAt: Date, updatedAt: Date
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
}
