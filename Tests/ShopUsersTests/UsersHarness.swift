import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import HummingbirdTesting
import SQLKit
import ShopTestSupport

@testable import ShopUsers

/// A users service in-process on its own SQLite folder, with a client for its public port; the
/// database is closed and the folder removed afterwards.
struct UsersHarness: Sendable {
    let api: APIClient
    let database: Database

    static let signingKey = "users-tests-signing-key-0123456789abcdef"

    /// A configuration with a signing key and the cheapest allowed scrypt cost (tests only).
    static func configuration(folder: String? = nil, scryptLogN: Int = 14) -> ServiceConfiguration {
        var configuration = ServiceConfiguration.testing(service: "users")
        if let folder { configuration.dataDirectory = folder }
        configuration.processEnvironment = [
            "JWT_SIGNING_KEY": signingKey, "PASSWORD_SCRYPT_LOG_N": String(scryptLogN),
        ]
        return configuration
    }

    static func run<R: Sendable>(
        _ configuration: ServiceConfiguration = configuration(), removeFolder: Bool = true,
        _ body: @Sendable (UsersHarness) async throws -> R
    ) async throws -> R {
        defer { if removeFolder { try? FileManager.default.removeItem(atPath: configuration.dataDirectory) } }
        let (host, database) = try await UsersApplication.assemble(configuration: configuration)
        do {
            let result = try await host.publicApplication().test(.router) { client in
                try await body(UsersHarness(api: APIClient(client: client), database: database))
            }
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Registers a user and returns the answer.
    func register(
        email: String = "user-\(UUID().uuidString.prefix(8))@example.com", password: String = "correct horse",
        name: String = "Ada"
    ) async throws -> TokenResponse {
        let response = try await api.post(
            "/auth/register", RegisterRequest(email: email, password: password, name: name))
        guard response.status == .created else { throw UnexpectedStatus(response: response) }
        return try response.decode(TokenResponse.self)
    }

    /// The stored password hash of `email`.
    func storedHash(of email: String) async throws -> String? {
        try await database.sql.raw("SELECT password_hash FROM users WHERE email = \(bind: email)")
            .first(decodingColumn: "password_hash", as: String.self)
    }
}

/// A call answered with a status the test did not expect.
struct UnexpectedStatus: Error, CustomStringConvertible {
    let response: TestResponse
    var description: String { "unexpected \(response.status): \(String(buffer: response.body))" }
}
