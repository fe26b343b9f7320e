import FlotillaContracts
import Foundation
import Synchronization

/// Assembles the instance's ``StatusSnapshot`` from its parts. Services add what only they know
/// (sagas, outbox, rate limiters) through ``StatusSections``.
public final class StatusReporter: Sendable {
    let identity: @Sendable () -> InstanceIdentity
    let health: HealthMonitor
    let traffic: TrafficWindow
    let clock: MonotonicSeconds
    let dependencies: DependencyPolicies
    let events: EventLog
    let faults: FaultInjector
    private let sections = Mutex(StatusSections())

    init(
        identity: @escaping @Sendable () -> InstanceIdentity, health: HealthMonitor, traffic: TrafficWindow,
        clock: MonotonicSeconds, dependencies: DependencyPolicies, events: EventLog, faults: FaultInjector
    ) {
        self.identity = identity
        self.health = health
        self.traffic = traffic
        self.clock = clock
        self.dependencies = dependencies
        self.events = events
        self.faults = faults
    }

    /// Adds or replaces service-specific sections.
    public func provide(_ update: (inout StatusSections) -> Void) { sections.withLock { update(&$0) } }

    /// The snapshot now.
    public func snapshot() async -> StatusSnapshot {
        let sections = self.sections.withLock { $0 }
        return StatusSnapshot(
            capturedAt: Date(), identity: identity(), health: await health.report(),
            traffic: traffic.snapshot(now: clock.now()),
            breakers: dependencies.breakers, rateLimiters: sections.rateLimiters?() ?? [],
            bulkheads: dependencies.bulkheads,
            retries: dependencies.retries, sagas: await sections.sagas?(), outbox: await sections.outbox?(),
            faults: faults.active.map { [$0] } ?? [], recentEvents: events.recent)
    }
}

/// Parts of the status snapshot that a particular service supplies.
public struct StatusSections: Sendable {
    /// The gateway's rate limiters.
    public var rateLimiters: (@Sendable () -> [RateLimiterStatus])?
    /// Sagas of an orchestrating service.
    public var sagas: (@Sendable () async -> SagaSummary?)?
    /// Outbox of a publishing service.
    public var outbox: (@Sendable () async -> OutboxStatus?)?

    /// No sections.
    public init() {}
}
