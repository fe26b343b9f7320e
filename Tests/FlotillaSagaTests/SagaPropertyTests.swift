import FlotillaSaga
import FlotillaTesting
import PropertyBased
import Testing

@Suite("Saga invariants (property-based)")
struct SagaPropertyTests {
    /// For random scripts (per step: succeed, decline, transient then succeed, always transient; with or
    /// without a compensation; compensations flaky or not): the saga completes iff every step succeeded,
    /// and the compensations run are exactly the completed steps' in reverse.
    @Test func completesIffEveryStepSucceedsAndCompensatesInReverse() async {
        await propertyCheck(
            input: Gen.int(in: 0...3).array(of: 1...6), Gen.bool.array(of: 6), Gen.bool.array(of: 6)
        ) { outcomes, compensable, flaky in
            let clock = ManualClock()
            let script = Script(clock: clock)
            let names = outcomes.indices.map { "s\($0)" }
            for (name, code) in zip(names, outcomes) {
                switch code {
                case 1: await script.plan(name, .decline)
                case 2: await script.plan(name, .transient)
                case 3: await script.plan(name, .transient, .transient, .transient)
                default: break
                }
            }
            for (name, isFlaky) in zip(names, flaky) where isFlaky {
                await script.plan("\(name):compensate", .transient, .transient)
            }
            var options = StepOptions()
            options.withoutCompensation = Set(zip(names, compensable).filter { !$0.1 }.map(\.0))
            let failing = outcomes.firstIndex { $0 == 1 || $0 == 3 }
            do {
                let orchestrator = try makeOrchestrator(
                    makeDefinition(names, script: script, options: options), store: InMemorySagaStore(), clock: clock)
                let outcome = try await withRunning(orchestrator) {
                    try await orchestrator.submit(id: "p", state: TestState())
                    return try await orchestrator.outcome(of: "p")
                }
                #expect((outcome.phase == .completed) == (failing == nil))
                // nothing is compensated when every step succeeded
                let completed = failing.map { names[..<$0] } ?? []
                let expected = completed.reversed().filter { !options.withoutCompensation.contains($0) }
                let compensations = await script.calls.filter { $0.hasSuffix(":compensate") }
                    .map { String($0.dropLast(":compensate".count)) }
                // a flaky compensation is called more than once; the distinct sequence is the reverse order
                #expect(
                    compensations.reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } } == Array(expected))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
