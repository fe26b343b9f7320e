import FlotillaSaga
import Metrics
import Synchronization

/// Maps one saga definition's events to swift-metrics (exported by the admin port's `/metrics`):
///
/// - `flotilla_sagas_total{saga,outcome}` — sagas that reached `completed`, `compensated` or `failed`;
/// - `flotilla_sagas_in_flight{saga}` — sagas this instance is driving or has queued
///   (+1 on submit or recovery, −1 when finished or abandoned);
/// - `flotilla_saga_step_duration_seconds{saga,step,kind,outcome}` — each action, compensation or hook,
///   all attempts and backoff included (`kind` action/compensation/hook, `outcome` succeeded/failed);
/// - `flotilla_saga_retries_total{saga}` — retried attempts.
final class SagaMetrics: Sendable {
    private let saga: String
    private let inFlight: Gauge
    private let retries: Counter
    private let driving = Mutex(0)

    init(saga: String) {
        self.saga = saga
        inFlight = Gauge(label: "flotilla_sagas_in_flight", dimensions: [("saga", saga)])
        retries = Counter(label: "flotilla_saga_retries_total", dimensions: [("saga", saga)])
        inFlight.record(0)
    }

    /// Records `event`.
    func record(_ event: SagaEvent) {
        switch event {
        case .submitted, .recovered: adjustInFlight(by: 1)
        case .abandoned: adjustInFlight(by: -1)
        case .finished(_, _, let phase, _):
            adjustInFlight(by: -1)
            Counter(label: "flotilla_sagas_total", dimensions: [("saga", saga), ("outcome", phase.rawValue)])
                .increment()
        case .retrying: retries.increment()
        case .callFinished(let report):
            Timer(
                label: "flotilla_saga_step_duration_seconds",
                dimensions: [
                    ("saga", saga), ("step", report.call), ("kind", report.kind.rawValue),
                    ("outcome", report.succeeded ? "succeeded" : "failed"),
                ]
            ).recordNanoseconds(report.duration.nanoseconds)
        case .recoveryFailed: return
        }
    }

    private func adjustInFlight(by delta: Int) {
        let now = driving.withLock { count -> Int in
            count = max(0, count + delta)
            return count
        }
        inFlight.record(now)
    }
}
