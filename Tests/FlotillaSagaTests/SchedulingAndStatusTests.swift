import FlotillaContracts
import FlotillaSaga
import FlotillaTesting
import Foundation
import Testing

/// Counts actions inside at once and holds them until opened.
actor Gate {
    private(set) var inside = 0
    private(set) var mostInside = 0
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func pass() async {
        inside += 1
        mostInside = max(mostInside, inside)
        if !isOpen { await withCheckedContinuation { waiters.append($0) } }
        inside -= 1
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

@Suite("Scheduling, status and counters")
struct SchedulingAndStatusTests {
    let clock = ManualClock()
    let store = InMemorySagaStore()

    @Test func atMostMaxConcurrentSagasRunAndTheRestWait() async throws {
        let gate = Gate()
        let definition = SagaDefinition<TestState>(
            name: "gated", steps: [SagaStep("wait", timeout: nil) { _, _ in await gate.pass() }])
        let orchestrator = try SagaOrchestrator(
            definition: definition, store: store, clock: clock, wallClock: wallClock(clock),
            configuration: SagaConfiguration(maxConcurrent: 2))
        try await withRunning(orchestrator) {
            for index in 0..<6 { try await orchestrator.submit(id: "s\(index)", state: TestState()) }
            await eventually("two inside") { await gate.inside == 2 }
            for _ in 0..<1_000 { await Task.yield() }
            #expect(await gate.inside == 2)
            #expect(orchestrator.counters().running == 2)
            #expect(orchestrator.counters().queued == 4)
            await gate.open()
            for index in 0..<6 { #expect(try await orchestrator.outcome(of: "s\(index)").phase == .completed) }
        }
        #expect(await gate.mostInside == 2)
        #expect(orchestrator.counters().completed == 6)
    }

    @Test func submittingAKnownIdIsRefused() async throws {
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: Script(clock: clock)), store: store, clock: clock)
        try await orchestrator.submit(id: "s1", state: TestState())
        await #expect(throws: SagaStoreError.duplicate(id: "s1")) {
            try await orchestrator.submit(id: "s1", state: TestState())
        }
        await #expect(throws: SagaOrchestratorError.unknownSaga(saga: "test-saga", id: "nope")) {
            try await orchestrator.outcome(of: "nope")
        }
    }

    @Test func runTwiceIsRefused() async throws {
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: Script(clock: clock)), store: store, clock: clock)
        try await withRunning(orchestrator) {
            // once a saga finished, the first run() is dispatching
            try await orchestrator.submit(id: "s1", state: TestState())
            _ = try await orchestrator.outcome(of: "s1")
            await #expect(throws: SagaOrchestratorError.alreadyRunning(saga: "test-saga")) {
                try await orchestrator.run()
            }
        }
    }

    @Test func invalidDefinitionsAreRefused() throws {
        let script = Script(clock: clock)
        #expect(throws: SagaDefinitionError.duplicateStep(saga: "test-saga", step: "a")) {
            try makeOrchestrator(makeDefinition(["a", "a"], script: script), store: store, clock: clock)
        }
        #expect(throws: SagaDefinitionError.reservedStepName(saga: "test-saga", step: "on-completed")) {
            try makeOrchestrator(makeDefinition(["on-completed"], script: script), store: store, clock: clock)
        }
        #expect(throws: SagaDefinitionError.noSteps(saga: "test-saga")) {
            try makeOrchestrator(makeDefinition([], script: script), store: store, clock: clock)
        }
        #expect(throws: SagaDefinitionError.invalidConcurrency(saga: "test-saga", limit: 0)) {
            try makeOrchestrator(makeDefinition(script: script), store: store, clock: clock, maxConcurrent: 0)
        }
    }

    @Test func summaryShowsStepsAttemptsTimingAndCounts() async throws {
        let base = wallClock(clock)()
        await store.put(crashedRecord(id: "done", phase: .completed, states: [.succeeded, .succeeded, .succeeded]))
        await store.put(
            crashedRecord(id: "undone", phase: .compensated, states: [.compensated, .compensated, .failed]))
        await store.put(crashedRecord(id: "stuck", phase: .failed, states: [.succeeded, .compensationFailed, .failed]))
        var running = crashedRecord(id: "live", phase: .running, states: [.succeeded, .running, .pending])
        running.steps[0].finishedAt = base.addingTimeInterval(2)
        await store.put(running)
        var backward = crashedRecord(id: "back", phase: .compensating, states: [.compensating, .failed, .pending])
        backward.createdAt = base.addingTimeInterval(5)
        await store.put(backward)
        clock.advance(by: .seconds(10))
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: Script(clock: clock)), store: store, clock: clock)

        let summary = try await orchestrator.summary()
        #expect(summary.completed == 1)
        #expect(summary.compensated == 1)
        #expect(summary.failed == 1)
        #expect(summary.inFlightCount == 2)
        #expect(summary.oldestInFlightSeconds == 10)
        #expect(summary.inFlight.map(\.id) == ["live", "back"])
        let live = try #require(summary.inFlight.first)
        #expect(live.phase == "running")
        #expect(live.saga == "test-saga")
        #expect(live.startedAt == base)
        #expect(
            live.steps == [
                SagaStepStatus(name: "a", state: "succeeded", attempts: 1, durationMilliseconds: 2_000),
                SagaStepStatus(name: "b", state: "running", attempts: 1, durationMilliseconds: 10_000),
                SagaStepStatus(name: "c", state: "pending", attempts: 0, durationMilliseconds: nil),
            ])
        #expect(summary.inFlight[1].phase == "compensating")
        #expect(try await orchestrator.summary(limit: 1).inFlight.count == 1)
    }

    @Test func eventsReportCallsRetriesAndOutcomes() async throws {
        let script = Script(clock: clock)
        await script.plan("b", .transient)
        await script.plan("c", .decline)
        let events = EventRecorder()
        let orchestrator = try makeOrchestrator(
            makeDefinition(script: script), store: store, clock: clock, events: events)
        _ = try await withRunning(orchestrator) {
            try await orchestrator.submit(id: "s1", state: TestState())
            return try await orchestrator.outcome(of: "s1")
        }
        let reports = events.all.compactMap { event -> SagaCallReport? in
            if case .callFinished(let report) = event { return report }
            return nil
        }
        #expect(reports.map(\.call) == ["a", "b", "c", "b", "a", "on-compensated"])
        #expect(reports.map(\.kind) == [.action, .action, .action, .compensation, .compensation, .hook])
        #expect(reports.map(\.succeeded) == [true, true, false, true, true, true])
        #expect(reports.map(\.attempts) == [1, 2, 1, 1, 1, 1])
        #expect(events.all.first == .submitted(saga: "test-saga", id: "s1"))
        #expect(
            events.all.contains(
                .retrying(saga: "test-saga", id: "s1", call: "b", attempt: 1, delay: .zero, error: "b unavailable")))
        #expect(events.all.last == .finished(saga: "test-saga", id: "s1", phase: .compensated, reason: "c: c declined"))
        let counters = orchestrator.counters()
        #expect(counters.submitted == 1)
        #expect(counters.compensated == 1)
        #expect(counters.retries == 1)
        #expect(counters.running == 0)
    }
}
