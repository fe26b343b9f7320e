import FlotillaContracts
import FlotillaResilience
import FlotillaSpec
import Metrics
import Synchronization

/// One resilience pipeline per dependency of the service, built from the spec, with their state
/// exposed for the status snapshot, the metrics scrape and the admin API.
public final class DependencyPolicies: Sendable {
    /// Pipelines by dependency name.
    public let pipelines: [String: ResiliencePipeline<ContinuousClock>]
    /// Whether each dependency's calls may be retried when not idempotent.
    let retriesUnsafe: [String: Bool]
    private let retryCounts: Mutex<[String: Int]>

    /// Builds pipelines for `dependencies`, reporting breaker transitions to `events`.
    public init(dependencies: [DependencySpec], events: EventLog) {
        var pipelines: [String: ResiliencePipeline<ContinuousClock>] = [:]
        for dependency in dependencies {
            let name = dependency.service.value
            pipelines[name] = ResiliencePipeline(
                name: name, policy: dependency.policy.resiliencePolicy, clock: ContinuousClock(),
                onBreakerTransition: { transition in
                    events.record(
                        transition.to == .closed ? .info : .warning, kind: "breaker",
                        "breaker \(name): \(transition.from.rawValue) → \(transition.to.rawValue) (\(transition.reason.rawValue))"
                    )
                    Gauge(label: "flotilla_breaker_state", dimensions: [("dependency", name)])
                        .record(BreakerStateCode.code(of: transition.to))
                })
        }
        self.pipelines = pipelines
        self.retriesUnsafe = Dictionary(
            uniqueKeysWithValues: dependencies.map { ($0.service.value, $0.policy.retry.retriesUnsafeMethods) })
        self.retryCounts = Mutex([:])
    }

    /// Counts a retry towards `dependency` (for status and `flotilla_retries_total`).
    func recordRetry(_ dependency: String) {
        retryCounts.withLock { $0[dependency, default: 0] += 1 }
        Counter(label: "flotilla_retries_total", dimensions: [("dependency", dependency)]).increment()
    }

    /// Breaker states for the status snapshot, sorted by dependency.
    public var breakers: [BreakerStatus] {
        pipelines.keys.sorted().compactMap { name in
            guard let snapshot = pipelines[name]?.breaker?.snapshot() else { return nil }
            let state = BreakerStatus.State(rawValue: snapshot.state.rawValue) ?? .closed
            return BreakerStatus(
                dependency: name, state: state, failureRate: snapshot.failureRate / 100,
                slowCallRate: snapshot.slowCallRate / 100, calls: snapshot.calls, failures: snapshot.failures,
                slowCalls: snapshot.slowCalls, rejected: Int(snapshot.rejectedCalls), trips: Int(snapshot.totalTrips),
                nextProbeInMilliseconds: snapshot.timeUntilProbe.map {
                    Double($0.components.seconds) * 1000 + Double($0.components.attoseconds) / 1e15
                })
        }
    }

    /// Bulkhead states, sorted by dependency.
    public var bulkheads: [BulkheadStatus] {
        pipelines.keys.sorted().compactMap { name in
            guard let snapshot = pipelines[name]?.bulkhead?.snapshot() else { return nil }
            return BulkheadStatus(
                dependency: name, maxConcurrent: snapshot.maxConcurrent, inFlight: snapshot.running,
                queued: snapshot.queued,
                maxQueue: snapshot.maxQueue, rejected: Int(snapshot.counters.rejected + snapshot.counters.timedOut))
        }
    }

    /// Retry figures, sorted by dependency.
    public var retries: [RetryStatus] {
        let counts = retryCounts.withLock { $0 }
        return pipelines.keys.sorted().compactMap { name in
            guard let snapshot = pipelines[name]?.retrier?.snapshot() else { return nil }
            return RetryStatus(
                dependency: name, retries: counts[name] ?? 0, budgetRejections: Int(snapshot.budgetRefusals),
                budgetAvailable: Double(snapshot.budgetAvailable))
        }
    }
}

/// Numeric codes of breaker states for the `flotilla_breaker_state` gauge.
enum BreakerStateCode {
    /// 0 closed, 1 open, 2 half-open, 3 forced-open, 4 disabled.
    static func code(of state: CircuitState) -> Int {
        switch state {
        case .closed: 0
        case .open: 1
        case .halfOpen: 2
        case .forcedOpen: 3
        case .disabled: 4
        }
    }
}

extension DependencyPolicies {
    /// Sets the scrape-time gauges from the current snapshots: breaker state, bulkhead occupancy,
    /// retry budget. Counters (retries, rejections) are kept as events happen.
    func exportGauges() {
        for name in pipelines.keys {
            guard let pipeline = pipelines[name] else { continue }
            if let breaker = pipeline.breaker?.snapshot() {
                Gauge(label: "flotilla_breaker_state", dimensions: [("dependency", name)]).record(
                    BreakerStateCode.code(of: breaker.state))
                Gauge(label: "flotilla_breaker_rejected_calls", dimensions: [("dependency", name)]).record(
                    Int(breaker.rejectedCalls))
            }
            if let bulkhead = pipeline.bulkhead?.snapshot() {
                Gauge(label: "flotilla_bulkhead_in_flight", dimensions: [("dependency", name)]).record(bulkhead.running)
                Gauge(label: "flotilla_bulkhead_queued", dimensions: [("dependency", name)]).record(bulkhead.queued)
            }
            if let retry = pipeline.retrier?.snapshot() {
                Gauge(label: "flotilla_retry_budget_available", dimensions: [("dependency", name)]).record(
                    retry.budgetAvailable)
            }
        }
    }
}
