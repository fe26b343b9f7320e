import FlotillaContracts
import Foundation
import ShopTestSupport
import Testing

/// `/users`: a user reads, changes and deletes only their own record.
@Suite("Users")
struct UserRoutesTests {
    @Test func everyRouteNeedsTheGatewaysUser() async throws {
        try await UsersHarness.run { harness async throws in
            let id = UUID()
            #expect(try await harness.api.get("/users").status == .unauthorized)
            #expect(try await harness.api.get("/users/\(id)").status == .unauthorized)
            #expect(try await harness.api.patch("/users/\(id)", UpdateUserRequest(name: "X")).status == .unauthorized)
            #expect(try await harness.api.delete("/users/\(id)").status == .unauthorized)
        }
    }

    @Test func listShowsOnlyTheCaller() async throws {
        try await UsersHarness.run { harness in
            let ada = try await harness.register(name: "Ada")
            _ = try await harness.register(name: "Grace")
            let response = try await harness.api.get("/users", as: ada.user.id)
            #expect(response.status == .ok)
            #expect(try response.decode(Page<UserDTO>.self) == Page(items: [ada.user], total: 1, limit: 20, offset: 0))
            let skipped = try await harness.api.get("/users?limit=5&offset=1", as: ada.user.id)
            #expect(try skipped.decode(Page<UserDTO>.self) == Page(items: [], total: 1, limit: 5, offset: 1))
            for query in ["limit=0", "limit=101", "offset=-1"] {
                let bad = try await harness.api.get("/users?\(query)", as: ada.user.id)
                #expect(bad.status == .badRequest)
                #expect(try bad.problem().errors?.map(\.field) == [String(query.prefix { $0 != "=" })])
            }
        }
    }

    @Test func readsOwnRecordOnly() async throws {
        try await UsersHarness.run { harness in
            let ada = try await harness.register()
            let grace = try await harness.register()
            let own = try await harness.api.get("/users/\(ada.user.id)", as: ada.user.id)
            #expect(own.status == .ok)
            #expect(try own.decode(UserDTO.self) == ada.user)
            #expect(try await harness.api.get("/users/\(grace.user.id)", as: ada.user.id).status == .forbidden)
            #expect(try await harness.api.get("/users/\(UUID())", as: ada.user.id).status == .forbidden)
            #expect(try await harness.api.get("/users/someone", as: ada.user.id).status == .notFound)
        }
    }

    @Test func updatesNameAndAddress() async throws {
        try await UsersHarness.run { harness in
            let ada = try await harness.register(email: "ada@example.com", name: "Ada")
            let response = try await harness.api.patch(
                "/users/\(ada.user.id)", UpdateUserRequest(name: "Ada Lovelace", email: "ADA.L@Example.com"),
                as: ada.user.id)
            #expect(response.status == .ok)
            let updated = try response.decode(UserDTO.self)
            #expect(updated.name == "Ada Lovelace" && updated.email == "ada.l@example.com")
            #expect(updated.id == ada.user.id && updated.createdAt == ada.user.createdAt)
            #expect(try await harness.api.get("/users/\(ada.user.id)", as: ada.user.id).decode(UserDTO.self) == updated)
            let login = try await harness.api.post(
                "/auth/login", LoginRequest(email: "ada.l@example.com", password: "correct horse"))
            #expect(login.status == .ok)
            let nameOnly = try await harness.api.patch(
                "/users/\(ada.user.id)", UpdateUserRequest(name: "Countess"), as: ada.user.id)
            #expect(try nameOnly.decode(UserDTO.self).email == "ada.l@example.com")
        }
    }

    @Test func updatesAreValidatedAndCannotTakeAnotherUsersAddress() async throws {
        try await UsersHarness.run { harness in
            let ada = try await harness.register(email: "ada@example.com")
            let grace = try await harness.register(email: "grace@example.com")
            let taken = try await harness.api.patch(
                "/users/\(ada.user.id)", UpdateUserRequest(email: "Grace@example.com"), as: ada.user.id)
            #expect(taken.status == .conflict)
            let invalid = try await harness.api.patch(
                "/users/\(ada.user.id)", UpdateUserRequest(name: "", email: "nope"), as: ada.user.id)
            #expect(invalid.status == .badRequest)
            #expect(try invalid.problem().errors?.map(\.field) == ["email", "name"])
            let other = try await harness.api.patch(
                "/users/\(grace.user.id)", UpdateUserRequest(name: "Hacked"), as: ada.user.id)
            #expect(other.status == .forbidden)
            #expect(
                try await harness.api.get("/users/\(grace.user.id)", as: grace.user.id).decode(UserDTO.self)
                    == grace.user)
            let same = try await harness.api.patch(
                "/users/\(ada.user.id)", UpdateUserRequest(email: "ada@example.com"), as: ada.user.id)
            #expect(same.status == .ok)
        }
    }

    @Test func deletesOwnAccountOnly() async throws {
        try await UsersHarness.run { harness in
            let ada = try await harness.register(email: "ada@example.com", password: "correct horse")
            let grace = try await harness.register()
            #expect(try await harness.api.delete("/users/\(grace.user.id)", as: ada.user.id).status == .forbidden)
            #expect(try await harness.api.delete("/users/\(ada.user.id)", as: ada.user.id).status == .noContent)
            #expect(try await harness.api.get("/users/\(ada.user.id)", as: ada.user.id).status == .notFound)
            #expect(try await harness.api.delete("/users/\(ada.user.id)", as: ada.user.id).status == .notFound)
            let login = try await harness.api.post(
                "/auth/login", LoginRequest(email: "ada@example.com", password: "correct horse"))
            #expect(login.status == .unauthorized)
            #expect(try await harness.api.get("/users/\(grace.user.id)", as: grace.user.id).status == .ok)
        }
    }
}
