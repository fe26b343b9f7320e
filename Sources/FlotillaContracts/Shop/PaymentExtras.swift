import Foundation

/// The answer to `POST /internal/payments/{paymentId}/refund` for a payment id never charged: the
/// refund is recorded as a tombstone, so a charge arriving later with that id is refused (409).
/// This is what a saga compensating after a timed-out charge gets.
public struct PaymentTombstone: Codable, Sendable, Hashable {
    /// The payment id the refund named.
    public var paymentId: String
    /// Always ``PaymentStatus/refunded``.
    public var status: PaymentStatus
    /// When the refund was first recorded.
    public var recordedAt: Date

    /// Creates a tombstone answer.
    public init(paymentId: String, status: PaymentStatus = .refunded, recordedAt: Date) {
        self.paymentId = paymentId
        self.status = status
        self.recordedAt = recordedAt
    }
}

/// The body of the 402 answer to a declined charge: a problem-details object (`status` 402,
/// `detail` the decline reason) with the declined payment as the extension member `payment`.
public struct PaymentDeclinedProblem: Codable, Sendable, Hashable {
    /// The problem.
    public var problem: ProblemDetails
    /// The declined payment, as stored (a replay gets it again).
    public var payment: PaymentDTO

    private enum CodingKeys: String, CodingKey {
        case payment
    }

    /// Creates the body.
    public init(problem: ProblemDetails, payment: PaymentDTO) {
        self.problem = problem
        self.payment = payment
    }

    /// Reads the problem's members and `payment` from one JSON object.
    public init(from decoder: any Decoder) throws {
        problem = try ProblemDetails(from: decoder)
        payment = try decoder.container(keyedBy: CodingKeys.self).decode(PaymentDTO.self, forKey: .payment)
    }

    /// Writes the problem's members and `payment` into one JSON object.
    public func encode(to encoder: any Encoder) throws {
        try problem.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(payment, forKey: .payment)
    }
}
