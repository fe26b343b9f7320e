import Foundation

/// A fault injected through `POST /_flotilla/faults` for chaos testing.
public struct FaultStatus: Codable, Sendable, Hashable {
    /// Share of public requests answered with 503, 0…1.
    public var errorRate: Double
    /// Latency added to every public request, in milliseconds.
    public var addedLatencyMilliseconds: Double
    /// When the fault switches itself off.
    public var until: Date

    /// Creates a fault.
    public init(errorRate: Double, addedLatencyMilliseconds: Double, until: Date) {
        self.errorRate = errorRate
        self.addedLatencyMilliseconds = addedLatencyMilliseconds
        self.until = until
    }
}

/// Something notable that happened in an instance, for the dashboard's event feed.
public struct StatusEvent: Codable, Sendable, Hashable {
    /// How much attention it deserves.
    public enum Level: String, Codable, Sendable, Hashable {
        /// Routine: a breaker closed, a saga completed.
        case info
        /// Degraded: a breaker opened, a saga compensated.
        case warning
        /// Needs an operator: a dead letter, a failed compensation.
        case error
    }

    /// When it happened.
    public var time: Date
    /// How much attention it deserves.
    public var level: Level
    /// What kind of thing: `breaker`, `saga`, `outbox`, `fault`, `lifecycle`, `admin`.
    public var kind: String
    /// One line for people, e.g. `breaker payments: closed → open (failure rate 62%)`.
    public var message: String

    /// Creates an event.
    public init(time: Date, level: Level, kind: String, message: String) {
        self.time = time
        self.level = level
        self.kind = kind
        self.message = message
    }
}
