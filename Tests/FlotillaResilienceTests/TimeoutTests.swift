import FlotillaResilience
import FlotillaTesting
import Testing

@Suite("Timeout")
struct TimeoutTests {
    @Test func fastOperationReturnsItsValue() async throws {
        let timeout = Timeout(name: "op", duration: .seconds(1), clock: ManualClock())
        #expect(try await timeout.run { 7 } == 7)
    }

    @Test func slowOperationIsCancelledWithATypedError() async throws {
        let clock = ManualClock()
        let timeout = Timeout(name: "op", duration: .seconds(1), clock: clock)
        let task = Task {
            try await timeout.run {
                try await clock.sleep(for: .seconds(5))
                return 1
            }
        }
        await clock.waitForSleepers(count: 2)
        clock.advance(by: .seconds(1))
        await #expect(throws: ResilienceError.timedOut(name: "op", after: .seconds(1))) { try await task.value }
        #expect(clock.sleeperCount == 0)  // the operation's sleep was cancelled
    }

    @Test func operationSeesTheDeadline() async throws {
        let clock = ManualClock()
        let remaining = try await Timeout(name: "op", duration: .seconds(3), clock: clock).run {
            Deadline.current?.remaining(on: clock)
        }
        #expect(remaining == .seconds(3))
    }

    @Test func passedDeadlineFailsFast() async throws {
        let clock = ManualClock()
        await #expect(throws: ResilienceError.deadlineExceeded(name: "op")) {
            try await Deadline.withTimeout(.zero, on: clock) {
                try await Timeout(name: "op", duration: .seconds(3), clock: clock).run { 1 }
            }
        }
    }

    @Test func operationErrorsPassThrough() async {
        await #expect(throws: ConnectionRefused.self) {
            try await Timeout(name: "op", duration: .seconds(3), clock: ManualClock()).run { () -> Int in
                throw ConnectionRefused()
            }
        }
    }
}
