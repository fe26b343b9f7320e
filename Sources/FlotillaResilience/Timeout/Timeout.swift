/// Runs an operation against a time limit with cooperative cancellation.
///
/// The operation runs in a child task racing `clock.sleep(until: deadline)` in a task group.
/// If the sleep wins, the operation's task is cancelled and, once it has stopped (cancellation is
/// cooperative: it must honour `Task.isCancelled` or throw from a cancellable await),
/// ``ResilienceError/timedOut(name:after:)`` is thrown. The effective deadline is the earlier of
/// `now + duration` and the task-local ``Deadline``, and the operation runs with that deadline
/// set, so nested calls share it.
///
/// Cost: two child tasks per call (allocations); see ``TimeoutEnforcement/deadlineOnly`` for the
/// allocation-free variant that only propagates the deadline.
public struct Timeout<C: Clock<Duration>>: Sendable {
    /// The operation named in errors.
    public let name: String
    /// The time limit.
    public let duration: Duration
    /// The clock.
    public let clock: C

    /// Creates a timeout.
    public init(name: String, duration: Duration, clock: C) {
        self.name = name
        self.duration = duration
        self.clock = clock
    }

    /// Runs `operation`, throwing ``ResilienceError/timedOut(name:after:)`` if it does not finish in
    /// time, or ``ResilienceError/deadlineExceeded(name:)`` if the deadline had already passed.
    public func run<T: Sendable>(_ operation: @Sendable () async throws -> T) async throws -> T {
        let deadline = Deadline.effective(clock.now.advanced(by: duration), on: clock)
        return try await Self.race(until: deadline, clock: clock, name: name, limit: duration, operation)
    }

    /// The race itself, for callers that already computed the deadline.
    static func race<T: Sendable>(
        until deadline: C.Instant, clock: C, name: String, limit: Duration,
        _ operation: @Sendable () async throws -> T
    ) async throws -> T {
        guard clock.now < deadline else { throw ResilienceError.deadlineExceeded(name: name) }
        return try await withoutActuallyEscaping(operation) { escapable in
            try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    try await Deadline.$current.withValue(Deadline(deadline)) { try await escapable() }
                }
                group.addTask {
                    try await clock.sleep(until: deadline, tolerance: nil)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else {
                    throw ResilienceError.timedOut(name: name, after: limit)
                }
                return value
            }
        }
    }
}

/// How a pipeline enforces its timeouts.
public enum TimeoutEnforcement: String, Sendable, Hashable {
    /// Race the operation against the clock in a task group and cancel it when time is up
    /// (two child tasks per call).
    case race
    /// Only set the task-local ``Deadline``; the transport enforces it (AsyncHTTPClient takes a
    /// deadline per request). No child tasks, no allocations; also checked before each attempt.
    case deadlineOnly = "deadline-only"
}
