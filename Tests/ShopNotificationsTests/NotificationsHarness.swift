import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import HummingbirdTesting
import ShopTestSupport

@testable import ShopNotifications

/// A notifications service in-process on its own SQLite folder, with a client for its public port
/// (where the outbox relays deliver events); the database is closed and the folder removed afterwards.
struct NotificationsHarness: Sendable {
    let api: APIClient

    static func run<R: Sendable>(_ body: @Sendable (NotificationsHarness) async throws -> R) async throws -> R {
        let configuration = ServiceConfiguration.testing(service: "notifications")
        defer { try? FileManager.default.removeItem(atPath: configuration.dataDirectory) }
        let (host, database) = try await NotificationsApplication.assemble(configuration: configuration)
        do {
            let result = try await host.publicApplication().test(.router) { client in
                try await body(NotificationsHarness(api: APIClient(client: client)))
            }
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Delivers `envelope` as a publisher's outbox relay does.
    func deliver<Payload>(_ envelope: EventEnvelope<Payload>) async throws -> TestResponse {
        let body = try ContractCoding.encoder().encode(envelope)
        return try await api.post("/_events", json: String(decoding: body, as: UTF8.self))
    }

    /// The user's notifications, newest first.
    func notifications(of user: UUID, query: String = "") async throws -> Page<NotificationDTO> {
        let response = try await api.get("/notifications\(query)", as: user)
        guard response.status == .ok else { throw UnexpectedStatus(response: response) }
        return try response.decode(Page<NotificationDTO>.self)
    }
}

/// An event as a publisher would send it.
func envelope<Payload>(
    _ type: String, _ data: Payload, aggregate: UUID, occurredAt: Date = Date(timeIntervalSince1970: 1_767_225_600)
) -> EventEnvelope<Payload> {
    EventEnvelope(
        id: UUID(), type: type, source: type.hasPrefix("user") ? "users" : "orders",
        aggregateId: aggregate.uuidString.lowercased(), sequence: 1, occurredAt: occurredAt, traceparent: nil,
        data: data)
}

/// A call answered with a status the test did not expect.
struct UnexpectedStatus: Error, CustomStringConvertible {
    let response: TestResponse
    var description: String { "unexpected \(response.status): \(String(buffer: response.body))" }
}
