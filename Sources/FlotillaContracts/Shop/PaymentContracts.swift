import Foundation

/// `POST /internal/payments/charge`. `paymentId` is the idempotency key: a replay returns the
/// first result (also a decline); the same id with another amount, user or order is a 409.
public struct ChargeRequest: Codable, Sendable, Hashable {
    /// The caller's idempotency key: 1–128 of letters, digits, `-`, `_`, `.`, `:`.
    public var paymentId: String
    /// The id of the order being paid for.
    public var orderId: UUID
    /// The id of the user to charge.
    public var userId: UUID
    /// The amount to charge in cents (1 or more).
    public var amountCents: Int
    /// The three-letter currency code, e.g. `EUR` (stored in uppercase).
    public var currency: String

    /// Creates a charge request; the currency defaults to `EUR`.
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
    /// The payment's id: the idempotency key chosen by the caller.
    public var paymentId: String
    /// The id of the order the payment is for.
    public var orderId: UUID
    /// The id of the user who was charged.
    public var userId: UUID
    /// The amount in cents.
    public var amountCents: Int
    /// The three-letter currency code in uppercase, e.g. `EUR`.
    public var currency: String
    /// Whether the payment was charged, declined or refunded.
    public var status: PaymentStatus
    /// Why a payment was declined.
    public var declineReason: String?
    /// When the payment was recorded (ISO 8601 with milliseconds).
    public var createdAt: Date
    /// When the payment last changed, e.g. by a refund (ISO 8601 with milliseconds).
    public var updatedAt: Date

    /// Creates a payment.
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
