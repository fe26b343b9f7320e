import FlotillaServiceKit
import FlotillaStore

/// The payments service: charges and refunds for the orders saga, and each user's own payments.
public enum PaymentsApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        try await assemble(configuration: configuration).host
    }

    /// The host with its routes, and the database it opened (tests close it themselves, since they
    /// never run the host's background services).
    static func assemble(configuration: ServiceConfiguration) async throws -> (host: ServiceHost, database: Database) {
        let policy = try PaymentPolicy(configuration: configuration)
        let host = ServiceHost(configuration: configuration)
        let database = try await host.openDatabase(named: "payments", migrations: PaymentsMigrations.all)
        ChargeRoutes(ledger: Ledger(database: database, policy: policy)).register(on: host.routes)
        PaymentRoutes(database: database).register(on: host.routes)
        return (host, database)
    }
}
