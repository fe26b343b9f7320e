import FlotillaSaga
import FlotillaTesting
import Foundation
import Testing

/// A persisted state a crash can leave, and what recovery must do with it.
struct CrashCase: Sendable, CustomTestStringConvertible {
    var label: String
    var phase: SagaPhase
    var states: [SagaStepState]
    var rerunOnRecovery = false
    var calls: [String]
    var outcome: SagaPhase
    var finalStates: [SagaStepState]

    var testDescription: String { label }

    static let all: [CrashCase] = [
        CrashCase(
            label: "created, nothing started", phase: .running, states: [.pending, .pending, .pending],
            calls: ["a", "b", "c", "on-completed"], outcome: .completed,
            finalStates: [.succeeded, .succeeded, .succeeded]),
        CrashCase(
            label: "a succeeded, b not started", phase: .running, states: [.succeeded, .pending, .pending],
            calls: ["b", "c", "on-completed"], outcome: .completed, finalStates: [.succeeded, .succeeded, .succeeded]),
        CrashCase(
            label: "b in progress, marked rerunOnRecovery", phase: .running, states: [.succeeded, .running, .pending],
            rerunOnRecovery: true, calls: ["b", "c", "on-completed"], outcome: .completed,
            finalStates: [.succeeded, .succeeded, .succeeded]),
        CrashCase(
            label: "b in progress, not marked", phase: .running, states: [.succeeded, .running, .pending],
            calls: ["a:compensate", "on-compensated"], outcome: .compensated,
            finalStates: [.compensated, .failed, .pending]),
        CrashCase(
            label: "every step succeeded, completion not written", phase: .running,
            states: [.succeeded, .succeeded, .succeeded], calls: ["on-completed"], outcome: .completed,
            finalStates: [.succeeded, .succeeded, .succeeded]),
        CrashCase(
            label: "b failed, no compensation started", phase: .compensating, states: [.succeeded, .failed, .pending],
            calls: ["a:compensate", "on-compensated"], outcome: .compensated,
            finalStates: [.compensated, .failed, .pending]),
        CrashCase(
            label: "b's compensation in progress", phase: .compensating, states: [.succeeded, .compensating, .failed],
            calls: ["b:compensate", "a:compensate", "on-compensated"], outcome: .compensated,
            finalStates: [.compensated, .compensated, .failed]),
        CrashCase(
            label: "b compensated, a not yet", phase: .compensating, states: [.succeeded, .compensated, .failed],
            calls: ["a:compensate", "on-compensated"], outcome: .compensated,
            finalStates: [.compensated, .compensated, .failed]),
        CrashCase(
            label: "all compensated, hook not run", phase: .compensating,
            states: [.compensated, .compensated, .failed],
            calls: ["on-compensated"], outcome: .compensated, finalStates: [.compensated, .compensated, .failed]),
        CrashCase(
            label: "completed", phase: .completed, states: [.succeeded, .succeeded, .succeeded], calls: [],
            outcome: .completed, finalStates: [.succeeded, .succeeded, .succeeded]),
        CrashCase(
            label: "compensated", phase: .compensated, states: [.compensated, .compensated, .failed], calls: [],
            outcome: .compensated, finalStates: [.compensated, .compensated, .failed]),
        CrashCase(
            label: "failed", phase: .failed, states: [.succeeded, .compensationFailed, .failed], calls: [],
            outcome: .failed, finalStates: [.succeeded, .compensationFailed, .failed]),
    ]
}

@Suite("Recovery")
struct RecoveryTests {
    let clock = ManualClock()
    let store = InMemorySagaStore()

