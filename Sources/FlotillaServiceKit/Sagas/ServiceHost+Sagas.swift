import FlotillaSaga
import FlotillaStore
import Foundation

extension ServiceHost {
    /// Creates the orchestrator of `definition` on the service's database and wires it in: it runs as
    /// background work (start-up recovery, then driving sagas; stopped at a safe point on shutdown), its
    /// summary is the status page's `sagas` section, and its events feed the metrics (see `SagaMetrics`)
    /// and the status page's recent events (compensated, failed, abandoned sagas).
    ///
    /// ```swift
    /// let database = try await host.openDatabase(named: "orders", migrations: OrdersMigrations.all)
    /// let placeOrder = try host.addSaga(PlaceOrderSaga.definition(client: host.client, database: database),
    ///                                   database: database)
    /// // in a route: try await placeOrder.submit(id: order.id, state: PlaceOrderState(order: order))
    /// ```
    /// One saga section per host: adding a second definition replaces the status section with the
    /// latest one (metrics and background work are per definition).
    public func addSaga<State: Codable & Sendable>(
        _ definition: SagaDefinition<State>, database: Database,
        configuration: SagaConfiguration = SagaConfiguration(staleAfter: .seconds(60), sweepInterval: .seconds(30))
    ) throws -> SagaOrchestrator<State, ContinuousClock> {
        let metrics = SagaMetrics(saga: definition.name)
        let events = self.events
        let logger = self.logger
        var configuration = configuration
        let forward = configuration.onEvent
        configuration.onEvent = { event in
            metrics.record(event)
            SagaEventLog.record(event, in: events, logger: logger)
            forward?(event)
        }
        let orchestrator = try SagaOrchestrator(
            definition: definition, store: SQLSagaStore(database: database), clock: ContinuousClock(),
            wallClock: { Date() }, configuration: configuration)
        addBackground(SagaService(orchestrator: orchestrator))
        status.provide { sections in
            sections.sagas = {
                do {
                    return try await orchestrator.summary()
                } catch {
                    logger.warning(
                        "saga status unavailable", metadata: ["saga": "\(definition.name)", "error": "\(error)"])
                    return nil
                }
            }
        }
        return orchestrator
    }
}
