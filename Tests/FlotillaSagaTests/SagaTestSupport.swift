import FlotillaResilience
import FlotillaSaga
import FlotillaTesting
import Foundation
import Synchronization
import Testing

/// The saga state of the tests: the steps whose actions returned, in order.
struct TestState: Codable, Sendable, Hashable {
    var done: [String] = []
}

/// What one scripted call does.
enum Outcome: Sendable {
    case succeed
    case decline
    case transient
    /// Sleeps on the manual clock until cancelled (by a timeout or a simulated crash).
    case hang
    /// Sleeps on the manual clock for the duration, then succeeds.
    case delay(Duration)
}

struct TransientFailure: Error, CustomStringConvertible {
    var call: String
    var description: String { "\(call) unavailable" }
}

/// Scripted outcomes per call (`a`, `a:compensate`, `on-completed`; success when nothing is planned)
/// and the log of every call made, with its context.
actor Script {
    let clock: ManualClock
    private var plans: [String: [Outcome]] = [:]
    private(set) var calls: [String] = []
    private(set) var contexts: [SagaContext] = []

    init(clock: ManualClock) {
        self.clock = clock
    }

    func plan(_ call: String, _ outcomes: Outcome...) { plans[call, default: []] += outcomes }

    func perform(_ call: String, _ context: SagaContext) async throws {
        calls.append(call)
        contexts.append(context)
        let outcome = plans[call]?.first ?? .succeed
        if plans[call]?.isEmpty == false { plans[call]?.removeFirst() }
        switch outcome {
        case .succeed: return
        case .decline: throw SagaDeclined("\(call) declined")
        case .transient: throw TransientFailure(call: call)
        case .hang: try await clock.sleep(for: .seconds(86_400))
        case .delay(let duration): try await clock.sleep(for: duration)
        }
    }

    /// Contexts of the calls named `call`.
    func contexts(of call: String) -> [SagaContext] {
        zip(calls, contexts).filter { $0.0 == call }.map(\.1)
    }
}

/// Step options the tests vary.
struct StepOptions: Sendable {
    var timeout: Duration? = nil
    var attempts = 3
    var compensationAttempts = 4
    var backoff = BackoffConfig(initial: .zero, max: .zero)
    var rerunOnRecovery = false
    var compensateOnFailure = false
    var withoutCompensation: Set<String> = []
}

/// A saga of steps `names` whose actions, compensations and hooks all go through `script`.
func makeDefinition(
    _ names: [String] = ["a", "b", "c"], script: Script, options: StepOptions = StepOptions(),
    hookAttempts: Int = 3
) -> SagaDefinition<TestState> {
    let steps = names.map { name -> SagaStep<TestState> in
        let action: SagaStep<TestState>.Action = { state, context in
            state.done.append(name)
            try await script.perform(name, context)
        }
        let compensation: SagaStep<TestState>.Compensation = { _, context in
            try await script.perform("\(name):compensate", context)
        }
        return SagaStep<TestState>(
            name, timeout: options.timeout,
            retry: SagaRetryPolicy(attempts: options.attempts, backoff: options.backoff),
            compensationRetry: SagaRetryPolicy(attempts: options.compensationAttempts, backoff: options.backoff),
            rerunOnRecovery: options.rerunOnRecovery, compensateOnFailure: options.compensateOnFailure,
            action: action, compensation: options.withoutCompensation.contains(name) ? nil : compensation)
    }
    return SagaDefinition(
        name: "test-saga", steps: steps,
        onCompleted: { _, context in try await script.perform("on-completed", context) },
        onCompensated: { _, context in try await script.perform("on-compensated", context) },
        onFailed: { _, context in try await script.perform("on-failed", context) },
        hookRetry: SagaRetryPolicy(attempts: hookAttempts, backoff: BackoffConfig(initial: .zero, max: .zero)),
        hookTimeout: nil)
}

/// The wall clock of the tests: a fixed date plus the manual clock's offset, in whole milliseconds.
func wallClock(_ clock: ManualClock) -> @Sendable () -> Date {
    { Date(timeIntervalSince1970: 1_700_000_000 + Double(clock.now.offset.components.seconds)) }
}

/// An orchestrator on the manual clock with jitter pinned to `unit` (0: no backoff sleeps).
func makeOrchestrator(
    _ definition: SagaDefinition<TestState>, store: any SagaStore, clock: ManualClock, maxConcurrent: Int = 4,
    unit: Double = 0, events: EventRecorder? = nil
) throws -> SagaOrchestrator<TestState, ManualClock> {
    var configuration = SagaConfiguration(maxConcurrent: maxConcurrent, random: RandomSource { unit })
    if let events { configuration.onEvent = { events.record($0) } }
    return try SagaOrchestrator(
        definition: definition, store: store, clock: clock, wallClock: wallClock(clock), configuration: configuration)
}

/// Runs the orchestrator while `body` runs, then stops it and waits for it to return.
func withRunning<R: Sendable>(
    _ orchestrator: SagaOrchestrator<TestState, ManualClock>, _ body: @Sendable () async throws -> R
) async throws -> R {
    try await withThrowingTaskGroup(of: R?.self) { group in
        group.addTask {
            try await orchestrator.run()
            return nil
        }
        let result = try await body()
        orchestrator.stop()
        try await group.waitForAll()
        return result
    }
}

/// The terminal phase an outcome stands for.
extension SagaOutcome {
    var phase: SagaPhase {
        switch self {
        case .completed: .completed
        case .compensated: .compensated
        case .failed: .failed
        }
    }
}

/// Collects events.
final class EventRecorder: Sendable {
    private let events = Mutex<[SagaEvent]>([])
    func record(_ event: SagaEvent) { events.withLock { $0.append(event) } }
    var all: [SagaEvent] { events.withLock { $0 } }
}

/// Waits (yielding, never sleeping) until `condition` holds; records an issue if it never does.
func eventually(
    _ what: Comment, sourceLocation: SourceLocation = #_sourceLocation, _ condition: @Sendable () async -> Bool
) async {
    for _ in 0..<200_000 {
        if await condition() { return }
        await Task.yield()
    }
    Issue.record("never happened: \(what)", sourceLocation: sourceLocation)
}

/// A saga record as a crash could have left it: steps `a`, `b`, `c` in `states`, each started one
/// attempt earlier, the state holding the steps whose action returned.
func crashedRecord(id: String = "s1", phase: SagaPhase, states: [SagaStepState]) -> SagaRecord {
    let names = ["a", "b", "c"]
    let start = wallClock(ManualClock())()
    let done = names.indices.filter { [.succeeded, .compensating, .compensated].contains(states[$0]) }.map { names[$0] }
    let steps = names.indices.map { index in
        SagaStepRecord(
            index: index, name: names[index], state: states[index], attempts: states[index] == .pending ? 0 : 1,
            idempotencyKey: SagaContext.actionKey(sagaID: id, step: names[index]),
            startedAt: states[index] == .pending ? nil : start, finishedAt: nil, lastError: nil)
    }
    let payload = "{\"done\":[" + done.map { "\"\($0)\"" }.joined(separator: ",") + "]}"
    return SagaRecord(
        id: id, name: "test-saga", phase: phase, currentStep: states.firstIndex { $0 != .succeeded } ?? 3,
        payload: payload, version: 5, createdAt: start, updatedAt: start,
        finishedAt: phase.isTerminal ? start : nil, lastError: phase == .running ? nil : "b: b declined", steps: steps)
}
