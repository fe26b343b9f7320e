import FlotillaContracts
import FlotillaServiceKit
import Foundation
import SQLKit
import ShopTestSupport
import Testing

@testable import ShopUsers

/// Registration and login.
@Suite("Auth")
struct AuthTests {
    @Test func registrationAnswersAVerifiableToken() async throws {
        try await UsersHarness.run { harness in
            let response = try await harness.api.post(
                "/auth/register", RegisterRequest(email: "  Ada@Example.COM ", password: "correct horse", name: " Ada ")
            )
            #expect(response.status == .created)
            let answer = try response.decode(TokenResponse.self)
            #expect(answer.tokenType == "Bearer" && answer.expiresIn == 3600)
            #expect(answer.user.email == "ada@example.com" && answer.user.name == "Ada")
            let tokens = await AccessTokens(settings: try AccessTokenSettings(signingKey: UsersHarness.signingKey))
            let claims = try await tokens.verify(answer.accessToken)
            #expect(claims.sub.value == answer.user.id.uuidString.lowercased())
            #expect(claims.email == "ada@example.com")
            #expect(!String(buffer: response.body).contains("password"))
        }
    }

    @Test func registrationPublishesUserCreatedWithTheUser() async throws {
        try await UsersHarness.run { harness in
            let answer = try await harness.register(email: "grace@example.com", name: "Grace")
            let rows = try await harness.database.sql.raw(
                "SELECT aggregate_id, type, payload FROM flotilla_outbox"
            ).all()
            #expect(rows.count == 1)
            let row = try #require(rows.first)
            #expect(try row.decode(column: "type", as: String.self) == "user.created")
            #expect(try row.decode(column: "aggregate_id", as: String.self) == answer.user.id.uuidString.lowercased())
            let payload = try row.decode(column: "payload", as: String.self)
            let event = try ContractCoding.decoder().decode(UserCreated.self, from: Data(payload.utf8))
            #expect(event == UserCreated(userId: answer.user.id, email: "grace@example.com", name: "Grace"))
        }
    }

    @Test func duplicateAddressesAre409WhateverTheirCase() async throws {
        try await UsersHarness.run { harness in
            _ = try await harness.register(email: "linus@example.com")
            let again = try await harness.api.post(
                "/auth/register", RegisterRequest(email: "LINUS@example.com", password: "another one", name: "L"))
            #expect(again.status == .conflict)
            #expect(try again.problem().detail == "an account with this e-mail address already exists")
            let events = try await harness.database.sql.raw("SELECT COUNT(*) AS n FROM flotilla_outbox")
                .first(decodingColumn: "n", as: Int.self)
            #expect(events == 1)
        }
    }

    @Test func invalidRegistrationsName400Fields() async throws {
        try await UsersHarness.run { harness in
            let response = try await harness.api.post(
                "/auth/register", RegisterRequest(email: "not-an-address", password: "short", name: ""))
            #expect(response.status == .badRequest)
            #expect(try response.problem().errors?.map(\.field) == ["email", "name", "password"])
            let long = try await harness.api.post(
                "/auth/register",
                RegisterRequest(
                    email: "a@example.com", password: String(repeating: "p", count: 129),
                    name: String(repeating: "n", count: 101)))
            #expect(try long.problem().errors?.map(\.field) == ["name", "password"])
            let missing = try await harness.api.post("/auth/register", json: #"{"email": "a@example.com"}"#)
            #expect(missing.status == .badRequest)
            #expect(try missing.problem().errors?.first?.field == "password")
        }
    }

    @Test func loginAcceptsTheRightPasswordOnly() async throws {
        try await UsersHarness.run { harness in
            let registered = try await harness.register(email: "ken@example.com", password: "unix forever")
            let response = try await harness.api.post(
                "/auth/login", LoginRequest(email: "KEN@example.com", password: "unix forever"))
            #expect(response.status == .ok)
            let answer = try response.decode(TokenResponse.self)
            #expect(answer.user == registered.user && !answer.accessToken.isEmpty)

            let wrong = try await harness.api.post(
                "/auth/login", LoginRequest(email: "ken@example.com", password: "unix forever!"))
            let unknown = try await harness.api.post(
                "/auth/login", LoginRequest(email: "nobody@example.com", password: "unix forever"))
            #expect(wrong.status == .unauthorized && unknown.status == .unauthorized)
            // The same words either way, so an answer does not tell whether the account exists.
            #expect(try wrong.problem().detail == AuthRoutes.loginRefused)
            #expect(try unknown.problem().detail == AuthRoutes.loginRefused)
        }
    }

    @Test func passwordsAreStoredAsSaltedScryptHashes() async throws {
        try await UsersHarness.run { harness in
            _ = try await harness.register(email: "one@example.com", password: "same password")
            _ = try await harness.register(email: "two@example.com", password: "same password")
            let first = try #require(try await harness.storedHash(of: "one@example.com"))
            let second = try #require(try await harness.storedHash(of: "two@example.com"))
            #expect(first.hasPrefix("$scrypt$ln=14,r=8,p=1$"))
            #expect(!first.contains("same password"))
            #expect(first != second)
            let parsed = try #require(PasswordHash(encoded: first))
            #expect(parsed.salt.count == 16 && parsed.key.count == 32)
        }
    }

    /// Raising the cost takes effect for old accounts at their next login.
    @Test func aRaisedCostRehashesAtTheNextLogin() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("users-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await UsersHarness.run(UsersHarness.configuration(folder: folder, scryptLogN: 14), removeFolder: false) {
            _ = try await $0.register(email: "old@example.com", password: "old password")
        }
        try await UsersHarness.run(UsersHarness.configuration(folder: folder, scryptLogN: 15), removeFolder: false) {
            harness in
            #expect(try await harness.storedHash(of: "old@example.com")?.hasPrefix("$scrypt$ln=14,") == true)
            let login = try await harness.api.post(
                "/auth/login", LoginRequest(email: "old@example.com", password: "old password"))
            #expect(login.status == .ok)
            #expect(try await harness.storedHash(of: "old@example.com")?.hasPrefix("$scrypt$ln=15,") == true)
            let again = try await harness.api.post(
                "/auth/login", LoginRequest(email: "old@example.com", password: "old password"))
            #expect(again.status == .ok)
        }
    }

    @Test func startUpNeedsASigningKeyAndASaneCost() async throws {
        var noKey = UsersHarness.configuration()
        noKey.processEnvironment["JWT_SIGNING_KEY"] = nil
        await #expect(throws: ConfigurationError.self) { _ = try await UsersApplication.assemble(configuration: noKey) }
        let weak = UsersHarness.configuration(scryptLogN: 8)
        await #expect(throws: ConfigurationError.self) { _ = try await UsersApplication.assemble(configuration: weak) }
    }
}
