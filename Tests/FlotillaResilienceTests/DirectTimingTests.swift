import FlotillaResilience
import Testing

/// With `ContinuousClock` a breaker times closed count-window calls by reading the clock's time
/// source directly; the slow-call verdicts must be the ones `ContinuousClock.now` would give.
@Suite("Breaker timing with ContinuousClock")
struct DirectTimingTests {
    /// A call with a measurable duration (no sleeping: a short busy loop on the real clock).
    private func spin(for duration: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        while start.duration(to: clock.now) < duration {}
    }

    @Test func callLongerThanThresholdIsSlow() throws {
        let config = CircuitBreakerConfig(slowCallRate: 100, slowCallDuration: .microseconds(50), minimumCalls: 100)
        let breaker = CircuitBreaker(name: "timed", config: config, clock: ContinuousClock())
        let ticket = try breaker.acquire()
        #expect(ticket.started != nil)
        spin(for: .microseconds(200))
        breaker.record(.success, ticket: ticket)
        #expect(breaker.snapshot().slowCalls == 1)
        #expect(breaker.snapshot().calls == 1)
    }

    @Test func callShorterThanThresholdIsNotSlow() async throws {
        let config = CircuitBreakerConfig(slowCallDuration: .seconds(60), minimumCalls: 100)
        let breaker = CircuitBreaker(name: "timed", config: config, clock: ContinuousClock())
        for _ in 0..<10 {
            let ticket = try breaker.acquire()
            breaker.record(.success, ticket: ticket)
        }
        _ = try await breaker.run { 1 }
        #expect(breaker.snapshot().slowCalls == 0)
        #expect(breaker.snapshot().calls == 11)
    }

    @Test func ticketStartsAreTimeSinceCreation() throws {
        let clock = ContinuousClock()
        let before = clock.now
        let breaker = CircuitBreaker(name: "timed", config: CircuitBreakerConfig(), clock: clock)
        let after = clock.now
        spin(for: .microseconds(100))
        let lower = after.duration(to: clock.now)
        let started = try #require(try breaker.acquire().started)
        let upper = before.duration(to: clock.now)
        #expect(started >= lower)
        #expect(started <= upper)
    }
}
