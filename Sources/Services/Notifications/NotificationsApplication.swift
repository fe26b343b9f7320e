import FlotillaServiceKit
import FlotillaStore

/// The notifications service: one notification per `user.created`, `order.confirmed` and
/// `order.cancelled` event (each processed once, however often it is delivered), and each user's
/// own notifications.
public enum NotificationsApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        try await assemble(configuration: configuration).host
    }

    /// The host with its routes, and the database it opened (tests close it themselves, since they
    /// never run the host's background services).
    static func assemble(configuration: ServiceConfiguration) async throws -> (host: ServiceHost, database: Database) {
        let host = ServiceHost(configuration: configuration)
        let database = try await host.openDatabase(named: "notifications", migrations: NotificationsMigrations.all)
        NotificationSubscriptions(host: host, database: database).register()
        NotificationRoutes(database: database).register(on: host.routes)
        return (host, database)
    }
}
