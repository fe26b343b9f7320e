import FlotillaResilience
import FlotillaSaga
import FlotillaTesting
import Testing

@Suite("Forward steps, failures and compensation")
struct ForwardAndCompensationTests {
    let clock = ManualClock()
    let store = InMemorySagaStore()

    @Test func allStepsSucceedCompletesAndPersistsTheState() async throws {
        let script = Script(clock: clock)
        let orchestrator = try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .completed(let state) = outcome else { throw Unexpected(outcome.phase) }
        #expect(state.done == ["a", "b", "c"])
        #expect(await script.calls == ["a", "b", "c", "on-completed"])
        let record = try #require(await store.load(id: "s1"))
        #expect(record.phase == .completed)
        #expect(record.steps.map(\.state) == [.succeeded, .succeeded, .succeeded])
        #expect(record.steps.map(\.attempts) == [1, 1, 1])
        #expect(record.finishedAt != nil)
        // created (0) + per step started and succeeded (2 × 3) + completed (1)
        #expect(record.version == 7)
    }

    @Test(arguments: 0..<4)
    func aDeclinedStepCompensatesTheCompletedStepsInReverse(failing: Int) async throws {
        let names = ["a", "b", "c", "d"]
        let script = Script(clock: clock)
        await script.plan(names[failing], .decline)
        let orchestrator = try makeOrchestrator(makeDefinition(names, script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .compensated(let state, let reason) = outcome else { throw Unexpected(outcome.phase) }
        #expect(reason == "\(names[failing]): \(names[failing]) declined")
        #expect(state.done == Array(names[..<failing]))
        let forward = Array(names[...failing])
        let backward = names[..<failing].reversed().map { "\($0):compensate" }
        #expect(await script.calls == forward + backward + ["on-compensated"])
        let record = try #require(await store.load(id: "s1"))
        #expect(record.phase == .compensated)
        let expected: [SagaStepState] = names.indices.map { index in
            index < failing ? .compensated : index == failing ? .failed : .pending
        }
        #expect(record.steps.map(\.state) == expected)
        // declined: no retry
        #expect(record.steps[failing].attempts == 1)
    }

    @Test func transientFailuresAreRetriedThenSucceed() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .transient, .transient)
        let orchestrator = try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .completed)
        #expect(await script.calls == ["a", "b", "b", "b", "c", "on-completed"])
        #expect(await script.contexts(of: "b").map(\.attempt) == [1, 2, 3])
        #expect(await script.contexts(of: "b").map(\.idempotencyKey) == ["s1:b", "s1:b", "s1:b"])
        let record = try #require(await store.load(id: "s1"))
        #expect(record.steps[1].attempts == 3)
        #expect(record.steps[1].lastError == "b unavailable")
        #expect(orchestrator.counters().retries == 2)
    }

    @Test func transientFailuresBeyondTheAttemptsFailTheStep() async throws {
        let script = Script(clock: clock)
        await script.plan("c", .transient, .transient, .transient)
        let orchestrator = try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .compensated)
        #expect(
            await script.calls == ["a", "b", "c", "c", "c", "b:compensate", "a:compensate", "on-compensated"])
    }

    @Test func backoffSleepsTheJitteredCeilingOnTheClock() async throws {
        let script = Script(clock: clock)
        await script.plan("a", .transient, .transient)
        var options = StepOptions()
        options.backoff = BackoffConfig(initial: .seconds(1), max: .seconds(10), multiplier: 2)
        let orchestrator = try makeOrchestrator(
            makeDefinition(["a"], script: script, options: options), store: store, clock: clock, unit: 1)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            // retry 1 waits initial × 2⁰ = 1 s, retry 2 waits 2 s (unit 1: the full ceiling)
            await clock.waitForSleepers(count: 1)
            clock.advance(by: .milliseconds(999))
            #expect(await script.calls == ["a"])
            clock.advance(by: .milliseconds(1))
            await clock.waitForSleepers(count: 1)
            #expect(await script.calls == ["a", "a"])
            clock.advance(by: .seconds(2))
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .completed)
        #expect(await script.calls == ["a", "a", "a", "on-completed"])
    }

    @Test func aTimedOutAttemptIsRetriedAndTheLastFailsTheStep() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .hang, .hang)
        var options = StepOptions()
        options.timeout = .seconds(5)
        options.attempts = 2
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script, options: options), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            for _ in 0..<2 {
                // the hanging action and the timeout's own sleep
                await clock.waitForSleepers(count: 2)
                clock.advance(by: .seconds(5))
            }
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .compensated(_, let reason) = outcome else { throw Unexpected(outcome.phase) }
        #expect(reason.contains("timed out") || reason.contains("timedOut"))
        #expect(await script.calls == ["a", "b", "b", "a:compensate", "on-compensated"])
    }

    @Test func compensationRetriesUntilItSucceeds() async throws {
        let script = Script(clock: clock)
        await script.plan("c", .decline)
        await script.plan("a:compensate", .transient, .transient, .transient)
        let orchestrator = try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .compensated)
        #expect(
            await script.calls == [
                "a", "b", "c", "b:compensate", "a:compensate", "a:compensate", "a:compensate", "a:compensate",
                "on-compensated",
            ])
        #expect(await script.contexts(of: "a:compensate").allSatisfy { $0.idempotencyKey == "s1:a:compensate" })
        #expect(await script.contexts(of: "a:compensate").allSatisfy { $0.failure == "c: c declined" })
        let record = try #require(await store.load(id: "s1"))
        // action and compensation attempts together
        #expect(record.steps[0].attempts == 5)
    }

    @Test func exhaustedCompensationMarksTheSagaFailedForAnOperator() async throws {
        let script = Script(clock: clock)
        await script.plan("c", .decline)
        await script.plan("b:compensate", .transient, .transient, .transient, .transient)
        let events = EventRecorder()
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script), store: store, clock: clock, events: events)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .failed(let state, let reason) = outcome else { throw Unexpected(outcome.phase) }
        #expect(state?.done == ["a", "b"])
        #expect(reason == "compensation of b gave up: b:compensate unavailable")
        // a is never compensated once b's compensation gave up: the operator decides
        #expect(
            await script.calls == [
                "a", "b", "c", "b:compensate", "b:compensate", "b:compensate", "b:compensate", "on-failed",
            ])
        let record = try #require(await store.load(id: "s1"))
        #expect(record.phase == .failed)
        #expect(record.steps.map(\.state) == [.succeeded, .compensationFailed, .failed])
        #expect(orchestrator.counters().failed == 1)
        #expect(events.all.contains(.finished(saga: "test-saga", id: "s1", phase: .failed, reason: reason)))
        let summary = try await orchestrator.summary()
        #expect(summary.failed == 1)
        #expect(summary.inFlightCount == 0)
    }

    @Test func aDeclinedCompensationGivesUpAtOnce() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .decline)
        await script.plan("a:compensate", .decline)
        let orchestrator = try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .failed)
        #expect(await script.calls == ["a", "b", "a:compensate", "on-failed"])
    }

    @Test func stepsWithoutCompensationAreSkippedBackward() async throws {
        let script = Script(clock: clock)
        await script.plan("c", .decline)
        var options = StepOptions()
        options.withoutCompensation = ["b"]
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script, options: options), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .compensated)
        #expect(await script.calls == ["a", "b", "c", "a:compensate", "on-compensated"])
    }

    @Test func compensateOnFailureUndoesTheFailedStepFirst() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .transient, .transient, .transient)
        var options = StepOptions()
        options.compensateOnFailure = true
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script, options: options), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .compensated)
        #expect(await script.calls == ["a", "b", "b", "b", "b:compensate", "a:compensate", "on-compensated"])
    }

    @Test func aFailingCompletionHookIsRetriedThenFailsTheSaga() async throws {
        let script = Script(clock: clock)
        await script.plan("on-completed", .transient, .transient)
        let orchestrator = try makeOrchestrator(
            makeDefinition(["a"], script: script, hookAttempts: 2), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .failed(_, let reason) = outcome else { throw Unexpected(outcome.phase) }
        #expect(reason == "hook on-completed gave up: on-completed unavailable")
        #expect(await script.calls == ["a", "on-completed", "on-completed", "on-failed"])
        #expect(
            await script.contexts(of: "on-completed").map(\.idempotencyKey) == ["s1:on-completed", "s1:on-completed"])
    }
}

struct Unexpected: Error, CustomStringConvertible {
    var phase: SagaPhase
    init(_ phase: SagaPhase) { self.phase = phase }
    var description: String { "unexpected outcome \(phase.rawValue)" }
}
