import FlotillaResilience
import FlotillaTesting
import Testing

/// The pipeline's task-local deadline is the earlier of the caller's and its own, whether it
/// sets the task-local or leaves the caller's in place.
@Suite("Pipeline deadline propagation")
struct DeadlinePropagationTests {
    private func pipeline(_ clock: ManualClock) -> ResiliencePipeline<ManualClock> {
        ResiliencePipeline(
            name: "orders", policy: ResiliencePolicy(timeout: .seconds(2), timeoutEnforcement: .deadlineOnly),
            clock: clock)
    }

    private func seen(_ pipeline: ResiliencePipeline<ManualClock>) async throws -> ManualClock.Instant? {
        try await pipeline.execute { Deadline.current?.instant(on: pipeline.clock) }
    }

    @Test func noOuterDeadlineSetsOwn() async throws {
        let clock = ManualClock()
        #expect(try await seen(pipeline(clock)) == .init(offset: .seconds(2)))
    }

    @Test func earlierOuterDeadlineStands() async throws {
        let clock = ManualClock()
        let outer = ManualClock.Instant(offset: .seconds(1))
        let value = try await Deadline.$current.withValue(Deadline(outer)) { try await seen(pipeline(clock)) }
        #expect(value == outer)
    }

    @Test func equalOuterDeadlineStands() async throws {
        let clock = ManualClock()
        let outer = ManualClock.Instant(offset: .seconds(2))
        let value = try await Deadline.$current.withValue(Deadline(outer)) { try await seen(pipeline(clock)) }
        #expect(value == outer)
    }

    @Test func laterOuterDeadlineIsReplaced() async throws {
        let clock = ManualClock()
        let outer = ManualClock.Instant(offset: .seconds(5))
        let value = try await Deadline.$current.withValue(Deadline(outer)) { try await seen(pipeline(clock)) }
        #expect(value == .init(offset: .seconds(2)))
        #expect(Deadline.current == nil)
    }

    @Test func otherClockDeadlineIsReplaced() async throws {
        let clock = ManualClock()
        let value = try await Deadline.$current.withValue(Deadline(ContinuousClock().now)) {
            try await seen(pipeline(clock))
        }
        #expect(value == .init(offset: .seconds(2)))
    }

    @Test func passedOuterDeadlineFailsFast() async throws {
        let clock = ManualClock()
        clock.advance(by: .seconds(3))
        let outer = ManualClock.Instant(offset: .seconds(1))
        let calls = Counter()
        await #expect(throws: ResilienceError.self) {
            try await Deadline.$current.withValue(Deadline(outer)) {
                _ = try await pipeline(clock).execute { calls.increment() }
            }
        }
        #expect(calls.current == 0)
    }
}
