import FlotillaResilience
import FlotillaTesting
import Synchronization
import Testing

@Suite("Concurrency: exact counts under contention")
struct ConcurrencyTests {
    let tasks = 8
    let perTask = 5_000

    @Test func breakerCountsEveryCall() async throws {
        let (tasks, perTask) = (self.tasks, self.perTask)
        let config = CircuitBreakerConfig(
            failureRate: 100, slowCallRate: 100, minimumCalls: 1_000_000, window: .count(100_000))
        let breaker = CircuitBreaker(name: "hammer", config: config, clock: ContinuousClock())
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<tasks {
                group.addTask {
                    for call in 0..<perTask {
                        let ticket = try breaker.acquire()
                        breaker.record((task + call) % 4 == 0 ? .failure : .success, ticket: ticket)
                    }
                }
            }
            try await group.waitForAll()
        }
        let snapshot = breaker.snapshot()
        #expect(snapshot.calls == tasks * perTask)
        #expect(snapshot.failures == tasks * perTask / 4)
        #expect(snapshot.state == .closed)
    }

    @Test func limiterAdmitsExactlyTheBurst() async {
        let (tasks, perTask) = (self.tasks, self.perTask)
        let config = RateLimitConfig(quota: 1, window: .seconds(3600), burst: 12_345)
        let limiter = RateLimiter<String, ManualClock>(config: config, clock: ManualClock())
        let admitted = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<tasks {
                group.addTask {
                    var admitted = 0
                    for _ in 0..<perTask where limiter.acquire("shared").isAllowed { admitted += 1 }
                    return admitted
                }
            }
            return await group.reduce(0, +)
        }
        #expect(admitted == 12_345)
        #expect(limiter.snapshot().counters.rejected == UInt64(tasks * perTask - 12_345))
    }

    @Test func bulkheadNeverExceedsItsLimit() async throws {
        let bulkhead = Bulkhead(
            name: "pool", config: BulkheadConfig(maxConcurrent: 3, maxQueue: 1000, queueTimeout: .seconds(60)),
            clock: ContinuousClock())
        let running = Counter()
        let peak = Counter()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    for _ in 0..<20 {
                        try await bulkhead.run {
                            let now = running.increment()
                            peak.raise(to: now)
                            await Task.yield()
                            running.decrement()
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(peak.current <= 3)
        #expect(bulkhead.snapshot().counters.admitted == 64 * 20)
        #expect(bulkhead.snapshot().running == 0)
    }
}
