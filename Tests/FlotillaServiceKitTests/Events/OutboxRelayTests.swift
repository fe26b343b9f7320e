import FlotillaContracts
import FlotillaSpec
import FlotillaStore
import FlotillaTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import FlotillaServiceKit

/// The transactional outbox end to end: a publisher's relay delivers over real HTTP to a
/// subscriber's `/_events`, which processes each event once (inbox), in order per aggregate.
@Suite("Outbox relay and inbox")
struct OutboxRelayTests {
    struct Thing: Codable, Sendable, Hashable {
        var aggregate: String
        var step: Int
    }

    static let system: SystemSpec? = {
        let yaml = """
            version: 1
            name: t
            services:
              pub: { ports: { http: 8001, admin: 9001 }, database: owned, publishes: [thing.happened] }
              sub: { ports: { http: 8002, admin: 9002 }, database: owned, subscribes: [thing.happened] }
            """
        return SpecLoader.load(yaml: yaml, file: "t.yaml").spec
    }()

    /// What the subscriber saw: per aggregate, the steps in arrival order; and how often the handler ran.
    final class Seen: Sendable {
        let steps = Mutex<[String: [Int]]>([:])
        let failuresLeft: Mutex<Int>
        init(failures: Int = 0) { failuresLeft = Mutex(failures) }
    }

    /// A subscriber `sub` storing nothing but what it saw, failing its first `failures` deliveries with 503.
    func subscriber(_ fresh: FreshDatabase, seen: Seen) async throws -> ServiceHost {
        var configuration = ServiceConfiguration.testing(service: "sub")
        configuration.databaseURL = fresh.url
        configuration.dataDirectory = fresh.dataDirectory ?? configuration.dataDirectory
        let host = ServiceHost(configuration: configuration)
        host.health.enter(.running)
        let database = try await host.openDatabase(named: "sub", migrations: [])
        host.subscribe("thing.happened", as: Thing.self, database: database) { event, _ in
            let fail = seen.failuresLeft.withLock { left -> Bool in
                defer { left -= 1 }
                return left > 0
            }
            if fail { throw ProblemError(.serviceUnavailable, "not yet") }
            seen.steps.withLock { $0[event.data.aggregate, default: []].append(event.data.step) }
        }
        return host
    }

    /// A publisher `pub` whose relay points at `port`.
    func publisher(_ fresh: FreshDatabase, port: Int) async throws -> (ServiceHost, Database) {
        var configuration = ServiceConfiguration.testing(service: "pub")
        configuration.system = Self.system
        configuration.databaseURL = fresh.url
        configuration.dataDirectory = fresh.dataDirectory ?? configuration.dataDirectory
        configuration.discovery = .static(["sub": ["http://127.0.0.1:\(port)"]])
        let host = ServiceHost(configuration: configuration)
        return (host, try await host.openDatabase(named: "pub", migrations: []))
    }

    func relay(_ host: ServiceHost, _ database: Database, maxAttempts: Int = 10) -> OutboxRelay {
        var settings = OutboxRelaySettings()
        settings.baseDelay = .milliseconds(1)
        settings.maxDelay = .milliseconds(2)
        settings.maxAttempts = maxAttempts
        return OutboxRelay(
            database: database, http: host.client.http, discovery: host.client.discovery, wakeup: OutboxWakeup(),
            settings: settings, source: "pub", events: host.events, logger: host.logger)
    }

    /// Runs relay rounds until nothing is pending (or a generous bound of rounds).
    func drain(_ relay: OutboxRelay, _ database: Database) async throws {
        for _ in 0..<500 {
            _ = await relay.deliverOneRound()
            if try await database.outboxBacklog().allSatisfy({ $0.pending == 0 }) { return }
            try await Task.sleep(for: .milliseconds(3))
        }
        Issue.record("the outbox did not drain")
    }

