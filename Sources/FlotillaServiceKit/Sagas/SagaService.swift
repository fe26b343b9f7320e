import FlotillaSaga
import ServiceLifecycle

/// Runs a saga orchestrator as background work of the service group: on graceful shutdown it stops
/// the orchestrator at a safe point (calls in progress finish and are persisted, nothing new starts),
/// and unfinished sagas are recovered at the next start.
struct SagaService<State: Codable & Sendable, C: Clock<Duration>>: Service {
    let orchestrator: SagaOrchestrator<State, C>

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await orchestrator.run()
        } onGracefulShutdown: {
            orchestrator.stop()
        }
    }
}
