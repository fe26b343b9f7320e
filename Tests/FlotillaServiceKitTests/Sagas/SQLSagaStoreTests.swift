import FlotillaResilience
import FlotillaSaga
import FlotillaServiceKit
import FlotillaStore
import FlotillaTesting
import Foundation
import Testing

@Suite("SQLSagaStore on SQLite and PostgreSQL")
struct SQLSagaStoreTests {
    @Test(arguments: TestDatabases.engines)
    func createsLoadsAndRefusesDuplicates(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            let record = sagaRecord(id: "o-1")
            try await store.create(record)
            #expect(try await store.load(id: "o-1") == record)
            #expect(try await store.load(id: "o-2") == nil)
            await #expect(throws: SagaStoreError.duplicate(id: "o-1")) { try await store.create(record) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func updatesTheSagaAndOneStepAtTheExpectedVersion(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            var record = sagaRecord(id: "o-1")
            try await store.create(record)
            record.version = 1
            record.phase = .compensating
            record.lastError = "charge: declined"
            record.payload = #"{"done":["reserve"]}"#
            record.updatedAt = sagaDate(5_000)
            record.steps[1].state = .failed
            record.steps[1].attempts = 1
            record.steps[1].startedAt = sagaDate(4_000)
            record.steps[1].finishedAt = sagaDate(5_000)
            record.steps[1].lastError = "declined"
            // a change to a step not named in the call is not written
            var unwritten = record
            unwritten.steps[0].attempts = 99
            try await store.update(unwritten, step: 1, expectedVersion: 0)
            #expect(try await store.load(id: "o-1") == record)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aStaleVersionLosesAndWritesNothing(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            var record = sagaRecord(id: "o-1")
            try await store.create(record)
            record.version = 1
            record.steps[0].state = .running
            try await store.update(record, step: 0, expectedVersion: 0)
            var stale = record
            stale.version = 1
            stale.phase = .compensating
            stale.steps[0].state = .failed
            await #expect(throws: SagaStoreError.versionConflict(id: "o-1", expected: 0)) {
                try await store.update(stale, step: 0, expectedVersion: 0)
            }
            #expect(try await store.load(id: "o-1") == record)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func twoInstancesResumingTheSameSagaOnlyOneWins(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            try await store.create(sagaRecord(id: "o-1"))
            let results = await withTaskGroup(of: Bool.self) { group in
                for instance in 0..<4 {
                    group.addTask {
                        var claim = sagaRecord(id: "o-1")
                        claim.version = 1
                        claim.steps[0].state = .running
                        claim.steps[0].lastError = "instance \(instance)"
                        return (try? await store.update(claim, step: 0, expectedVersion: 0)) != nil
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await store.load(id: "o-1")?.version == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func listsUnfinishedOldestFirstAndCountsPhases(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            try await store.create(sagaRecord(id: "new", createdAt: 3_000))
            try await store.create(sagaRecord(id: "old", createdAt: 1_000))
            try await store.create(sagaRecord(id: "other", name: "refund", createdAt: 500))
            var done = sagaRecord(id: "done", createdAt: 2_000)
            done.phase = .completed
            done.finishedAt = sagaDate(2_500)
            try await store.create(done)
            #expect(
                try await store.loadUnfinished(name: "place-order", updatedBefore: nil, limit: nil).map(\.id) == [
                    "old", "new",
                ])
            #expect(
                try await store.loadUnfinished(name: "place-order", updatedBefore: nil, limit: 1).map(\.id) == ["old"])
            #expect(
                try await store.loadUnfinished(name: "place-order", updatedBefore: sagaDate(2_000), limit: nil).map(
                    \.id)
                    == ["old"])
            #expect(
                try await store.loadUnfinished(name: "place-order", updatedBefore: nil, limit: nil).first?.steps.count
                    == 3)
            #expect(try await store.countByPhase(name: "place-order") == [.running: 2, .completed: 1])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anOrchestratorCompensatesAndRecoversOnTheDatabase(_ engine: DatabaseEngine) async throws {
        try await withSagaStore(engine) { store in
            let calls = SagaCallLog()
            let definition = SagaDefinition<[String]>(
                name: "place-order",
                steps: ["reserve", "charge", "confirm"].map { name in
                    SagaStep(name, timeout: nil, retry: .once) { state, context in
                        await calls.append(context.idempotencyKey)
                        if name == "charge" && context.sagaID == "o-1" { throw SagaDeclined("card declined") }
                        state.append(name)
                    } compensation: { _, context in
                        await calls.append(context.idempotencyKey)
                    }
                })
            func orchestrator() throws -> SagaOrchestrator<[String], ContinuousClock> {
                try SagaOrchestrator(
                    definition: definition, store: store, clock: ContinuousClock(), wallClock: { Date() },
                    configuration: SagaConfiguration(random: RandomSource { 0 }))
            }
            // o-2 is persisted by an instance that dies before running it: the next one recovers it
            try await orchestrator().submit(id: "o-2", state: [])
            let next = try orchestrator()
            try await next.submit(id: "o-1", state: [])
            async let running: Void = next.run()
            let outcome = try await next.outcome(of: "o-1")
            while next.counters().recovered == 0 { await Task.yield() }
            let recovered = try await next.outcome(of: "o-2")
            next.stop()
            try await running
            guard case .completed(let recoveredState) = recovered else {
                Issue.record("expected o-2 completed, got \(recovered)")
                return
            }
            #expect(recoveredState == ["reserve", "charge", "confirm"])
            guard case .compensated(let state, let reason) = outcome else {
                Issue.record("expected compensated, got \(outcome)")
                return
            }
            #expect(state == ["reserve"])
            #expect(reason == "charge: card declined")
            #expect(
                await calls.keys.filter { $0.hasPrefix("o-1") } == [
                    "o-1:reserve", "o-1:charge", "o-1:reserve:compensate",
                ])
            #expect(await calls.keys.filter { $0.hasPrefix("o-2") } == ["o-2:reserve", "o-2:charge", "o-2:confirm"])
            let stored = try #require(try await store.load(id: "o-1"))
            #expect(stored.phase == .compensated)
            #expect(stored.steps.map(\.state) == [.compensated, .failed, .pending])
            let summary = try await next.summary()
            #expect(summary.compensated == 1)
            #expect(summary.completed == 1)
            #expect(summary.inFlightCount == 0)
        }
    }
}

