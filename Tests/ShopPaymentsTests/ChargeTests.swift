import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import FlotillaTesting
import Foundation
import HTTPTypes
import ShopTestSupport
import Testing

@testable import ShopPayments

/// Charges and refunds as the orders saga makes them.
@Suite("Charges and refunds")
struct ChargeTests {
    let user = UUID()
    let order = UUID()

    @Test func chargesAndReplaysTheFirstAnswer() async throws {
        try await PaymentsHarness.run { [user, order] harness in
            let request = ChargeRequest(
                paymentId: "pay-1", orderId: order, userId: user, amountCents: 1234, currency: "eur")
            let response = try await harness.charge(request)
            #expect(response.status == .created)
            let payment = try response.decode(PaymentDTO.self)
            #expect(payment.status == .charged && payment.amountCents == 1234 && payment.currency == "EUR")
            #expect(payment.paymentId == "pay-1" && payment.orderId == order && payment.userId == user)
            #expect(payment.declineReason == nil)

            let replay = try await harness.charge(request)
            #expect(replay.status == .created)
            #expect(try replay.decode(PaymentDTO.self) == payment)
            #expect(try await harness.outstanding(of: user) == 1234)
        }
    }

    @Test func theSameIdForAnotherChargeIsAConflict() async throws {
        try await PaymentsHarness.run { [user, order] harness in
            let request = ChargeRequest(paymentId: "pay-2", orderId: order, userId: user, amountCents: 500)
            #expect(try await harness.charge(request).status == .created)
            var otherAmount = request
            otherAmount.amountCents = 501
            var otherOrder = request
            otherOrder.orderId = UUID()
            var otherUser = request
            otherUser.userId = UUID()
            for other in [otherAmount, otherOrder, otherUser] {
                let response = try await harness.charge(other)
                #expect(response.status == .conflict)
                #expect(
                    try response.problem().detail
                        == "payment pay-2 already exists for another order, user, amount or currency")
            }
            #expect(try await harness.outstanding(of: user) == 500)
        }
    }

    @Test func aChargeAboveTheLimitIsDeclinedWith402AndStaysDeclined() async throws {
        try await PaymentsHarness.run(limitCents: 10_000) { [user, order] harness in
            #expect(
                try await harness.charge(ChargeRequest(paymentId: "a", orderId: order, userId: user, amountCents: 6000))
                    .status == .created)
            let request = ChargeRequest(paymentId: "b", orderId: UUID(), userId: user, amountCents: 5000)
            let declined = try await harness.charge(request)
            #expect(declined.status == HTTPResponse.Status(code: 402))
            #expect(declined.headers[.contentType] == "application/problem+json")
            let body = try declined.decode(PaymentDeclinedProblem.self)
            let payment = body.payment
            #expect(try declined.problem() == body.problem)
            #expect(body.problem.status == 402 && body.problem.detail == payment.declineReason)
            #expect(body.problem.instance == "/internal/payments/charge" && body.problem.requestId != nil)
            #expect(payment.status == .declined && payment.paymentId == "b" && payment.amountCents == 5000)
            #expect(
                payment.declineReason
                    == "payment limit exceeded: 60.00 EUR outstanding plus 50.00 EUR is above the limit of 100.00 EUR")
            #expect(try await harness.outstanding(of: user) == 6000)

            // The decline is the first answer: a replay is declined again even after room was made.
            #expect(try await harness.refund("a").status == .ok)
            let replay = try await harness.charge(request)
            #expect(replay.status == HTTPResponse.Status(code: 402))
            #expect(try replay.decode(PaymentDeclinedProblem.self).payment == payment)
            let fresh = try await harness.charge(
                ChargeRequest(paymentId: "c", orderId: UUID(), userId: user, amountCents: 5000))
            #expect(fresh.status == .created)
            #expect(try await harness.outstanding(of: user) == 5000)
            // Exactly at the limit is still allowed; one cent more is not.
            #expect(
                try await harness.charge(
                    ChargeRequest(paymentId: "d", orderId: UUID(), userId: user, amountCents: 5000)
                ).status == .created)
            #expect(
                try await harness.charge(ChargeRequest(paymentId: "e", orderId: UUID(), userId: user, amountCents: 1))
                    .status.code == 402)
        }
    }

    @Test func refundsAreIdempotentAndLeaveDeclinesAlone() async throws {
        try await PaymentsHarness.run(limitCents: 1000) { [user, order] harness in
            _ = try await harness.charge(ChargeRequest(paymentId: "r1", orderId: order, userId: user, amountCents: 700))
            for _ in 0..<2 {
                let response = try await harness.refund("r1")
                #expect(response.status == .ok)
                let payment = try response.decode(PaymentDTO.self)
                #expect(payment.status == .refunded && payment.amountCents == 700)
                #expect(try await harness.outstanding(of: user) == 0)
            }
            let declined = try await harness.charge(
                ChargeRequest(paymentId: "r2", orderId: order, userId: user, amountCents: 5000))
            #expect(declined.status.code == 402)
            #expect(try declined.decode(PaymentDeclinedProblem.self).payment.status == .declined)
            let refund = try await harness.refund("r2")
            #expect(refund.status == .ok)
            #expect(try refund.decode(PaymentDTO.self).status == .declined)
            #expect(try await harness.outstanding(of: user) == 0)
        }
    }

    @Test func aRefundBeforeTheChargeLeavesATombstone() async throws {
        try await PaymentsHarness.run { [user, order] harness in
            let refund = try await harness.refund("late-1")
            #expect(refund.status == .ok)
            let tombstone = try refund.decode(PaymentTombstone.self)
            #expect(tombstone.paymentId == "late-1" && tombstone.status == .refunded)
            #expect(try await harness.refund("late-1").decode(PaymentTombstone.self) == tombstone)
            let late = try await harness.charge(
                ChargeRequest(paymentId: "late-1", orderId: order, userId: user, amountCents: 100))
            #expect(late.status == .conflict)
            #expect(
                try late.problem().detail == "payment late-1 was refunded before it was charged; use a new payment id")
            #expect(try await harness.outstanding(of: user) == nil)
        }
    }

    @Test func invalidChargesName400Fields() async throws {
        try await PaymentsHarness.run { [user, order] harness in
            let response = try await harness.charge(
                ChargeRequest(paymentId: "bad id", orderId: order, userId: user, amountCents: 0, currency: "EURO"))
            #expect(response.status == .badRequest)
            #expect(try response.problem().errors?.map(\.field) == ["paymentId", "amountCents", "currency"])
            let notAnId = try await harness.api.post(
                "/internal/payments/charge",
                json: #"{"paymentId": "p", "orderId": "x", "userId": "\#(user)", "amountCents": 1, "currency": "EUR"}"#)
            #expect(notAnId.status == .badRequest)
            #expect(try notAnId.problem().errors?.first?.field == "orderId")
            #expect(try await harness.refund("bad%20id").status == .notFound)
        }
    }

    /// Many charges for one user at once never take them over the limit together.
    @Test(arguments: TestDatabases.engines)
    func concurrentChargesRespectTheLimit(_ engine: DatabaseEngine) async throws {
        try await PaymentsHarness.run(on: engine, limitCents: 10_000) { [user] harness in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await harness.charge(
                            ChargeRequest(paymentId: "race-\(index)", orderId: UUID(), userId: user, amountCents: 1000)
                        ).status.code
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 201 }.count == 10)
            #expect(statuses.filter { $0 == 402 }.count == 30)
            #expect(try await harness.outstanding(of: user) == 10_000)
        }
    }

    @Test func theLimitMustBeAnAmount() async throws {
        var configuration = ServiceConfiguration.testing(service: "payments")
        configuration.processEnvironment["PAYMENT_LIMIT_CENTS"] = "lots"
        await #expect(throws: ConfigurationError.self) {
            _ = try await PaymentsApplication.assemble(configuration: configuration)
        }
        #expect(PaymentPolicy.defaultLimitCents == 100_000)
    }
}
