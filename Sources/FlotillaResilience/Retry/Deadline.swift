/// An absolute deadline shared by nested calls through a task-local value.
///
/// The outermost timeout sets it; a nested call made inside (a retry's backoff, a downstream
/// request, a saga step) reads ``current`` and never waits past it, so one budget covers the
/// whole call tree. The HTTP layer can send the remaining time downstream (as gRPC does with
/// `grpc-timeout`) and start a new deadline there.
///
/// The instant belongs to one clock type; code reading it with another clock type sees no deadline.
public struct Deadline: Sendable {
    /// The deadline instant (of some clock's `Instant` type).
    public let instant: any InstantProtocol

    /// Creates a deadline at `instant`.
    public init<Instant: InstantProtocol>(_ instant: Instant) {
        self.instant = instant
    }

    /// The deadline in force for the current task, if any.
    @TaskLocal public static var current: Deadline?

    /// This deadline as an instant of `clock`, or `nil` if it belongs to another clock type.
    @inlinable
    public func instant<C: Clock>(on clock: C) -> C.Instant? {
        instant as? C.Instant
    }

    /// Time left on `clock` (negative once passed), or `nil` if the deadline is of another clock type.
    public func remaining<C: Clock<Duration>>(on clock: C) -> Duration? {
        guard let instant = instant(on: clock) else { return nil }
        return clock.now.duration(to: instant)
    }

    /// The earlier of `instant` and the current task's deadline (if of the same clock type).
    @inlinable
    public static func effective<C: Clock<Duration>>(_ instant: C.Instant, on clock: C) -> C.Instant {
        effective(instant, outer: current, on: clock)
    }

    /// The earlier of `instant` and `outer` (if of the same clock type): ``effective(_:on:)``
    /// for a caller that has already read ``current``.
    @inlinable
    static func effective<C: Clock<Duration>>(_ instant: C.Instant, outer: Deadline?, on clock: C) -> C.Instant {
        guard let outer = outer?.instant(on: clock) else { return instant }
        return min(outer, instant)
    }

    /// Runs `operation` with ``current`` set to `now + timeout` or the outer deadline, whichever
    /// comes first.
    public static func withTimeout<C: Clock<Duration>, T>(
        _ timeout: Duration, on clock: C, _ operation: () async throws -> T
    ) async rethrows -> T {
        let deadline = effective(clock.now.advanced(by: timeout), on: clock)
        return try await $current.withValue(Deadline(deadline)) { try await operation() }
    }
}
