import FlotillaResilience
import FlotillaTesting
import Testing

/// The lock-free and clock-free fast paths must decide exactly as the locked, timed paths do.
@Suite("Fast paths: same decisions as the slow paths")
struct FastPathTests {
    // MARK: - Breaker admission word

    @Test func fastPathWordMirrorsStateAndGeneration() {
        var machine = CircuitBreakerMachine(config: CircuitBreakerConfig(), origin: at(0))
        let closed = CircuitBreakerMachine<Instant>.fastPermit(word: machine.fastPathWord)
        #expect(closed == machine.acquire(at: at(0)).permit)
        _ = machine.trip(at: at(0))
        #expect(machine.fastPathWord == 0)
        #expect(CircuitBreakerMachine<Instant>.fastPermit(word: machine.fastPathWord) == nil)
        _ = machine.reset(at: at(1))
        let reopened = CircuitBreakerMachine<Instant>.fastPermit(word: machine.fastPathWord)
        #expect(reopened == machine.acquire(at: at(1)).permit)
        #expect(reopened != closed)  // a new generation: permits from before the trip are stale
        _ = machine.disable(at: at(2))
        let disabled = CircuitBreakerMachine<Instant>.fastPermit(word: machine.fastPathWord)
        #expect(disabled == machine.acquire(at: at(2)).permit)
        _ = machine.forceOpen(at: at(3))
        #expect(CircuitBreakerMachine<Instant>.fastPermit(word: machine.fastPathWord) == nil)
    }

    @Test func executorFastPathFollowsEveryTransition() throws {
        let clock = ManualClock()
        let config = CircuitBreakerConfig(minimumCalls: 2, window: .count(2), openFor: .seconds(5), halfOpenProbes: 1)
        let breaker = CircuitBreaker(name: "fast", config: config, clock: clock)
        let stale = try breaker.acquire()
        // Two failures trip it: the next acquire must be rejected, not admitted from a stale word.
        for _ in 0..<2 { breaker.record(.failure, ticket: try breaker.acquire()) }
        #expect(throws: ResilienceError.self) { try breaker.acquire() }
        // An outcome admitted before the trip is discarded.
        breaker.record(.success, ticket: stale)
        #expect(breaker.snapshot().state == .open)
        // Open duration over: the probe goes through the lock, its success closes the breaker.
        clock.advance(by: .seconds(5))
        let probe = try breaker.acquire()
        #expect(probe.permit.isProbe)
        breaker.record(.success, ticket: probe)
        #expect(breaker.snapshot().state == .closed)
        #expect(try !breaker.acquire().permit.isProbe)
        breaker.forceOpen()
        #expect(throws: ResilienceError.self) { try breaker.acquire() }
        breaker.disable()
        breaker.record(.failure, ticket: try breaker.acquire())
        #expect(breaker.snapshot().calls == 0)  // disabled records nothing
        breaker.reset()
        breaker.record(.failure, ticket: try breaker.acquire())
        #expect(breaker.snapshot().calls == 1)
    }

    // MARK: - Slow-call detection on and off

    @Test func executorTimesCallsWhenSlowCallDetectionIsOn() throws {
        let clock = ManualClock()
        let config = CircuitBreakerConfig(slowCallRate: 50, slowCallDuration: .seconds(2), minimumCalls: 3)
        let breaker = CircuitBreaker(name: "slow", config: config, clock: clock)
        let fast = try breaker.acquire()
        #expect(fast.started != nil)
        clock.advance(by: .seconds(2))  // exactly the threshold: not slow
        breaker.record(.success, ticket: fast)
        #expect(breaker.snapshot().slowCalls == 0)
        let slow = try breaker.acquire()
        clock.advance(by: .seconds(2) + .nanoseconds(1))
        breaker.record(.success, ticket: slow)
        #expect(breaker.snapshot().slowCalls == 1)
        breaker.record(.success, ticket: try breaker.acquire())
        #expect(breaker.snapshot().state == .closed)  // 1 of 3 slow < 50 %
        let another = try breaker.acquire()
        clock.advance(by: .seconds(3))
        breaker.record(.success, ticket: another)
        #expect(breaker.snapshot().state == .open)  // 2 of 4 slow ≥ 50 %
    }

    @Test func withoutSlowCallDurationNoCallIsSlowAndNoneIsTimed() throws {
        let clock = ManualClock()
        let config = CircuitBreakerConfig(slowCallRate: 10, slowCallDuration: nil, minimumCalls: 1)
        let breaker = CircuitBreaker(name: "untimed", config: config, clock: clock)
        for _ in 0..<10 {
            let ticket = try breaker.acquire()
            #expect(ticket.started == nil)
            clock.advance(by: .seconds(60))
            breaker.record(.success, ticket: ticket)
        }
        let snapshot = breaker.snapshot()
        #expect(snapshot.calls == 10)
        #expect(snapshot.slowCalls == 0)
        #expect(snapshot.state == .closed)  // slowCallRate 10 would trip on one slow call
        // Failures still trip it.
        let failing = CircuitBreaker(
            name: "untimed-failing", config: CircuitBreakerConfig(slowCallDuration: nil, minimumCalls: 2), clock: clock)
        for _ in 0..<2 { failing.record(.failure, ticket: try failing.acquire()) }
        #expect(failing.snapshot().state == .open)
    }

