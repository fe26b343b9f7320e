import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import FlotillaTesting
import Foundation
import HummingbirdTesting
import SQLKit
import ShopTestSupport

@testable import ShopPayments

/// A payments service in-process on a fresh database of `engine`, with a client for its public
/// port; the database is closed afterwards.
struct PaymentsHarness: Sendable {
    let api: APIClient
    let database: Database

    static func run<R: Sendable>(
        on engine: DatabaseEngine = .sqlite, limitCents: Int? = nil,
        _ body: @Sendable (PaymentsHarness) async throws -> R
    ) async throws -> R {
        try await TestDatabases.withFresh(engine) { fresh in
            var configuration = ServiceConfiguration.testing(service: "payments")
            configuration.databaseURL = fresh.url
            if let folder = fresh.dataDirectory { configuration.dataDirectory = folder }
            if let limitCents { configuration.processEnvironment["PAYMENT_LIMIT_CENTS"] = String(limitCents) }
            let (host, database) = try await PaymentsApplication.assemble(configuration: configuration)
            do {
                let result = try await host.publicApplication().test(.router) { client in
                    try await body(PaymentsHarness(api: APIClient(client: client), database: database))
                }
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }

    /// `POST /internal/payments/charge`.
    func charge(_ request: ChargeRequest) async throws -> TestResponse {
        try await api.post("/internal/payments/charge", request)
    }

    /// `POST /internal/payments/{id}/refund`.
    func refund(_ id: String) async throws -> TestResponse {
        try await api.post("/internal/payments/\(id)/refund", json: "")
    }

    /// The user's outstanding total as the limit sees it.
    func outstanding(of user: UUID) async throws -> Int? {
        try await database.sql.raw(
            "SELECT outstanding_cents FROM payment_accounts WHERE user_id = \(bind: user.uuidString.lowercased())"
        ).first(decodingColumn: "outstanding_cents", as: Int.self)
    }
}

/// A call answered with a status the test did not expect.
struct UnexpectedStatus: Error, CustomStringConvertible {
    let response: TestResponse
    var description: String { "unexpected \(response.status): \(String(buffer: response.body))" }
}
