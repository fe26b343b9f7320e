import FlotillaSaga
import FlotillaServiceKit
import FlotillaStore
import Foundation

/// The orders service: orders kept as event streams, placed through the place-order saga.
public enum OrdersApplication {
    /// Builds the service on a host; the executable runs it, tests drive it in-process.
    /// `ORDERS_WAIT_MS` (default 5000) bounds how long `POST /orders` waits for the saga's outcome.
    public static func build(configuration: ServiceConfiguration) async throws -> ServiceHost {
        let host = ServiceHost(configuration: configuration)
        let timeouts = try PlaceOrderSaga.timeouts(from: configuration.spec)
        let wait = try waitForOutcome(configuration)
        let database = try await host.openDatabase(named: "orders", migrations: OrdersMigrations.all)
        let store = OrderStore(database: database)
        try await OrphanOrders.cancel(in: store, host: host)
        let saga = PlaceOrderSaga(client: host.client, store: store, host: host, timeouts: timeouts)
        let placeOrder = try host.addSaga(saga.definition(), database: database, configuration: sagaSettings(database))
        OrderRoutes(store: store, placeOrder: placeOrder, waitForOutcome: wait).register(on: host.routes)
        return host
    }

    /// SQLite belongs to one instance, so start-up recovers every unfinished saga at once. On
    /// PostgreSQL several instances share the sagas: one is taken over only after 15 s without
    /// progress (its instance is presumed dead); a wrong guess is safe, since the optimistic version
    /// lets only one driver persist and every call is idempotent.
    private static func sagaSettings(_ database: Database) -> SagaConfiguration {
        database.engine == .sqlite
            ? SagaConfiguration(maxConcurrent: 64, staleAfter: .zero, sweepInterval: .seconds(30))
            : SagaConfiguration(maxConcurrent: 64, staleAfter: .seconds(15), sweepInterval: .seconds(5))
    }

    private static func waitForOutcome(_ configuration: ServiceConfiguration) throws(ConfigurationError) -> Duration {
        guard let text = configuration.value(of: "ORDERS_WAIT_MS") else { return .seconds(5) }
        guard let milliseconds = Int(text), (0...60_000).contains(milliseconds) else {
            throw ConfigurationError(
                setting: "ORDERS_WAIT_MS", problem: "'\(text)' is not a number of milliseconds",
                fix: "use a whole number between 0 and 60000")
        }
        return .milliseconds(milliseconds)
    }
}
