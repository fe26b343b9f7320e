import FlotillaResilience
import Foundation

/// What a saga run needs from its orchestrator: where to persist, the clocks, jitter, the stop flag and
/// the event sink.
struct SagaEnvironment<C: Clock<Duration>>: Sendable {
    let store: any SagaStore
    /// Timeouts, backoff and durations.
    let clock: C
    /// Timestamps written to the store.
    let wallClock: @Sendable () -> Date
    let random: RandomSource
    let stop: StopSignal
    let emit: @Sendable (SagaEvent) -> Void
}

/// Why a saga run stopped before reaching a terminal phase.
enum SagaHalt: Error {
    /// Shutdown (or cancellation): the saga is left as persisted, for recovery.
    case stopped
    /// A write failed or lost a version race: another instance drives it, or the store is down.
    case abandoned(String)
}

/// JSON coding of saga state: sorted keys, so equal states are equal text.
enum SagaPayload {
    static func encode<State: Encodable>(_ state: State) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    static func decode<State: Decodable>(_ type: State.Type, from payload: String) throws -> State {
        try JSONDecoder().decode(type, from: Data(payload.utf8))
    }

    /// An error as one line for `last_error` (at most 1 000 characters).
    static func describe(_ error: any Error) -> String {
        let line = String(describing: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > 1_000 ? String(line.prefix(999)) + "…" : line
    }
}
