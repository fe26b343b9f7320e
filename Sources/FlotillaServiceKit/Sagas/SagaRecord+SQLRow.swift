import FlotillaSaga
import Foundation
import SQLKit

extension SagaRecord {
    /// Decodes a `flotilla_sagas` row (without its steps).
    init(row: any SQLRow) throws {
        let state = try row.decode(column: "state", as: String.self)
        guard let phase = SagaPhase(rawValue: state) else { throw SagaRowError.unknownState(state) }
        self.init(
            id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self),
            phase: phase, currentStep: try row.decode(column: "current_step", as: Int.self),
            payload: try row.decode(column: "payload", as: String.self),
            version: try row.decode(column: "version", as: Int64.self),
            createdAt: Date(sagaMilliseconds: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(sagaMilliseconds: try row.decode(column: "updated_at", as: Int64.self)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(sagaMilliseconds:)),
            lastError: try row.decode(column: "last_error", as: String?.self), steps: [])
    }
}

extension SagaStepRecord {
    /// Decodes a `flotilla_saga_steps` row.
    init(row: any SQLRow) throws {
        let state = try row.decode(column: "state", as: String.self)
        guard let stepState = SagaStepState(rawValue: state) else { throw SagaRowError.unknownState(state) }
        self.init(
            index: try row.decode(column: "step_index", as: Int.self),
            name: try row.decode(column: "step_name", as: String.self), state: stepState,
            attempts: try row.decode(column: "attempts", as: Int.self),
            idempotencyKey: try row.decode(column: "idempotency_key", as: String.self),
            startedAt: try row.decode(column: "started_at", as: Int64?.self).map(Date.init(sagaMilliseconds:)),
            finishedAt: try row.decode(column: "finished_at", as: Int64?.self).map(Date.init(sagaMilliseconds:)),
            lastError: try row.decode(column: "last_error", as: String?.self))
    }
}

/// A saga row the code does not understand (written by a newer version).
enum SagaRowError: Error, CustomStringConvertible {
    case unknownState(String)

    var description: String {
        switch self {
        case .unknownState(let state): "saga table holds unknown state '\(state)': is a newer version writing it?"
        }
    }
}

extension Date {
    /// Milliseconds since the Unix epoch, as the kit's `*_at` columns store them.
    var sagaMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The date `milliseconds` after the Unix epoch.
    init(sagaMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(milliseconds) / 1000)
    }
}
