import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

extension ServiceHost {
    /// The public server, for tests (`app.test(.router)`) and for ``run(extraServices:gracefulShutdownSignals:)``.
    public func publicApplication() -> Application<RouterResponder<ServiceRequestContext>> {
        let ports = self.ports
        let health = self.health
        return Application(
            router: routes.router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.httpPort ?? 0), serverName: nil),
            onServerRunning: { channel in
                ports.setHTTP(channel.localAddress?.port)
                health.enter(.running)
            },
            logger: logger)
    }

    /// The admin server.
    public func adminApplication() -> Application<RouterResponder<ServiceRequestContext>> {
        let ports = self.ports
        let health = self.health
        let isWorker = configuration.httpPort == nil
        return Application(
            router: adminRoutes.router,
            configuration: ApplicationConfiguration(
                address: .hostname(configuration.host, port: configuration.adminPort), serverName: nil),
            onServerRunning: { channel in
                ports.setAdmin(channel.localAddress?.port)
                if isWorker { health.enter(.running) }
            },
            logger: logger)
    }

    /// Runs the servers and background work until a shutdown signal, then shuts down in order:
    /// readiness turns false at once, the public server stops accepting and finishes in-flight
    /// requests (up to the drain timeout), then background work stops at a safe point, then the
    /// admin server and `extraServices` (e.g. the trace exporter, which flushes last).
    public func run(extraServices: [any Service] = [], gracefulShutdownSignals: [UnixSignal] = [.sigterm, .sigint])
        async throws
    {
        var services: [any Service] = extraServices
        services.append(adminApplication())
        services.append(contentsOf: background.withLock { $0 })
        if configuration.httpPort != nil { services.append(publicApplication()) }
        services.append(DrainGate(health: health, events: events, logger: logger))
        var group = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: gracefulShutdownSignals, logger: logger)
        group.maximumGracefulShutdownDuration = configuration.drainTimeout
        try await ServiceGroup(configuration: group).run()
    }
}

/// The first service to stop: it flips readiness to draining the moment shutdown begins, before
/// the servers close, so load balancers and the supervisor stop sending new work.
struct DrainGate: Service {
    let health: HealthMonitor
    let events: EventLog
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        health.enter(.draining)
        events.record(.info, kind: "lifecycle", "shutdown requested: draining")
        logger.notice("shutdown requested: draining in-flight work")
    }
}
