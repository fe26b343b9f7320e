import AsyncHTTPClient
import FlotillaContracts
import FlotillaStore
import Foundation
import Logging
import Metrics
import NIOCore
import ServiceLifecycle
import Synchronization

/// Delivers the service's outbox events to their subscribers (`POST /_events` on each subscriber's
/// public port), woken by this process's own publishes, by PostgreSQL `LISTEN/NOTIFY` (any
/// instance's commits), and by polling; retries with backoff
/// (``OutboxRelaySettings``), keeps per-aggregate order, dead-letters what keeps failing. Runs as
/// background work; on shutdown it finishes the round in progress and stops.
final class OutboxRelay: Service, Sendable {
    let database: Database
    let http: HTTPClient
    let discovery: Discovery
    let wakeup: OutboxWakeup
    let settings: OutboxRelaySettings
    let source: String
    let events: EventLog
    let logger: Logger
    private let balancers = Mutex<[String: LoadBalancer]>([:])

    init(
        database: Database, http: HTTPClient, discovery: Discovery, wakeup: OutboxWakeup,
        settings: OutboxRelaySettings, source: String, events: EventLog, logger: Logger
    ) {
        self.database = database
        self.http = http
        self.discovery = discovery
        self.wakeup = wakeup
        self.settings = settings
        self.source = source
        self.events = events
        self.logger = logger
    }

    func run() async throws {
        let stopping = Atomic(false)
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                if database.engine == .postgres { group.addTask { await self.listenForAppends() } }
                while !stopping.load(ordering: .relaxed), !Task.isCancelled {
                    let claimed = await self.deliverOneRound()
                    if claimed < self.settings.batchSize { await self.wakeup.wait(timeout: self.settings.pollInterval) }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            stopping.store(true, ordering: .relaxed)
            self.wakeup.signal()
        }
    }

    /// On PostgreSQL: wakes the relay on every `NOTIFY flotilla_outbox`, which any instance of the
    /// service sends when it commits an event; listens again after a lost connection.
    private func listenForAppends() async {
        while !Task.isCancelled {
            do {
                try await database.listen(to: DatabaseTransaction.outboxNotificationChannel) { self.wakeup.signal() }
            } catch {
                logger.debug("outbox listener lost its connection", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Claims due deliveries and delivers them concurrently; returns how many were claimed.
    func deliverOneRound() async -> Int {
        let deliveries: [OutboxDelivery]
        do {
            deliveries = try await database.claimDueDeliveries(
                now: Date(), limit: settings.batchSize, lease: settings.lease)
        } catch {
            logger.warning("outbox relay cannot read the outbox", metadata: ["error": "\(error)"])
            return 0
        }
        await withTaskGroup(of: Void.self) { group in
            for delivery in deliveries { group.addTask { await self.deliver(delivery) } }
        }
        return deliveries.count
    }

    private func deliver(_ delivery: OutboxDelivery) async {
        let result = await attempt(delivery)
        do {
            switch result {
            case .delivered:
                try await database.markDelivered(delivery, at: Date())
                Counter(label: "flotilla_outbox_delivered_total", dimensions: [("subscriber", delivery.subscriber)])
                    .increment()
            case .failed(let reason, let permanent):
                Counter(label: "flotilla_outbox_failures_total", dimensions: [("subscriber", delivery.subscriber)])
                    .increment()
                if permanent || delivery.attempts + 1 >= settings.maxAttempts {
                    try await database.deadLetter(delivery, error: reason, at: Date())
                    Counter(
                        label: "flotilla_outbox_dead_letters_total", dimensions: [("subscriber", delivery.subscriber)]
                    )
                    .increment()
                    events.record(
                        .error, kind: "outbox",
                        "\(delivery.event.type) \(delivery.event.id) to \(delivery.subscriber) dead-lettered: \(reason)"
                    )
                    logger.error(
                        "event dead-lettered",
                        metadata: [
                            "event": "\(delivery.event.id)", "subscriber": "\(delivery.subscriber)",
                            "error": "\(reason)",
                        ])
                } else {
                    try await database.recordDeliveryFailure(
                        delivery, error: reason,
                        nextAttempt: Date().addingTimeInterval(jitteredDelay(delivery.attempts + 1)))
                }
            }
        } catch {
            // The lease runs out and the delivery is retried; the inbox makes a second delivery harmless.
            logger.warning("outbox relay cannot record a delivery", metadata: ["error": "\(error)"])
        }
    }

    private enum Result {
        case delivered
        case failed(String, permanent: Bool)
    }

    private func attempt(_ delivery: OutboxDelivery) async -> Result {
        let balancer = balancers.withLock { $0[delivery.subscriber, default: LoadBalancer()] }
        balancers.withLock { $0[delivery.subscriber] = balancer }
        let endpoints = await discovery.endpoints(of: delivery.subscriber)
        guard let endpoint = balancer.pick(from: endpoints) else {
            return .failed("no instance of '\(delivery.subscriber)' is known to discovery", permanent: false)
        }
        do {
            var request = HTTPClientRequest(url: endpoint + "/_events")
            request.method = .POST
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            if let traceparent = delivery.event.traceparent {
                request.headers.replaceOrAdd(name: "traceparent", value: traceparent)
            }
            request.body = .bytes(ByteBuffer(data: try envelope(of: delivery)))
            let response = try await http.execute(
                request, timeout: .milliseconds(Int64(settings.requestTimeout.components.seconds * 1000)))
            let body = try await response.body.collect(upTo: 64 << 10)
            let code = Int(response.status.code)
            balancer.record(endpoint, succeeded: code < 500)
            if (200..<300).contains(code) { return .delivered }
            let reason = "HTTP \(code): \(String(buffer: body).prefix(300))"
            return .failed(reason, permanent: code < 500 && ![408, 425, 429].contains(code))
        } catch {
            balancer.record(endpoint, succeeded: false)
            return .failed("\(error)", permanent: false)
        }
    }

    private func envelope(of delivery: OutboxDelivery) throws -> Data {
        let data = try JSONDecoder().decode(JSONValue.self, from: Data(delivery.event.payload.utf8))
        let envelope = EventEnvelope(
            id: delivery.event.id, type: delivery.event.type, source: source, aggregateId: delivery.event.aggregateID,
            sequence: Int(delivery.sequence), occurredAt: delivery.event.occurredAt,
            traceparent: delivery.event.traceparent, data: data)
        return try ContractCoding.encoder().encode(envelope)
    }

    private func jitteredDelay(_ attempt: Int) -> TimeInterval {
        let delay = settings.delay(afterAttempt: attempt)
        let seconds = TimeInterval(delay.components.seconds) + TimeInterval(delay.components.attoseconds) / 1e18
        return Double.random(in: (seconds / 2)...seconds)
    }
}
