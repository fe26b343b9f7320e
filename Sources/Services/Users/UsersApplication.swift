import FlotillaServiceKit
import FlotillaStore

/// The users service: registration and login (issuing access tokens), and each user's own record.
public enum UsersApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        try await assemble(configuration: configuration).host
    }

    /// The host with its routes, and the database it opened (tests close it themselves, since they
    /// never run the host's background services).
    static func assemble(configuration: ServiceConfiguration) async throws -> (host: ServiceHost, database: Database) {
        let settings = try AccessTokenSettings(configuration: configuration)
        let hasher = try await PasswordHasher(configuration: configuration)
        let host = ServiceHost(configuration: configuration)
        let database = try await host.openDatabase(named: "users", migrations: UsersMigrations.all)
        let tokens = await AccessTokens(settings: settings)
        AuthRoutes(host: host, database: database, tokens: tokens, hasher: hasher).register(on: host.routes)
        UserRoutes(database: database).register(on: host.routes)
        return (host, database)
    }
}
