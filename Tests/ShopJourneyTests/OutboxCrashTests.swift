import FlotillaContracts
import FlotillaServiceKit
import FlotillaSpec
import FlotillaStore
import FlotillaTesting
import Foundation
import Synchronization
import Testing

/// The outbox under fire: a burst of 1,000 `user.created` events published by an in-process
/// `users` host (its relay delivering over HTTP) while the real notifications process is killed
/// with SIGKILL and restarted. Afterwards: 0 events lost, 0 processed twice.
@Suite("Outbox crash recovery")
struct OutboxCrashTests {
    static let events = 1000

    @Test func noEventLostOrProcessedTwiceWhenTheSubscriberDies() async throws {
        try await ShopCluster.with(services: ["notifications"]) { try await burst(into: $0) }
    }

    func burst(into cluster: ShopCluster) async throws {
        let yaml = try Data(contentsOf: ShopCluster.repository.appendingPathComponent("flotilla.yaml"))
        let system = try #require(SpecLoader.load(bytes: [UInt8](yaml), file: "flotilla.yaml").spec)
        var configuration = ServiceConfiguration.testing(service: "users")
        configuration.system = system
        configuration.spec = system.service(named: "users")
        configuration.dataDirectory = cluster.dataDirectory.appendingPathComponent("publisher").path
        configuration.discovery = .static([
            "notifications": ["http://127.0.0.1:\(cluster.ports["notifications"]?.http ?? 0)"]
        ])
        let host = ServiceHost(configuration: configuration)
        let database = try await host.openDatabase(named: "users", migrations: [])
        let published = Mutex<Set<String>>([])
        let progress = SagaCrashTests.Progress()

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await host.run(gracefulShutdownSignals: []) }
            group.addTask {
                for _ in 0..<3 {
                    try await Task.sleep(for: .milliseconds(Int.random(in: 200...700)))
                    await cluster.kill("notifications")
                    progress.kills.add(1, ordering: .relaxed)
                    try await Task.sleep(for: .milliseconds(300))
                    try cluster.launch("notifications")
                    try await cluster.waitReady("notifications")
                }
            }
            for batch in 0..<(Self.events / 10) {
                let ids = try await database.transaction { transaction in
                    var ids: [String] = []
                    for index in 0..<10 {
                        let user = UUID()
                        let event = UserCreated(userId: user, email: "u\(batch)-\(index)@example.com", name: "U")
                        ids.append(
                            try await host.publish(
                                "user.created", aggregateID: user.uuidString.lowercased(), data: event, in: transaction
                            ).uuidString.lowercased())
                    }
                    return ids
                }
                published.withLock { $0.formUnion(ids) }
                try await Task.sleep(for: .milliseconds(5))
            }
            // The killer finishes its rounds; then the relay drains the backlog.
            try await group.next()
            let deadline = ContinuousClock.now.advanced(by: .seconds(120))
            while ContinuousClock.now < deadline {
                let backlog = try await database.outboxBacklog()
                if backlog.allSatisfy({ $0.pending == 0 }) && backlog.first?.delivered == Self.events { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            group.cancelAll()
        }

        let ledger = ShopLedger(cluster: cluster)
        let stored = try await ledger.with("notifications") { sql in
            try await sql.raw("SELECT event_id FROM notifications WHERE kind = 'user.created'").all()
                .map { try $0.decode(column: "event_id", as: String.self).lowercased() }
        }
        let expected = published.withLock { $0 }
        let lost = expected.subtracting(stored).count
        let twice = stored.count - Set(stored).count
        print(
            "RECONCILE outbox kills=\(progress.kills.load(ordering: .relaxed)) published=\(expected.count) stored=\(stored.count) lost=\(lost) processed_twice=\(twice)"
        )
        #expect(progress.kills.load(ordering: .relaxed) == 3)
        #expect(expected.count == Self.events)
        #expect(lost == 0)
        #expect(twice == 0)
        #expect(Set(stored) == expected)
    }
}
