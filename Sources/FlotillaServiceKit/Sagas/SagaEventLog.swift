import FlotillaContracts
import FlotillaSaga
import Logging

/// What of a saga's events reaches the status page's recent events and the log: sagas that were
/// compensated (warning), failed and need an operator (error), or were abandoned; completions and
/// retries only at debug level in the log.
enum SagaEventLog {
    static func record(_ event: SagaEvent, in events: EventLog, logger: Logger) {
        switch event {
        case .finished(let saga, let id, .completed, _):
            logger.debug("saga completed", metadata: ["saga": "\(saga)", "saga_id": "\(id)"])
        case .finished(let saga, let id, .compensated, let reason):
            events.record(.warning, kind: "saga", "saga \(saga) \(id) compensated: \(reason ?? "")")
            logger.notice(
                "saga compensated", metadata: ["saga": "\(saga)", "saga_id": "\(id)", "reason": "\(reason ?? "")"])
        case .finished(let saga, let id, _, let reason):
            events.record(.error, kind: "saga", "saga \(saga) \(id) failed, needs an operator: \(reason ?? "")")
            logger.error("saga failed", metadata: ["saga": "\(saga)", "saga_id": "\(id)", "reason": "\(reason ?? "")"])
        case .abandoned(let saga, let id, let reason):
            events.record(.warning, kind: "saga", "saga \(saga) \(id) left for recovery: \(reason)")
            logger.warning("saga abandoned", metadata: ["saga": "\(saga)", "saga_id": "\(id)", "reason": "\(reason)"])
        case .recoveryFailed(let saga, let error):
            logger.warning("saga recovery sweep failed", metadata: ["saga": "\(saga)", "error": "\(error)"])
        case .recovered(let saga, let id, let phase, let move):
            logger.info(
                "saga recovered",
                metadata: ["saga": "\(saga)", "saga_id": "\(id)", "phase": "\(phase.rawValue)", "move": "\(move)"])
        case .retrying(let saga, let id, let call, let attempt, _, let error):
            logger.debug(
                "saga call retrying",
                metadata: [
                    "saga": "\(saga)", "saga_id": "\(id)", "call": "\(call)", "attempt": "\(attempt)",
                    "error": "\(error)",
                ])
        case .submitted, .callFinished: return
        }
    }
}
