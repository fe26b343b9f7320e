import Foundation

extension SagaOrchestrator {
    /// Queues every unfinished saga of this definition not updated within ``SagaConfiguration/staleAfter``
    /// and not already driven here, oldest first. Called by ``run()`` at start-up and by the sweep.
    func recover() async throws {
        let staleAfter = configuration.staleAfter
        let cutoff = staleAfter > .zero ? environment.wallClock().addingTimeInterval(-staleAfter.timeInterval) : nil
        let unfinished = try await environment.store.loadUnfinished(name: name, updatedBefore: cutoff, limit: nil)
        for record in unfinished where queue.enqueue(record) {
            environment.emit(
                .recovered(
                    saga: name, id: record.id, phase: record.phase, move: SagaMove.next(for: record, in: definition)))
        }
    }

    /// Runs ``recover()`` every `interval` until stopped; a failing sweep is reported and retried next time.
    func sweep(every interval: Duration) async {
        let clock = environment.clock
        while await environment.stop.sleep(until: clock.now.advanced(by: interval), on: clock) {
            do {
                try await recover()
            } catch {
                environment.emit(.recoveryFailed(saga: name, error: SagaPayload.describe(error)))
            }
        }
    }
}

extension Duration {
    /// The duration in seconds, as `Date` arithmetic wants it.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
