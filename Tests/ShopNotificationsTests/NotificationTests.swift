import FlotillaContracts
import Foundation
import ShopTestSupport
import Testing

@testable import ShopNotifications

/// One notification per consumed event, whatever the number of deliveries.
@Suite("Notifications")
struct NotificationTests {
    @Test func aNewUserIsWelcomed() async throws {
        try await NotificationsHarness.run { harness in
            let user = UUID()
            let event = envelope(
                "user.created", UserCreated(userId: user, email: "ada@example.com", name: "Ada"), aggregate: user)
            let response = try await harness.deliver(event)
            #expect(response.status == .ok)
            let page = try await harness.notifications(of: user)
            #expect(page.total == 1)
            let notification = try #require(page.items.first)
            #expect(notification.kind == "user.created" && notification.eventId == event.id)
            #expect(notification.userId == user && notification.createdAt == event.occurredAt)
            #expect(notification.message == "Welcome to the shop, Ada! Your account ada@example.com is ready.")
        }
    }

    @Test func aDuplicateDeliveryMakesOneNotification() async throws {
        try await NotificationsHarness.run { harness in
            let user = UUID()
            let order = try #require(UUID(uuidString: "1234ABCD-0000-4000-8000-000000000001"))
            let event = envelope(
                "order.confirmed", OrderOutcome(orderId: order, userId: user, totalCents: 1234, reason: nil),
                aggregate: order)
            let first = try await harness.deliver(event)
            let second = try await harness.deliver(event)
            #expect(first.status == .ok && second.status == .ok)
            #expect(String(buffer: first.body).contains(#""duplicate":false"#))
            #expect(String(buffer: second.body).contains(#""duplicate":true"#))
            let page = try await harness.notifications(of: user)
            #expect(page.total == 1 && page.items.count == 1)
            #expect(page.items.first?.message == "Your order 1234abcd\u{2026} was confirmed (total \u{20AC}12.34)")
        }
    }

    @Test func cancelledOrdersSayWhy() async throws {
        try await NotificationsHarness.run { harness in
            let user = UUID()
            let order = UUID()
            let outcome = OrderOutcome(orderId: order, userId: user, totalCents: 905, reason: "payment declined")
            #expect(try await harness.deliver(envelope("order.cancelled", outcome, aggregate: order)).status == .ok)
            let message = try #require(try await harness.notifications(of: user).items.first?.message)
            let short = order.uuidString.lowercased().prefix(8)
            #expect(message == "Your order \(short)\u{2026} was cancelled: payment declined (total \u{20AC}9.05)")
        }
    }

    @Test func listsNewestFirstForTheCallerOnly() async throws {
        try await NotificationsHarness.run { harness in
            let user = UUID()
            let start = Date(timeIntervalSince1970: 1_767_225_600)
            var events: [UUID] = []
            for minute in 0..<3 {
                let order = UUID()
                let event = envelope(
                    "order.confirmed", OrderOutcome(orderId: order, userId: user, totalCents: 100, reason: nil),
                    aggregate: order, occurredAt: start.addingTimeInterval(Double(minute) * 60))
                events.append(event.id)
                #expect(try await harness.deliver(event).status == .ok)
            }
            let page = try await harness.notifications(of: user)
            #expect(page.total == 3 && page.items.map(\.eventId) == events.reversed())
            let second = try await harness.notifications(of: user, query: "?limit=1&offset=1")
            #expect(second.items.map(\.eventId) == [events[1]] && second.total == 3 && second.limit == 1)
            #expect(try await harness.notifications(of: UUID()).total == 0)
            #expect(try await harness.api.get("/notifications").status == .unauthorized)
            #expect(try await harness.api.get("/notifications?limit=0", as: user).status == .badRequest)
        }
    }

    @Test func malformedAndUnknownEventsAreRefused() async throws {
        try await NotificationsHarness.run { harness in
            let wrongData = try await harness.api.post(
                "/_events",
                json: #"{"id": "\#(UUID())", "type": "order.confirmed", "source": "orders", "aggregateId": "x", "#
                    + #""sequence": 1, "occurredAt": "2026-01-01T00:00:00Z", "data": {"orderId": "nope"}}"#)
            #expect(wrongData.status == .badRequest)
            let unknown = try await harness.deliver(envelope("order.shipped", ["x": 1], aggregate: UUID()))
            #expect(unknown.status == .unprocessableContent)
        }
    }

    @Test func moneyAndIdsReadWell() throws {
        #expect(NotificationMessages.euros(5) == "\u{20AC}0.05")
        #expect(NotificationMessages.euros(1234) == "\u{20AC}12.34")
        #expect(NotificationMessages.euros(100_000) == "\u{20AC}1000.00")
        #expect(NotificationMessages.euros(-250) == "-\u{20AC}2.50")
        let id = try #require(UUID(uuidString: "ABCDEF12-3456-4789-8abc-def012345678"))
        #expect(NotificationMessages.shortID(id) == "abcdef12\u{2026}")
    }
}