/// Keys of the calls a test saga made.
actor SagaCallLog {
    private(set) var keys: [String] = []
    func append(_ key: String) { keys.append(key) }
}

/// A fresh, migrated database of `engine` with a store on it.
func withSagaStore(_ engine: DatabaseEngine, _ body: (SQLSagaStore) async throws -> Void) async throws {
    try await TestDatabases.withFresh(engine) { fresh in
        let database = try await Database.open(fresh.configuration, logger: TestDatabases.logger)
        do {
            _ = try await database.migrate([])
            try await body(SQLSagaStore(database: database))
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// A date `milliseconds` after a fixed origin (whole milliseconds, as the tables store them).
func sagaDate(_ milliseconds: Int64) -> Date {
    Date(timeIntervalSince1970: 1_700_000_000 + Double(milliseconds) / 1000)
}

/// A new `place-order` saga record with three pending steps.
func sagaRecord(id: String, name: String = "place-order", createdAt: Int64 = 1_000) -> SagaRecord {
    let steps = ["reserve", "charge", "confirm"].enumerated().map { index, step in
        SagaStepRecord(
            index: index, name: step, state: .pending, attempts: 0,
            idempotencyKey: SagaContext.actionKey(sagaID: id, step: step), startedAt: nil, finishedAt: nil,
            lastError: nil)
    }
    return SagaRecord(
        id: id, name: name, phase: .running, currentStep: 0, payload: "[]", version: 0, createdAt: sagaDate(createdAt),
        updatedAt: sagaDate(createdAt), steps: steps)
}
