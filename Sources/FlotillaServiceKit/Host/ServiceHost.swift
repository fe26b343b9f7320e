import AsyncHTTPClient
import FlotillaContracts
import FlotillaSpec
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// Everything one service instance runs: the public server (the service's routes behind the
/// kit's middleware), the admin server (health, metrics, status, admin calls), the client for
/// its dependencies, and its background work. A service's own code only registers routes on
/// ``routes`` and adds background services; tests build a host in-process on port 0.
public final class ServiceHost: Sendable {
    /// The configuration it was built from.
    public let configuration: ServiceConfiguration
    /// Where the service registers its public routes.
    public let routes: ServiceRoutes
    /// Life-cycle phase and health checks.
    public let health: HealthMonitor
    /// The status snapshot, and the sections the service adds to it.
    public let status: StatusReporter
    /// Client for the service's dependencies.
    public let client: ServiceClient
    /// The instance's recent notable events.
    public let events: EventLog
    /// A logger labelled with the service name.
    public let logger: Logger
    let adminRoutes: ServiceRoutes
    let ports = BoundPorts()
    let background = Mutex<[any Service]>([])
    let startedAt = Date()
    let eventHandlers = EventHandlers()
    let eventRouting: EventRouting
    let outboxWakeup = OutboxWakeup()

    /// Builds a host: middleware, admin routes, dependency pipelines from the spec.
    public init(configuration: ServiceConfiguration, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.eventRouting = EventRouting(system: configuration.system)
        Observability.bootstrapMetrics()
        var logger = Logger(label: configuration.serviceName)
        logger.logLevel = configuration.logLevel
        self.logger = logger
        let events = EventLog()
        let health = HealthMonitor()
        let traffic = TrafficWindow()
        let clock = MonotonicSeconds()
        let faults = FaultInjector()
        let table = RouteTable()
        let policies = DependencyPolicies(dependencies: configuration.spec?.dependencies ?? [], events: events)
        self.events = events
        self.health = health
        self.client = ServiceClient(
            http: httpClient, discovery: Discovery(mode: configuration.discovery), policies: policies)

        let router = Router(context: ServiceRequestContext.self)
        router.add(middleware: RequestIdentity())
        router.add(middleware: TrafficMiddleware(window: traffic, clock: clock))
        router.add(middleware: TracingMiddleware())
        router.add(middleware: ProblemMiddleware(routes: table))
        router.add(middleware: DeadlineMiddleware())
        router.add(middleware: FaultMiddleware(faults: faults))
        router.add(middleware: BodyLimitMiddleware(maxBytes: configuration.maxBodyBytes))
        self.routes = ServiceRoutes(router: router, table: table)

        let adminTable = RouteTable()
        let adminRouter = Router(context: ServiceRequestContext.self)
        adminRouter.add(middleware: RequestIdentity())
        adminRouter.add(middleware: ProblemMiddleware(routes: adminTable))
        adminRouter.add(middleware: BodyLimitMiddleware(maxBytes: 64 << 10))
        self.adminRoutes = ServiceRoutes(router: adminRouter, table: adminTable)

        let ports = self.ports
        let start = startedAt
        self.status = StatusReporter(
            identity: {
                let bound = ports.current
                return InstanceIdentity(
                    service: configuration.serviceName, instance: configuration.instanceID,
                    version: configuration.version,
                    environment: configuration.environment, pid: ProcessInfo.processInfo.processIdentifier,
                    startedAt: start,
                    uptimeSeconds: Date().timeIntervalSince(start),
                    httpPort: configuration.httpPort == nil ? nil : (bound.http ?? configuration.httpPort),
                    adminPort: bound.admin ?? configuration.adminPort)
            }, health: health, traffic: traffic, clock: clock, dependencies: policies, events: events, faults: faults)
        AdminRoutes(
            routes: adminRoutes, reporter: status, metrics: Observability.metrics, adminToken: configuration.adminToken
        ).register()
    }

    /// Adds background work (outbox relay, saga recovery …) that runs with the servers and is
    /// stopped at a safe point on shutdown, after the servers have drained.
    public func addBackground(_ service: any Service) { background.withLock { $0.append(service) } }

    /// The ports actually bound (useful with port 0), once the servers run.
    public var boundPorts: (http: Int?, admin: Int?) { ports.current }
}

/// The ports the servers actually bound, known once they run (they may be asked for port 0).
final class BoundPorts: Sendable {
    private let ports = Mutex<(http: Int?, admin: Int?)>((nil, nil))

    var current: (http: Int?, admin: Int?) { ports.withLock { $0 } }
    func setHTTP(_ port: Int?) { ports.withLock { $0.http = port } }
    func setAdmin(_ port: Int?) { ports.withLock { $0.admin = port } }
}
