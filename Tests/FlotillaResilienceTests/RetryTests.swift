import FlotillaResilience
import FlotillaTesting
import Synchronization
import Testing

@Suite("Retry: backoff, decisions, budget, executor")
struct RetryTests {
    @Test func backoffCeilingGrowsToTheCap() {
        let backoff = BackoffConfig(initial: .milliseconds(50), max: .seconds(2), multiplier: 2)
        #expect(backoff.ceiling(forRetry: 1) == .milliseconds(50))
        #expect(backoff.ceiling(forRetry: 2) == .milliseconds(100))
        #expect(backoff.ceiling(forRetry: 6) == .milliseconds(1600))
        #expect(backoff.ceiling(forRetry: 7) == .seconds(2))
        #expect(backoff.ceiling(forRetry: 1000) == .seconds(2))
        #expect(backoff.delay(forRetry: 2, unit: 0.5) == .milliseconds(50))
        #expect(backoff.delay(forRetry: 2, unit: 0) == .zero)
        #expect(backoff.delay(forRetry: 2, unit: 7) == .milliseconds(100))
    }

    @Test func deciderRules() {
        let decider = RetryDecider(config: RetryConfig(attempts: 3))
        func decide(
            _ outcome: CallOutcome, attempt: Int = 1, _ idem: Idempotency = .idempotent, remaining: Duration? = nil
        )
            -> RetryDecision
        {
            decider.decide(attempt: attempt, outcome: outcome, idempotency: idem, unit: 1, remaining: remaining)
        }
        #expect(decide(.success) == .stop(.succeeded))
        #expect(decide(.httpStatus(503)) == .retry(after: .milliseconds(50)))
        #expect(decide(.httpStatus(503), attempt: 2) == .retry(after: .milliseconds(100)))
        #expect(decide(.httpStatus(503), attempt: 3) == .stop(.attemptsExhausted))
        #expect(decide(.httpStatus(500)) == .stop(.notRetryable))
        #expect(decide(.httpStatus(404)) == .stop(.notRetryable))
        #expect(decide(.failure) == .stop(.notRetryable))
        #expect(decide(.connectionFailure, .nonIdempotent) == .stop(.notRetryable))
        #expect(decide(.connectionFailure, .markedSafe) == .retry(after: .milliseconds(50)))
        #expect(decide(.timeout) == .retry(after: .milliseconds(50)))
        #expect(decide(.httpStatus(429, retryAfter: .seconds(1))) == .retry(after: .seconds(1)))
        #expect(decide(.httpStatus(429, retryAfter: .seconds(3))) == .stop(.retryAfterTooLong))
        #expect(decide(.httpStatus(502), remaining: .milliseconds(50)) == .stop(.deadlineTooClose))  // ≥ pinned
        #expect(decide(.httpStatus(502), remaining: .milliseconds(51)) == .retry(after: .milliseconds(50)))
    }

    @Test func budgetAllowsRatioOfRequests() {
        let config = RetryBudgetConfig(ratio: 0.2, minPerSecond: 0, window: .seconds(10))
        var budget = RetryBudgetMachine(config: config, origin: at(0))
        for _ in 0..<10 { budget.recordRequest(at: at(0)) }
        do {
            let result = budget.tryWithdraw(at: at(0))
            #expect(result)
        }
        do {
            let result = budget.tryWithdraw(at: at(0))
            #expect(result)
        }
        let third = budget.tryWithdraw(at: at(0))
        #expect(!third)  // 3 > 0.2 × 10
        #expect(budget.refused == 1)
        // After the window has passed, requests and retries have expired.
        let available = budget.available(at: at(10_000))
        #expect(available == 0)
        #expect(budget.requests == 0)
    }

    @Test func budgetFloorAllowsRetriesWithoutTraffic() {
        let config = RetryBudgetConfig(ratio: 0.2, minPerSecond: 1, window: .seconds(10))
        var budget = RetryBudgetMachine(config: config, origin: at(0))
        for _ in 0..<10 {
            let result = budget.tryWithdraw(at: at(0))
            #expect(result)
        }
        do {
            let result = budget.tryWithdraw(at: at(0))
            #expect(!result)
        }
        let later = budget.tryWithdraw(at: at(10_500))
        #expect(later)  // window slid on
    }

    @Test func retrierBacksOffOnTheManualClock() async throws {
        let clock = ManualClock()
        let retrier = Retrier(name: "users", config: RetryConfig(attempts: 3), clock: clock, random: RandomSource { 1 })
        let attempts = Counter()
        let task = Task {
            let classify: (Int) -> CallOutcome = { $0 == 200 ? .success : .httpStatus($0) }
            return try await retrier.run(classify: classify) { _ in
                attempts.increment() < 3 ? 503 : 200
            }
        }
        await clock.waitForSleepers()
        #expect(attempts.current == 1)
        clock.advance(by: .milliseconds(50))
        await clock.waitForSleepers()
        #expect(attempts.current == 2)
        clock.advance(by: .milliseconds(99))
        #expect(clock.sleeperCount == 1)
        clock.advance(by: .milliseconds(1))
        #expect(try await task.value == 200)
        #expect(attempts.current == 3)
        #expect(retrier.snapshot().retriesInWindow == 2)
    }

    @Test func retrierReturnsLastOutcomeWhenAttemptsRunOut() async throws {
        let retrier = Retrier(
            name: "users", config: RetryConfig(attempts: 2), clock: ManualClock(), random: RandomSource { 0 })
        let asStatus: (Int) -> CallOutcome = { .httpStatus($0) }
        let value = try await retrier.run(classify: asStatus) { attempt in 500 + attempt + 1 }
        #expect(value == 503)  // attempt 1 → 502 retried, attempt 2 → 503 final
        await #expect(throws: ConnectionRefused.self) {
            try await retrier.run(classifyError: connectionFailure) { (_: Int) -> Int in throw ConnectionRefused() }
        }
    }

    @Test func retrierStopsWhenBudgetIsSpent() async throws {
        let config = RetryConfig(attempts: 5, budget: RetryBudgetConfig(ratio: 0, minPerSecond: 0))
        let retrier = Retrier(name: "users", config: config, clock: ManualClock(), random: RandomSource { 0 })
        let calls = Counter()
        let unavailable: (Int) -> CallOutcome = { _ in .httpStatus(503) }
        _ = try await retrier.run(classify: unavailable) { _ in calls.increment() }
        #expect(calls.current == 1)
        #expect(retrier.snapshot().budgetRefusals == 1)
    }

    @Test func retrierGivesUpBeforeTheDeadline() async throws {
        let clock = ManualClock()
        let retrier = Retrier(name: "users", config: RetryConfig(attempts: 3), clock: clock, random: RandomSource { 1 })
        let calls = Counter()
        let unavailable: (Int) -> CallOutcome = { _ in .httpStatus(503) }
        let value = try await Deadline.withTimeout(.milliseconds(40), on: clock) {
            try await retrier.run(classify: unavailable) { _ in calls.increment() }
        }
        #expect(value == 1)  // the 50 ms backoff would overrun the 40 ms deadline
    }

    @Test func nestedDeadlinesTakeTheEarlier() async {
        let clock = ManualClock()
        await Deadline.withTimeout(.seconds(1), on: clock) {
            await Deadline.withTimeout(.seconds(5), on: clock) {
                #expect(Deadline.current?.remaining(on: clock) == .seconds(1))
                #expect(Deadline.current?.remaining(on: ContinuousClock()) == nil)  // other clock type
            }
        }
    }
}