    @Test func untimedBreakerWithTimeWindowStillExpiresOldCalls() throws {
        let clock = ManualClock()
        let config = CircuitBreakerConfig(
            slowCallDuration: nil, minimumCalls: 100, window: .time(.seconds(10)), timeWindowBuckets: 10)
        let breaker = CircuitBreaker(name: "untimed-time", config: config, clock: clock)
        for _ in 0..<3 { breaker.record(.failure, ticket: try breaker.acquire()) }
        #expect(breaker.snapshot().calls == 3)
        clock.advance(by: .seconds(11))
        breaker.record(.success, ticket: try breaker.acquire())
        let snapshot = breaker.snapshot()
        #expect(snapshot.calls == 1)
        #expect(snapshot.failures == 0)
    }

    @Test func untimedHalfOpenProbeStillHonoursMaxWait() throws {
        let clock = ManualClock()
        let config = CircuitBreakerConfig(
            slowCallDuration: nil, openFor: .seconds(5), halfOpenProbes: 1, halfOpenMaxWait: .seconds(10))
        let breaker = CircuitBreaker(name: "untimed-probe", config: config, clock: clock)
        breaker.trip()
        clock.advance(by: .seconds(5))
        let probe = try breaker.acquire()
        #expect(probe.permit.isProbe)
        clock.advance(by: .seconds(10))  // max wait passes before the probe returns
        breaker.record(.success, ticket: probe)
        #expect(breaker.snapshot().state == .open)  // decided with no completed probe: reopen
    }

    // MARK: - Retry budget slot shortcut

    @Test func budgetSlotShortcutExpiresAtTheExactBoundary() {
        // 10 buckets of 1 s: a request at 0 expires when the window has moved 10 slots on.
        let config = RetryBudgetConfig(ratio: 1, minPerSecond: 0, window: .seconds(10))
        var budget = RetryBudgetMachine(config: config, origin: at(0))
        budget.recordRequest(at: at(0))  // slot 0
        budget.recordRequest(at: at(1000))  // slot 1
        #expect(budget.available(at: justBefore(10_000)) == 2)  // slot 9: both in the window
        #expect(budget.available(at: at(10_000)) == 1)  // slot 10: slot 0 left the window
        budget.recordRequest(at: at(10_000))
        #expect(budget.requests == 2)
        // An instant earlier than the latest seen counts in the latest slot (the window never
        // moves back).
        budget.recordRequest(at: at(500))
        #expect(budget.requests == 3)
        #expect(budget.available(at: at(19_999)) == 2)  // slot 19: slot 1 left
        #expect(budget.available(at: at(20_000)) == 0)  // slot 20: slot 10 left
    }

    // MARK: - Nanosecond conversion (fast path for non-negative durations)

    @Test func emissionIntervalRoundsUpAndClampsExactly() {
        // window / quota rounded up to whole nanoseconds, through the fast conversion.
        #expect(RateLimitConfig(quota: 3, window: .seconds(1)).emissionInterval == .nanoseconds(333_333_334))
        #expect(RateLimitConfig(quota: 3, window: .nanoseconds(10)).emissionInterval == .nanoseconds(4))
        #expect(RateLimitConfig(quota: 1, window: .seconds(1) / 3).emissionInterval == .nanoseconds(333_333_334))
        // 10^12 s is 10^21 ns, past Int64: clamped.
        #expect(
            RateLimitConfig(quota: 1, window: .seconds(1_000_000_000_000)).emissionInterval
                == .nanoseconds(Int64.max))
        // 9.2 s is past 2^63 attoseconds (the low word alone): still exact.
        #expect(RateLimitConfig(quota: 1, window: .milliseconds(9_300)).emissionInterval == .milliseconds(9_300))
    }

    // MARK: - Bulkhead and pipeline

    @Test func bulkheadTryAcquireNeverWaits() {
        let bulkhead = Bulkhead(
            name: "try", config: BulkheadConfig(maxConcurrent: 1, maxQueue: 4), clock: ManualClock())
        #expect(bulkhead.tryAcquire())
        #expect(!bulkhead.tryAcquire())
        bulkhead.release()
        #expect(bulkhead.tryAcquire())
        bulkhead.release()
        #expect(bulkhead.snapshot().running == 0)
        #expect(bulkhead.snapshot().counters.admitted == 2)
    }

    @Test func pipelineFastPathSetsTheDeadlineAndCountsTheCall() async throws {
        let clock = ManualClock()
        let pipeline = ResiliencePipeline(
            name: "fast", policy: ResiliencePolicy(timeout: .seconds(2), timeoutEnforcement: .deadlineOnly),
            clock: clock)
        let inner = try await pipeline.execute { Deadline.current?.remaining(on: clock) }
        #expect(inner == .seconds(2))
        // An earlier outer deadline wins, read once at entry.
        let nested = try await Deadline.withTimeout(.seconds(1), on: clock) {
            try await pipeline.execute { Deadline.current?.remaining(on: clock) }
        }
        #expect(nested == .seconds(1))
        let snapshot = pipeline.snapshot()
        #expect(snapshot.breaker?.calls == 2)
        #expect(snapshot.bulkhead?.running == 0)
        #expect(snapshot.retry?.requestsInWindow == 2)
    }

    @Test func pipelineRejectsWhenTheOuterDeadlineHasPassed() async {
        let clock = ManualClock()
        let pipeline = ResiliencePipeline(
            name: "late", policy: ResiliencePolicy(timeoutEnforcement: .deadlineOnly), clock: clock)
        await #expect(throws: ResilienceError.deadlineExceeded(name: "late")) {
            try await Deadline.$current.withValue(Deadline(clock.now)) {
                try await pipeline.execute { 1 }
            }
        }
    }
}
