import FlotillaContracts
import FlotillaServiceKit
import FlotillaStore
import Foundation
import Hummingbird

/// `/users`: a signed-in user reads, changes and deletes their own record (403 for anyone else's).
struct UserRoutes: Sendable {
    let database: Database

    func register(on routes: ServiceRoutes) {
        routes.get("/users") { request, _ in try await list(request) }
        routes.get("/users/{id}") { request, context in try await read(request, context) }
        routes.patch("/users/{id}") { request, context in try await update(request, context) }
        routes.delete("/users/{id}") { request, context in try await delete(request, context) }
    }

    /// The users the caller may read (only themselves), as a page.
    private func list(_ request: Request) async throws -> Response {
        let caller = try request.callerID()
        let page = try request.pageRequest()
        return JSONResponse.make(try await UserRecords(sql: database.sql).page(readableBy: caller, page))
    }

    private func read(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try ownUserID(request, context)
        guard let user = try await UserRecords(sql: database.sql).find(id: id) else { throw Self.notFound(id) }
        return JSONResponse.make(user.dto)
    }

    /// Changes the name and/or e-mail address; 409 when the address belongs to someone else.
    private func update(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try ownUserID(request, context)
        let body = try await request.decode(as: UpdateUserRequest.self, context: context)
        var input = InvalidInput()
        let email = body.email.map { UserRules.email($0, into: &input) }
        let name = body.name.map { UserRules.name($0, into: &input) }
        try input.check()
        let records = UserRecords(sql: database.sql)
        do {
            if let email, let owner = try await records.find(email: email), owner.id != id { throw Self.emailTaken }
            let now = Date.nowInMilliseconds.epochMilliseconds
            guard let user = try await records.update(id, name: name, email: email, at: now) else {
                throw Self.notFound(id)
            }
            return JSONResponse.make(user.dto)
        } catch let error where !(error is ProblemError) {
            // Two users taking one address at once: the loser trips the unique index; say so.
            if let email, let owner = try await records.find(email: email), owner.id != id { throw Self.emailTaken }
            throw error
        }
    }

    private func delete(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        let id = try ownUserID(request, context)
        guard try await UserRecords(sql: database.sql).delete(id: id) else { throw Self.notFound(id) }
        return Response(status: .noContent)
    }

    /// The `{id}` of the path, which must be the caller's own: 401 without a caller, 404 for
    /// something that is not a user id, 403 for another user's.
    private func ownUserID(_ request: Request, _ context: ServiceRequestContext) throws(ProblemError) -> UUID {
        let caller = try request.callerID()
        let text = context.parameters.get("id") ?? ""
        guard let id = UUID(uuidString: text) else { throw ProblemError(.notFound, "no user '\(text)'") }
        guard id == caller else { throw ProblemError(.forbidden, "a user may only read or change their own account") }
        return id
    }

    private static let emailTaken = ProblemError(.conflict, "an account with this e-mail address already exists")

    private static func notFound(_ id: UUID) -> ProblemError { ProblemError(.notFound, "no user \(id.storageKey)") }
}
