import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import Hummingbird

/// `POST /auth/register` and `POST /auth/login`: both answer a ``TokenResponse``.
struct AuthRoutes: Sendable {
    let host: ServiceHost
    let database: Database
    let tokens: AccessTokens
    let hasher: PasswordHasher

    /// The one answer to every failed login, so it does not tell whether the account exists.
    static let loginRefused = "the e-mail address or the password is wrong"

    func register(on routes: ServiceRoutes) {
        routes.post("/auth/register") { request, context in try await register(request, context) }
        routes.post("/auth/login") { request, context in try await login(request, context) }
    }

    /// Creates an account and publishes `user.created` in the same transaction; 409 when the
    /// e-mail address is taken.
    private func register(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let body = try await request.decode(as: RegisterRequest.self, context: context)
        var input = InvalidInput()
        let email = UserRules.email(body.email, into: &input)
        let name = UserRules.name(body.name, into: &input)
        UserRules.password(body.password, into: &input)
        try input.check()
        let passwordHash = try await hasher.hash(body.password)
        let now = Date.nowInMilliseconds.epochMilliseconds
        let user = UserRow(
            id: UUID(), email: email, name: name, passwordHash: passwordHash, createdAt: now, updatedAt: now)
        let created = try await database.transaction { transaction in
            guard try await UserRecords(sql: transaction.sql).insert(user) else { return false }
            try await host.publish(
                "user.created", aggregateID: user.id.storageKey,
                data: UserCreated(userId: user.id, email: user.email, name: user.name), in: transaction)
            return true
        }
        guard created else { throw ProblemError(.conflict, "an account with this e-mail address already exists") }
        return JSONResponse.make(try await tokenResponse(for: user), status: .created)
    }

    /// Checks the password (against a decoy hash when the address is unknown, so both take as
    /// long); upgrades a hash made under weaker parameters.
    private func login(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let body = try await request.decode(as: LoginRequest.self, context: context)
        let records = UserRecords(sql: database.sql)
        let user = try await records.find(email: UserRules.normalizedEmail(body.email))
        let verdict = try await hasher.verify(body.password, against: user?.passwordHash)
        guard let user, case .correct(let needsRehash) = verdict else {
            throw ProblemError(.unauthorized, Self.loginRefused)
        }
        if needsRehash {
            let upgraded = try await hasher.hash(body.password)
            try await records.replacePasswordHash(
                of: user.id, user.passwordHash, with: upgraded, at: Date.nowInMilliseconds.epochMilliseconds)
        }
        return JSONResponse.make(try await tokenResponse(for: user))
    }

    private func tokenResponse(for user: UserRow) async throws -> TokenResponse {
        let token = try await tokens.issue(userID: user.id.storageKey, email: user.email)
        return TokenResponse(
            accessToken: token, expiresIn: Int(tokens.settings.lifetime.components.seconds), user: user.dto)
    }
}