    @Test(arguments: CrashCase.all)
    func recoveryResumesOrCompensatesEveryPersistedState(_ crash: CrashCase) async throws {
        await store.put(crashedRecord(phase: crash.phase, states: crash.states))
        let script = Script(clock: clock)
        var options = StepOptions()
        options.rerunOnRecovery = crash.rerunOnRecovery
        let events = EventRecorder()
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script, options: options), store: store, clock: clock, events: events)
        let outcome = try await withRunning(orchestrator) {
            if !crash.phase.isTerminal { await recovered(orchestrator) }
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == crash.outcome)
        #expect(await script.calls == crash.calls)
        let record = try #require(await store.load(id: "s1"))
        #expect(record.steps.map(\.state) == crash.finalStates)
        #expect(orchestrator.counters().recovered == (crash.phase.isTerminal ? 0 : 1))
        if crash.rerunOnRecovery {
            // the interrupted attempt counts: the re-run is attempt 2, with the same key
            #expect(await script.contexts(of: "b").map(\.attempt) == [2])
            #expect(await script.contexts(of: "b").map(\.idempotencyKey) == ["s1:b"])
        }
    }

    @Test(arguments: [true, false])
    func aCrashMidStepIsRecoveredWithTheSameIdempotencyKeys(rerun: Bool) async throws {
        let script = Script(clock: clock)
        await script.plan("b", .hang)
        var options = StepOptions()
        options.rerunOnRecovery = rerun
        let definition = makeDefinition(script: script, options: options)
        let first = try makeOrchestrator(definition, store: store, clock: clock)
        // Crash: the run task is cancelled while b is in progress; nothing is written after that.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.run() }
            try await first.submit(id: "s1", state: TestState())
            await eventually("b started") { await script.calls.contains("b") }
            group.cancelAll()
            try await group.waitForAll()
        }
        let left = try #require(await store.load(id: "s1"))
        #expect(left.phase == .running)
        #expect(left.steps.map(\.state) == [.succeeded, .running, .pending])

        let second = try makeOrchestrator(definition, store: store, clock: clock)
        let outcome = try await withRunning(second) {
            await recovered(second)
            return try await second.outcome(of: "s1")
        }
        let keys = await script.contexts.map(\.idempotencyKey)
        if rerun {
            #expect(outcome.phase == .completed)
            #expect(await script.calls == ["a", "b", "b", "c", "on-completed"])
            #expect(keys == ["s1:a", "s1:b", "s1:b", "s1:c", "s1:on-completed"])
        } else {
            #expect(outcome.phase == .compensated)
            #expect(await script.calls == ["a", "b", "a:compensate", "on-compensated"])
            #expect(keys == ["s1:a", "s1:b", "s1:a:compensate", "s1:on-compensated"])
        }
    }

    @Test func stopFinishesTheCallInProgressAndStartsNoOther() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .delay(.seconds(10)))
        let definition = makeDefinition(script: script)
        let first = try makeOrchestrator(definition, store: store, clock: clock)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await first.run() }
            try await first.submit(id: "s1", state: TestState())
            await clock.waitForSleepers(count: 1)
            first.stop()
            clock.advance(by: .seconds(10))
            try await group.waitForAll()
        }
        #expect(await script.calls == ["a", "b"])
        let left = try #require(await store.load(id: "s1"))
        #expect(left.steps.map(\.state) == [.succeeded, .succeeded, .pending])
        await #expect(throws: SagaOrchestratorError.notFinished(saga: "test-saga", id: "s1", phase: .running)) {
            try await first.outcome(of: "s1")
        }
        await #expect(throws: SagaOrchestratorError.stopped(saga: "test-saga")) {
            try await first.submit(id: "s2", state: TestState())
        }

        let second = try makeOrchestrator(definition, store: store, clock: clock)
        let outcome = try await withRunning(second) {
            await recovered(second)
            return try await second.outcome(of: "s1")
        }
        #expect(outcome.phase == .completed)
        #expect(await script.calls == ["a", "b", "c", "on-completed"])
    }

    @Test func stopEndsABackoffSleepAtOnce() async throws {
        let script = Script(clock: clock)
        await script.plan("a", .transient)
        var options = StepOptions()
        options.backoff = .init(initial: .seconds(30), max: .seconds(30))
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script, options: options), store: store, clock: clock, unit: 1)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await orchestrator.run() }
            try await orchestrator.submit(id: "s1", state: TestState())
            await clock.waitForSleepers(count: 1)
            orchestrator.stop()
            try await group.waitForAll()
        }
        #expect(await script.calls == ["a"])
        let left = try #require(await store.load(id: "s1"))
        #expect(left.steps[0].state == .running)
        #expect(left.steps[0].lastError == "a unavailable")
    }

    @Test func aSagaChangedByAnotherInstanceIsAbandoned() async throws {
        let stale = crashedRecord(phase: .running, states: [.succeeded, .pending, .pending])
        var newer = stale
        newer.version += 1
        await store.put(newer)
        let script = Script(clock: clock)
        let events = EventRecorder()
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script), store: StaleReadStore(store: store, unfinished: [stale]), clock: clock,
            events: events)
        try await withRunning(orchestrator) {
            await eventually("abandoned") { orchestrator.counters().abandoned == 1 }
        }
        #expect(await script.calls.isEmpty)
        #expect(
            events.all.contains(
                .abandoned(
                    saga: "test-saga", id: "s1",
                    reason: SagaStoreError.versionConflict(id: "s1", expected: 5).description)))
    }

    @Test func onlyStaleSagasAreRecoveredAndTheSweepFindsThemLater() async throws {
        await store.put(crashedRecord(phase: .running, states: [.succeeded, .pending, .pending]))
        let script = Script(clock: clock)
        let configuration = SagaConfiguration(
            staleAfter: .seconds(60), sweepInterval: .seconds(30), random: .init { 0 })
        let orchestrator = try SagaOrchestrator(
            definition: makeDefinition(script: script), store: store, clock: clock, wallClock: wallClock(clock),
            configuration: configuration)
        let outcome = try await withRunning(orchestrator) {
            for _ in 0..<2 {
                await clock.waitForSleepers(count: 1)
                clock.advance(by: .seconds(30))
            }
            // at 60 s the record (updated at 0 s) is not yet older than 60 s
            await clock.waitForSleepers(count: 1)
            #expect(await script.calls.isEmpty)
            clock.advance(by: .seconds(30))
            await recovered(orchestrator)
            return try await orchestrator.outcome(of: "s1")
        }
        #expect(outcome.phase == .completed)
        #expect(await script.calls == ["b", "c", "on-completed"])
    }

    @Test func aRecordThatNoLongerMatchesTheDefinitionIsFailed() async throws {
        await store.put(crashedRecord(phase: .running, states: [.succeeded, .pending, .pending]))
        let script = Script(clock: clock)
        let orchestrator = try makeOrchestrator(
            makeDefinition(["a", "c"], script: script), store: store, clock: clock)
        let outcome = try await withRunning(orchestrator) {
            await recovered(orchestrator)
            return try await orchestrator.outcome(of: "s1")
        }
        guard case .failed(_, let reason) = outcome else { throw Unexpected(outcome.phase) }
        #expect(reason.contains("persisted with steps"))
        #expect(await script.calls == ["on-failed"])
    }
}

/// A store whose recovery query returns records read earlier, as a slower instance would have them.
struct StaleReadStore: SagaStore {
    let store: InMemorySagaStore
    let unfinished: [SagaRecord]

    func create(_ saga: SagaRecord) async throws { try await store.create(saga) }
    func update(_ saga: SagaRecord, step: Int?, expectedVersion: Int64) async throws {
        try await store.update(saga, step: step, expectedVersion: expectedVersion)
    }
    func load(id: String) async throws -> SagaRecord? { await store.load(id: id) }
    func loadUnfinished(name: String, updatedBefore: Date?, limit: Int?) async throws -> [SagaRecord] { unfinished }
    func countByPhase(name: String) async throws -> [SagaPhase: Int] { await store.countByPhase(name: name) }
}

/// Waits until the orchestrator's recovery took over a saga (``SagaOrchestrator/outcome(of:)`` waits only
/// for sagas this instance drives).
func recovered(_ orchestrator: SagaOrchestrator<TestState, ManualClock>) async {
    await eventually("a saga recovered") { orchestrator.counters().recovered >= 1 }
}
