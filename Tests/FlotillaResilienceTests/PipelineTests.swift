import FlotillaResilience
import FlotillaTesting
import Synchronization
import Testing

@Suite("Pipeline")
struct PipelineTests {
    func policy(_ enforcement: TimeoutEnforcement) -> ResiliencePolicy {
        ResiliencePolicy(
            timeout: .seconds(2),
            retry: RetryConfig(attempts: 3),
            breaker: CircuitBreakerConfig(minimumCalls: 100, consecutiveFailures: 2, halfOpenProbes: 1),
            bulkhead: BulkheadConfig(maxConcurrent: 4, maxQueue: 0),
            timeoutEnforcement: enforcement)
    }

    @Test(arguments: [TimeoutEnforcement.race, .deadlineOnly])
    func retriesThroughBreakerAndBulkhead(enforcement: TimeoutEnforcement) async throws {
        let pipeline = ResiliencePipeline(
            name: "orders", policy: policy(enforcement), clock: ManualClock(), random: RandomSource { 0 })
        let calls = Counter()
        let value = try await pipeline.execute(classifyError: connectionFailure) {
            if calls.increment() < 2 { throw ConnectionRefused() }
            return "ok"
        }
        #expect(value == "ok")
        #expect(calls.current == 2)
        let snapshot = pipeline.snapshot()
        #expect(snapshot.breaker?.calls == 2)
        #expect(snapshot.bulkhead?.running == 0)
        #expect(snapshot.retry?.retriesInWindow == 1)
    }

    @Test func openBreakerStopsTheRetries() async throws {
        let pipeline = ResiliencePipeline(
            name: "orders", policy: policy(.deadlineOnly), clock: ManualClock(), random: RandomSource { 0 })
        let calls = Counter()
        await #expect(throws: ResilienceError.self) {
            try await pipeline.execute(classifyError: connectionFailure) { () -> Int in
                calls.increment()
                throw ConnectionRefused()
            }
        }
        // Two failures trip the breaker; the third attempt is rejected and not retried.
        #expect(calls.current == 2)
        #expect(pipeline.snapshot().breaker?.state == .open)
    }

    @Test func nonIdempotentRequestsAreNotRetried() async throws {
        let pipeline = ResiliencePipeline(
            name: "payments", policy: policy(.deadlineOnly), clock: ManualClock(), random: RandomSource { 0 })
        let calls = Counter()
        let asStatus: (Int) -> CallOutcome = { .httpStatus($0) }
        let status = try await pipeline.execute(idempotency: .nonIdempotent, classify: asStatus) {
            calls.increment()
            return 503
        }
        #expect(status == 503)
        #expect(calls.current == 1)
    }

    @Test func perAttemptTimeoutCountsAsBreakerFailureAndIsRetried() async throws {
        let clock = ManualClock()
        var policy = policy(.race)
        policy.retry?.perAttemptTimeout = .milliseconds(100)
        policy.breaker?.consecutiveFailures = 10
        let pipeline = ResiliencePipeline(name: "slow", policy: policy, clock: clock, random: RandomSource { 0 })
        let calls = Counter()
        let task = Task {
            try await pipeline.execute {
                if calls.increment() == 1 { try await clock.sleep(for: .seconds(10)) }
                return "second try"
            }
        }
        // overall timer + attempt timer + the operation's own sleep
        await clock.waitForSleepers(count: 3)
        clock.advance(by: .milliseconds(100))
        #expect(try await task.value == "second try")
        #expect(pipeline.snapshot().breaker?.failures == 1)
    }

    @Test func overallTimeoutBoundsEverything() async throws {
        let clock = ManualClock()
        let pipeline = ResiliencePipeline(name: "hang", policy: policy(.race), clock: clock)
        let task = Task { try await pipeline.execute { try await clock.sleep(for: .seconds(60)) } }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(2))
        await #expect(throws: ResilienceError.timedOut(name: "hang", after: .seconds(2))) { try await task.value }
    }
}
