import FlotillaContracts
import Foundation

/// A fully populated snapshot with fixed values, as an orders instance in the middle of work.
enum SampleSnapshot {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    static let value = StatusSnapshot(
        capturedAt: start.addingTimeInterval(3_600.25),
        identity: InstanceIdentity(
            service: "orders", instance: "orders-7f3a9c", version: "0.1.0", environment: "local", pid: 4242,
            startedAt: start, uptimeSeconds: 3_600.25, httpPort: 8083, adminPort: 9083),
        health: HealthReport(
            status: .degraded,
            checks: [
                HealthCheckResult(name: "database", passed: true, critical: true, latencyMilliseconds: 0.4),
                HealthCheckResult(
                    name: "dependency:payments", passed: false, critical: false, latencyMilliseconds: 2.1,
                    detail: "breaker open"),
            ]),
        traffic: TrafficSnapshot(
            windowSeconds: 60, requests: 1_200, errors: 12, inFlight: 3, totalRequests: 98_000,
            latency: LatencySummary(p50: 4.2, p90: 11.5, p99: 38),
            routes: [
                RouteTraffic(
                    method: "POST", route: "/orders", requests: 700, errors: 12,
                    latency: LatencySummary(p50: 6.1, p90: 14, p99: 41)),
                RouteTraffic(
                    method: "GET", route: "/orders/{id}", requests: 500, errors: 0,
                    latency: LatencySummary(p50: 1.9, p90: 3.2, p99: 7.7)),
            ]),
        breakers: [
            BreakerStatus(
                dependency: "payments", state: .open, failureRate: 0.62, slowCallRate: 0, calls: 100, failures: 62,
                slowCalls: 0, rejected: 17, trips: 2, nextProbeInMilliseconds: 3_400)
        ],
        rateLimiters: [],
        bulkheads: [
            BulkheadStatus(dependency: "products", maxConcurrent: 64, inFlight: 2, queued: 0, maxQueue: 64, rejected: 0)
        ],
        retries: [RetryStatus(dependency: "payments", retries: 31, budgetRejections: 4, budgetAvailable: 2.5)],
        sagas: SagaSummary(
            inFlight: [
                SagaInstanceStatus(
                    id: "c0ffee00-0000-4000-8000-000000000001", saga: "place-order", phase: "compensating",
                    startedAt: start.addingTimeInterval(3_598),
                    steps: [
                        SagaStepStatus(
                            name: "reserve-inventory", state: "compensating", attempts: 2, durationMilliseconds: 12),
                        SagaStepStatus(
                            name: "charge-payment", state: "failed", attempts: 3, durationMilliseconds: 2_100),
                        SagaStepStatus(name: "confirm-order", state: "pending", attempts: 0, durationMilliseconds: nil),
                    ])
            ],
            inFlightCount: 1, completed: 840, compensated: 57, failed: 0, oldestInFlightSeconds: 2.25),
        outbox: OutboxStatus(
            subscribers: [
                SubscriberBacklog(
                    subscriber: "notifications", pending: 4, oldestPendingSeconds: 0.8, delivered: 897, deadLetters: 0)
            ],
            deadLetters: 0),
        faults: [],
        recentEvents: [
            StatusEvent(
                time: start.addingTimeInterval(3_596.5), level: .warning, kind: "breaker",
                message: "breaker payments: closed → open (failure rate 62%)")
        ])
}
