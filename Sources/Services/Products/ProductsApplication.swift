import FlotillaServiceKit
import FlotillaStore

/// The products service: the catalogue, and the inventory reservations the orders saga makes,
/// releases and commits.
public enum ProductsApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        try await assemble(configuration: configuration).host
    }

    /// The host with its routes, and the database it opened (tests close it themselves, since they
    /// never run the host's background services).
    static func assemble(configuration: ServiceConfiguration) async throws -> (host: ServiceHost, database: Database) {
        let host = ServiceHost(configuration: configuration)
        let database = try await host.openDatabase(named: "products", migrations: ProductsMigrations.all)
        CatalogueRoutes(database: database).register(on: host.routes)
        CatalogueAdminRoutes(database: database).register(on: host.routes)
        ReservationRoutes(inventory: Inventory(database: database)).register(on: host.routes)
        return (host, database)
    }
}