    @Test(arguments: TestDatabases.engines)
    func deliversEveryEventOnceInOrderPerAggregate(engine: FlotillaStore.DatabaseEngine) async throws {
        try await TestDatabases.withFresh(engine) { subscriberDatabase in
            try await TestDatabases.withFresh(engine) { publisherDatabase in
                let seen = Seen(failures: 3)
                let sub = try await subscriber(subscriberDatabase, seen: seen)
                try await sub.publicApplication().test(.live) { client in
                    let (pub, database) = try await publisher(publisherDatabase, port: try #require(client.port))
                    for step in 1...10 {
                        for aggregate in ["a", "b", "c"] {
                            _ = try await database.transaction { tx in
                                try await pub.publish(
                                    "thing.happened", aggregateID: aggregate,
                                    data: Thing(aggregate: aggregate, step: step),
                                    in: tx)
                            }
                        }
                    }
                    try await drain(relay(pub, database), database)
                    let steps = seen.steps.withLock { $0 }
                    #expect(steps == ["a": Array(1...10), "b": Array(1...10), "c": Array(1...10)])
                    let backlog = try await database.outboxBacklog()
                    #expect(backlog.map(\.subscriber) == ["sub"])
                    #expect(backlog.first?.delivered == 30)
                    #expect(backlog.first?.deadLetters == 0)
                    await database.shutdown()
                }
            }
        }
    }

    @Test func redeliveryIsProcessedOnce() async throws {
        try await TestDatabases.withFresh(.sqlite) { fresh in
            let seen = Seen()
            let sub = try await subscriber(fresh, seen: seen)
            let envelope = EventEnvelope(
                id: UUID(), type: "thing.happened", source: "pub", aggregateId: "a", sequence: 1, occurredAt: Date(),
                traceparent: nil, data: Thing(aggregate: "a", step: 1))
            let body = ByteBuffer(data: try ContractCoding.encoder().encode(envelope))
            try await sub.publicApplication().test(.router) { client in
                for expectedDuplicate in [false, true, true] {
                    try await client.execute(uri: "/_events", method: .post, headers: .json, body: body) { response in
                        #expect(response.status == .ok)
                        let receipt = try JSONDecoder().decode(EventReceipt.self, from: Data(buffer: response.body))
                        #expect(receipt.duplicate == expectedDuplicate)
                    }
                }
                try await client.execute(uri: "/_events", method: .post, headers: .json, body: .json(#"{"id": 1}"#)) {
                    #expect($0.status == .badRequest)
                }
                let unknown = #"{"id": "\#(UUID())", "type": "other.thing"}"#
                try await client.execute(uri: "/_events", method: .post, headers: .json, body: .json(unknown)) {
                    #expect($0.status == .unprocessableContent)
                }
            }
            #expect(seen.steps.withLock { $0 } == ["a": [1]])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func deadLettersAfterMaxAttemptsAndReplays(engine: FlotillaStore.DatabaseEngine) async throws {
        try await TestDatabases.withFresh(engine) { subscriberDatabase in
            try await TestDatabases.withFresh(engine) { publisherDatabase in
                let seen = Seen(failures: 2)
                let sub = try await subscriber(subscriberDatabase, seen: seen)
                try await sub.publicApplication().test(.live) { client in
                    let (pub, database) = try await publisher(publisherDatabase, port: try #require(client.port))
                    _ = try await database.transaction { tx in
                        try await pub.publish(
                            "thing.happened", aggregateID: "x", data: Thing(aggregate: "x", step: 1), in: tx)
                    }
                    let relay = relay(pub, database, maxAttempts: 2)
                    try await drain(relay, database)
                    #expect(try await database.outboxBacklog().first?.deadLetters == 1)
                    let dead = try await database.deadLetters()
                    #expect(dead.count == 1)
                    #expect(dead.first?.attempts == 2)
                    #expect(dead.first?.lastError?.contains("503") == true)
                    #expect(seen.steps.withLock { $0 }.isEmpty)

                    #expect(try await database.replayDeadLetters(at: Date()) == 1)
                    try await drain(relay, database)
                    #expect(seen.steps.withLock { $0 } == ["x": [1]])
                    #expect(try await database.outboxBacklog().first?.deadLetters == 0)
                    await database.shutdown()
                }
            }
        }
    }

    /// Another instance's commit wakes the relay through `LISTEN/NOTIFY`, long before its next poll.
    @Test(.enabled(if: TestDatabases.engines.contains(.postgres)))
    func postgresNotifyWakesTheRelay() async throws {
        try await TestDatabases.withFresh(.postgres) { subscriberDatabase in
            try await TestDatabases.withFresh(.postgres) { publisherDatabase in
                let seen = Seen()
                let sub = try await subscriber(subscriberDatabase, seen: seen)
                try await sub.publicApplication().test(.live) { client in
                    let (pub, database) = try await publisher(publisherDatabase, port: try #require(client.port))
                    var settings = OutboxRelaySettings()
                    settings.pollInterval = .seconds(600)
                    let relay = OutboxRelay(
                        database: database, http: pub.client.http, discovery: pub.client.discovery,
                        wakeup: OutboxWakeup(), settings: settings, source: "pub", events: pub.events,
                        logger: pub.logger)
                    let other = try await Database.open(publisherDatabase.configuration, logger: TestDatabases.logger)
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { try await relay.run() }
                        try await Task.sleep(for: .milliseconds(300))  // the relay's first (empty) round and LISTEN
                        _ = try await other.transaction { tx in
                            try await tx.appendOutboxEvent(
                                try OutboxEvent(
                                    aggregateID: "n", type: "thing.happened", encoding: Thing(aggregate: "n", step: 1)),
                                subscribers: ["sub"])
                        }
                        for _ in 0..<200 where seen.steps.withLock({ $0.isEmpty }) {
                            try await Task.sleep(for: .milliseconds(50))
                        }
                        group.cancelAll()
                    }
                    #expect(seen.steps.withLock { $0 } == ["n": [1]])
                    await other.shutdown()
                    await database.shutdown()
                }
            }
        }
    }

    @Test func backoffDoublesUpToTheCap() {
        let settings = OutboxRelaySettings()
        #expect(settings.delay(afterAttempt: 1) == .milliseconds(250))
        #expect(settings.delay(afterAttempt: 3) == .seconds(1))
        #expect(settings.delay(afterAttempt: 9) == .seconds(60))
        #expect(settings.delay(afterAttempt: 100) == .seconds(60))
    }

    @Test func wakeupIsRememberedAndTimesOut() async {
        let wakeup = OutboxWakeup()
        wakeup.signal()
        await wakeup.wait(timeout: .seconds(60))  // returns at once: the signal was remembered
        let start = ContinuousClock.now
        await wakeup.wait(timeout: .milliseconds(20))
        #expect(ContinuousClock.now - start >= .milliseconds(20))
    }
}
