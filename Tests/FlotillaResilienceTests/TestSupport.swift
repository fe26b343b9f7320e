import FlotillaResilience
import FlotillaTesting
import Synchronization

typealias Instant = ManualClock.Instant

/// An instant `ms` milliseconds after the manual clock's zero.
func at(_ ms: Int64) -> Instant { Instant(offset: .milliseconds(ms)) }
/// An instant `seconds` after zero.
func atSeconds(_ seconds: Int64) -> Instant { Instant(offset: .seconds(seconds)) }

/// Test error standing in for a transport failure.
struct ConnectionRefused: Error {}

extension CircuitBreakerMachine where Instant == ManualClock.Instant {
    /// Acquires and records in one go; returns the transition, if any.
    @discardableResult
    mutating func call(
        _ verdict: BreakerVerdict, at instant: Instant, duration: Duration = .milliseconds(1)
    ) -> BreakerTransition? {
        let decision = acquire(at: instant)
        guard let permit = decision.permit else { return nil }
        return record(verdict, duration: duration, permit: permit, at: instant) ?? decision.transition
    }
}

/// One nanosecond before `ms` milliseconds.
func justBefore(_ ms: Int64) -> Instant { Instant(offset: .milliseconds(ms) - .nanoseconds(1)) }

/// A shareable atomic counter for tests.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new value.
    @discardableResult
    func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
    /// Subtracts one.
    func decrement() { value.subtract(1, ordering: .relaxed) }
    /// Raises the value to at least `candidate`.
    func raise(to candidate: Int) { value.max(candidate, ordering: .relaxed) }
    /// The current value.
    var current: Int { value.load(ordering: .relaxed) }
}

/// Classifies every error as a connection failure.
func connectionFailure(_ error: any Error) -> CallOutcome { .connectionFailure }
