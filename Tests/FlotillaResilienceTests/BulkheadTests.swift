import FlotillaResilience
import FlotillaTesting
import Synchronization
import Testing

@Suite("Bulkhead")
struct BulkheadTests {
    @Test func machineQueuesThenRejectsAndHandsOffInOrder() {
        var machine = BulkheadMachine<String>(config: BulkheadConfig(maxConcurrent: 2, maxQueue: 2))
        do {
            let result = machine.tryAcquire()
            #expect(result)
        }
        do {
            let result = machine.tryAcquire()
            #expect(result)
        }
        do {
            let result = machine.tryAcquire()
            #expect(!result)
        }
        guard case .queued = machine.enqueue(id: 1, waiter: "first") else {
            Issue.record("not queued")
            return
        }
        guard case .queued = machine.enqueue(id: 2, waiter: "second") else {
            Issue.record("not queued")
            return
        }
        guard case .rejected = machine.enqueue(id: 3, waiter: "third") else {
            Issue.record("not rejected")
            return
        }
        #expect(machine.isFull)
        #expect(machine.release() == "first")  // the slot passes straight to the oldest waiter
        #expect(machine.running == 2)
        #expect(machine.timeOut(id: 2) == "second")
        #expect(machine.timeOut(id: 2) == nil)
        #expect(machine.release() == nil)
        #expect(machine.running == 1)
        let snapshot = machine.snapshot()
        #expect(snapshot.counters == .init(admitted: 3, rejected: 1, timedOut: 1))
    }

    @Test func queuedCallTimesOutOnTheManualClock() async throws {
        let clock = ManualClock()
        let bulkhead = Bulkhead(name: "db", config: BulkheadConfig(maxConcurrent: 1, maxQueue: 1), clock: clock)
        try await bulkhead.acquire()
        let waiter = Task { try await bulkhead.run { 42 } }
        await clock.waitForSleepers()
        #expect(bulkhead.snapshot().queued == 1)
        await #expect(throws: ResilienceError.bulkheadFull(name: "db", maxConcurrent: 1, maxQueue: 1)) {
            try await bulkhead.run { 0 }
        }
        clock.advance(by: .milliseconds(100))
        await #expect(throws: ResilienceError.bulkheadQueueTimeout(name: "db", waited: .milliseconds(100))) {
            try await waiter.value
        }
        bulkhead.release()
        #expect(bulkhead.snapshot().running == 0)
    }

    @Test func releaseHandsTheSlotToTheWaiter() async throws {
        let clock = ManualClock()
        let bulkhead = Bulkhead(name: "db", config: BulkheadConfig(maxConcurrent: 1, maxQueue: 1), clock: clock)
        try await bulkhead.acquire()
        let waiter = Task { try await bulkhead.run { 42 } }
        await clock.waitForSleepers()
        bulkhead.release()
        #expect(try await waiter.value == 42)
        #expect(bulkhead.snapshot().running == 0)
    }

    @Test func cancelledWaiterLeavesTheQueue() async throws {
        let clock = ManualClock()
        let bulkhead = Bulkhead(name: "db", config: BulkheadConfig(maxConcurrent: 1, maxQueue: 1), clock: clock)
        try await bulkhead.acquire()
        let waiter = Task { try await bulkhead.run { 42 } }
        await clock.waitForSleepers()
        waiter.cancel()
        await #expect(throws: CancellationError.self) { try await waiter.value }
        #expect(bulkhead.snapshot().queued == 0)
        bulkhead.release()
    }
}

extension BulkheadSnapshot.Counters {
    init(admitted: UInt64, rejected: UInt64, timedOut: UInt64) {
        self.init()
        self.admitted = admitted
        self.rejected = rejected
        self.timedOut = timedOut
    }
}
