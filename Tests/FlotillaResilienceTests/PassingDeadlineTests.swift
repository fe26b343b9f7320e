import FlotillaResilience
import FlotillaTesting
import Testing

/// `execute(passingDeadline:)` hands the operation the deadline that `execute { }` would set as
/// the task-local, without setting it; backoff and per-attempt timeouts honour it the same way.
@Suite("Pipeline: deadline passed as an argument")
struct PassingDeadlineTests {
    private func pipeline(
        _ clock: ManualClock, timeout: Duration? = .seconds(2), retry: RetryConfig? = RetryConfig()
    ) -> ResiliencePipeline<ManualClock> {
        ResiliencePipeline(
            name: "orders", policy: ResiliencePolicy(timeout: timeout, retry: retry, timeoutEnforcement: .deadlineOnly),
            clock: clock, random: RandomSource { 1 })
    }

    /// The deadlines each form shows its operation, as instants of the manual clock (`nil`: none,
    /// or another clock's).
    private struct Seen {
        /// `Deadline.current` inside `execute { }`.
        var taskLocal: Instant?
        /// The argument of `execute(passingDeadline:)`.
        var passed: Instant?
        /// `Deadline.current` inside `execute(passingDeadline:)`.
        var taskLocalWhilePassing: Instant?
    }

    private func deadlines(_ pipeline: ResiliencePipeline<ManualClock>) async throws -> Seen {
        let clock = pipeline.clock
        let taskLocal = try await pipeline.execute { Deadline.current?.instant(on: clock) }
        let passed = try await pipeline.execute { deadline in deadline?.instant(on: clock) }
        let current = try await pipeline.execute { _ in Deadline.current?.instant(on: clock) }
        return Seen(taskLocal: taskLocal, passed: passed, taskLocalWhilePassing: current)
    }

    @Test func noOuterDeadlinePassesOwnAndLeavesTheTaskLocalUnset() async throws {
        let seen = try await deadlines(pipeline(ManualClock()))
        #expect(seen.passed == atSeconds(2))
        #expect(seen.passed == seen.taskLocal)
        #expect(seen.taskLocalWhilePassing == nil)
    }

    @Test(arguments: [1, 2, 5] as [Int64])
    func outerDeadlineSameAsTheTaskLocalForm(outerSeconds: Int64) async throws {
        let outer = atSeconds(outerSeconds)
        let seen: Seen = try await Deadline.$current.withValue(Deadline(outer)) {
            try await deadlines(pipeline(ManualClock()))
        }
        #expect(seen.passed == min(outer, atSeconds(2)))
        #expect(seen.passed == seen.taskLocal)
        #expect(seen.taskLocalWhilePassing == outer)  // the caller's, untouched
    }

    @Test func otherClockDeadlineIsReplaced() async throws {
        let seen: Seen = try await Deadline.$current.withValue(Deadline(ContinuousClock().now)) {
            try await deadlines(pipeline(ManualClock()))
        }
        #expect(seen.passed == atSeconds(2))
        #expect(seen.passed == seen.taskLocal)
    }

    @Test func withoutTimeoutTheCallersDeadlineIsPassed() async throws {
        let clock = ManualClock()
        let none = try await deadlines(pipeline(clock, timeout: nil))
        #expect(none.passed == nil && none.taskLocal == nil)
        let outer = atSeconds(7)
        let seen: Seen = try await Deadline.$current.withValue(Deadline(outer)) {
            try await deadlines(pipeline(clock, timeout: nil))
        }
        #expect(seen.passed == outer && seen.taskLocal == outer)
    }

    @Test func passedDeadlineFailsFastWithoutCallingTheOperation() async throws {
        let clock = ManualClock()
        clock.advance(by: .seconds(3))
        let calls = Counter()
        await #expect(throws: ResilienceError.deadlineExceeded(name: "orders")) {
            try await Deadline.$current.withValue(Deadline(atSeconds(1))) {
                _ = try await pipeline(clock).execute { _ in calls.increment() }
            }
        }
        #expect(calls.current == 0)
    }

    @Test func perAttemptTimeoutPassesAndSetsItsShorterDeadline() async throws {
        let clock = ManualClock()
        let retry = RetryConfig(perAttemptTimeout: .milliseconds(300))
        let (passed, current) = try await pipeline(clock, retry: retry).execute { deadline in
            (deadline?.instant(on: clock), Deadline.current?.instant(on: clock))
        }
        #expect(passed == at(300))
        #expect(current == at(300))
    }

    @Test func backoffThatWouldPassTheDeadlineIsNotTaken() async throws {
        // Backoff 50 ms × unit 1 = 50 ms ≥ the 50 ms left: the decider stops, as with the task-local.
        let clock = ManualClock()
        let calls = Counter()
        let asStatus: (Int) -> CallOutcome = { .httpStatus($0) }
        let outcome = try await pipeline(clock, timeout: .milliseconds(50)).execute(classify: asStatus) { _ in
            calls.increment()
            return 503
        }
        #expect(outcome == 503)
        #expect(calls.current == 1)
    }

    @Test func retriesWithinTheDeadlinePassItToEveryAttempt() async throws {
        let clock = ManualClock()
        let calls = Counter()
        let pipeline = pipeline(clock, retry: RetryConfig(backoff: BackoffConfig(initial: .zero)))
        let deadlines = try await pipeline.execute(classifyError: connectionFailure) { deadline in
            if calls.increment() < 2 { throw ConnectionRefused() }
            return deadline?.instant(on: clock)
        }
        #expect(deadlines == atSeconds(2))
        #expect(calls.current == 2)
    }
}
