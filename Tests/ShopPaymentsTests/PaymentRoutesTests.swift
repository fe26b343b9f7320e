import FlotillaContracts
import Foundation
import ShopTestSupport
import Testing

/// `GET /payments` and `GET /payments/{id}`: a user's own payments.
@Suite("A user's payments")
struct PaymentRoutesTests {
    @Test func listsTheCallersPaymentsNewestFirst() async throws {
        try await PaymentsHarness.run { harness in
            let ada = UUID()
            let grace = UUID()
            var charged: [PaymentDTO] = []
            for index in 0..<3 {
                let response = try await harness.charge(
                    ChargeRequest(paymentId: "ada-\(index)", orderId: UUID(), userId: ada, amountCents: 100 + index))
                charged.append(try response.decode(PaymentDTO.self))
            }
            _ = try await harness.charge(
                ChargeRequest(paymentId: "grace-0", orderId: UUID(), userId: grace, amountCents: 1))
            _ = try await harness.refund("tombstone")

            let response = try await harness.api.get("/payments", as: ada)
            #expect(response.status == .ok)
            let page = try response.decode(Page<PaymentDTO>.self)
            #expect(page.total == 3 && page.limit == 20 && page.offset == 0)
            #expect(Set(page.items) == Set(charged))
            let times = page.items.map(\.createdAt)
            #expect(times == times.sorted(by: >))
            let second = try await harness.api.get("/payments?limit=1&offset=1", as: ada).decode(Page<PaymentDTO>.self)
            #expect(second.items == [page.items[1]] && second.total == 3)
            #expect(try await harness.api.get("/payments?limit=500", as: ada).status == .badRequest)
            #expect(try await harness.api.get("/payments").status == .unauthorized)
        }
    }

    @Test func readsOwnPaymentsOnly() async throws {
        try await PaymentsHarness.run { harness in
            let ada = UUID()
            let payment = try await harness.charge(
                ChargeRequest(paymentId: "mine", orderId: UUID(), userId: ada, amountCents: 42)
            ).decode(PaymentDTO.self)
            let own = try await harness.api.get("/payments/mine", as: ada)
            #expect(own.status == .ok)
            #expect(try own.decode(PaymentDTO.self) == payment)
            #expect(try await harness.api.get("/payments/mine", as: UUID()).status == .forbidden)
            #expect(try await harness.api.get("/payments/mine").status == .unauthorized)
            #expect(try await harness.api.get("/payments/unknown", as: ada).status == .notFound)
            _ = try await harness.refund("gone")
            #expect(try await harness.api.get("/payments/gone", as: ada).status == .notFound)
        }
    }
}
