import FlotillaTesting
import Foundation
import SQLKit
import Testing

@testable import FlotillaStore

/// The same storage tests on SQLite and on a real PostgreSQL (see `scripts/postgres.sh`).
@Suite("Storage on every engine")
struct StorageSuiteTests {
    static let counterMigration = Migration(
        id: "test-0001", name: "create counters",
        sql: [
            "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            "INSERT INTO counters (name, value) VALUES ('hits', 0)",
        ])

    @Test(
        "PostgreSQL half of the suite runs",
        .disabled(if: StoreTestEnvironment.engines == [.sqlite], StoreTestEnvironment.skipMessage))
    func postgresConfigured() throws {
        guard let url = StoreTestEnvironment.postgresURL else { throw PostgresNotConfigured() }
        #expect(try DatabaseConfiguration.postgres(url: url).engine == .postgres)
    }

    @Test("migrations apply once and are idempotent on re-run", arguments: StoreTestEnvironment.engines)
    func migrationsAreIdempotent(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            #expect(database.engine == engine)
            let kitIDs = KitMigrations.all.map(\.id)
            let first = try await database.migrate([Self.counterMigration])
            #expect(first.applied == kitIDs + ["test-0001"])
            #expect(first.alreadyApplied.isEmpty)

            let second = try await database.migrate([Self.counterMigration])
            #expect(second.applied.isEmpty)
            #expect(second.alreadyApplied == kitIDs + ["test-0001"])
            #expect(try await count("flotilla_migrations", in: database) == kitIDs.count + 1)
            #expect(try await count("counters", in: database) == 1)
            for table in [
                "flotilla_outbox", "flotilla_outbox_deliveries", "flotilla_dead_letters", "flotilla_inbox",
                "flotilla_sagas", "flotilla_saga_steps",
            ] {
                #expect(try await count(table, in: database) == 0, "table \(table)")
            }
        }
    }

    @Test("a changed applied migration is reported by id", arguments: StoreTestEnvironment.engines)
    func checksumMismatch(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            try await database.migrate([Self.counterMigration])
            let edited = Migration(
                id: "test-0001", name: "create counters",
                sql: ["CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)"])
            let error = await #expect(throws: MigrationError.self) { try await database.migrate([edited]) }
            guard case .checksumMismatch(let id, _, let recorded, let current) = error else {
                Issue.record("expected a checksum mismatch, got \(String(describing: error))")
                return
            }
            #expect(id == "test-0001")
            #expect(recorded == Self.counterMigration.checksum(for: engine))
            #expect(current == edited.checksum(for: engine))
            #expect(error?.description.contains("test-0001 (create counters) was changed") == true)
            // Later migrations are not applied when an earlier one no longer matches.
            let later = Migration(id: "test-0002", name: "later", sql: ["CREATE TABLE later (id TEXT)"])
            await #expect(throws: MigrationError.self) { try await database.migrate([edited, later]) }
            #expect(try await count("flotilla_migrations", where: "id = 'test-0002'", in: database) == 0)
        }
    }

    @Test("a failing migration rolls back and names itself", arguments: StoreTestEnvironment.engines)
    func failingMigration(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            let broken = Migration(
                id: "test-0009", name: "broken",
                sql: ["CREATE TABLE half_done (id TEXT)", "THIS IS NOT SQL"])
            let error = await #expect(throws: MigrationError.self) { try await database.migrate([broken]) }
            #expect(error?.description.hasPrefix("migration test-0009 (broken) failed") == true)
            #expect(try await count("flotilla_migrations", where: "id = 'test-0009'", in: database) == 0)
            // The table of the failed migration was rolled back with it.
            await #expect(throws: (any Error).self) { try await count("half_done", in: database) }
        }
    }

    @Test("transactions commit, and roll back on throw", arguments: StoreTestEnvironment.engines)
    func commitAndRollback(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            try await database.migrate([Self.counterMigration], includingKitTables: false)
            let value = try await database.transaction { tx in
                try await tx.sql.raw("UPDATE counters SET value = 41 WHERE name = 'hits'").run()
                try await tx.sql.raw("INSERT INTO counters (name, value) VALUES ('other', 1)").run()
                return 41
            }
            #expect(value == 41)
            #expect(try await counter("hits", in: database) == 41)

            await #expect(throws: Abort.self) {
                try await database.transaction { tx in
                    try await tx.sql.raw("UPDATE counters SET value = 99 WHERE name = 'hits'").run()
                    try await tx.sql.raw("DELETE FROM counters WHERE name = 'other'").run()
                    throw Abort()
                }
            }
            #expect(try await counter("hits", in: database) == 41)
            #expect(try await count("counters", in: database) == 2)

            // A failing statement inside the body also rolls everything back, and the handle stays usable.
            await #expect(throws: (any Error).self) {
                try await database.transaction { tx in
                    try await tx.sql.raw("UPDATE counters SET value = 7 WHERE name = 'hits'").run()
                    try await tx.sql.raw("INSERT INTO counters (name, value) VALUES ('hits', 1)").run()
                }
            }
            #expect(try await counter("hits", in: database) == 41)
        }
    }

    @Test("100 concurrent read-modify-write transactions lose no update", arguments: StoreTestEnvironment.engines)
    func concurrentTransactions(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            try await database.migrate([Self.counterMigration], includingKitTables: false)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<100 {
                    group.addTask {
                        try await database.transaction { tx in
                            // Read, then write what was read plus one: only exact under real isolation.
                            let lock = tx.engine == .postgres ? " FOR UPDATE" : ""
                            let row = try await tx.sql.raw(
                                "SELECT value FROM counters WHERE name = 'hits'\(unsafeRaw: lock)"
                            ).first()
                            let value = try row?.decode(column: "value", as: Int64.self) ?? 0
                            try await tx.sql.raw("UPDATE counters SET value = \(bind: value + 1) WHERE name = 'hits'")
                                .run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await counter("hits", in: database) == 100)
        }
    }

    @Test("two instances migrating at once apply each migration once", arguments: StoreTestEnvironment.engines)
    func concurrentMigrations(engine: DatabaseEngine) async throws {
        try await withTestDatabase(engine) { configuration in
            let migrations = (1...5).map { index in
                Migration(
                    id: "race-000\(index)", name: "step \(index)",
                    sql: [
                        index == 1 ? "CREATE TABLE race_log (step INTEGER NOT NULL)" : "SELECT 1",
                        "INSERT INTO race_log (step) VALUES (\(index))",
                    ])
            }
            let first = try await Database.open(configuration, logger: StoreTestEnvironment.logger)
            let second = try await Database.open(configuration, logger: StoreTestEnvironment.logger)
            async let reportA = first.migrate(migrations)
            async let reportB = second.migrate(migrations)
            let reports = try await [reportA, reportB]
            let applied = reports.flatMap(\.applied)
            #expect(applied.sorted() == (KitMigrations.all.map(\.id) + migrations.map(\.id)).sorted())
            #expect(try await count("race_log", in: first) == 5)
            #expect(try await count("flotilla_migrations", in: second) == KitMigrations.all.count + 5)
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test("two handles writing one database concurrently keep counts exact", arguments: StoreTestEnvironment.engines)
    func concurrentWritersOnTwoHandles(engine: DatabaseEngine) async throws {
        try await withTestDatabase(engine) { configuration in
            let first = try await Database.open(configuration, logger: StoreTestEnvironment.logger)
            let second = try await Database.open(configuration, logger: StoreTestEnvironment.logger)
            try await first.migrate([Self.counterMigration], includingKitTables: false)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<60 {
                    let database = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await database.transaction { tx in
                            try await tx.sql.raw("UPDATE counters SET value = value + 1 WHERE name = 'hits'").run()
                            try await tx.sql.raw("INSERT INTO counters (name, value) VALUES (\(bind: "n\(index)"), 1)")
                                .run()
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await counter("hits", in: second) == 60)
            #expect(try await count("counters", in: first) == 61)
            await first.shutdown()
            await second.shutdown()
        }
    }

    @Test(
        "a builder migration runs SQLKit builders and is checksummed by its revision",
        arguments: StoreTestEnvironment.engines)
    func builderMigration(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            func migration(revision: String) -> Migration {
                Migration(
                    id: "test-0100", name: "create notes with builders",
                    body: .builder(revision: revision) { tx in
                        try await tx.sql.create(table: "notes")
                            .column("id", type: .text, .primaryKey(autoIncrement: false))
                            .column("body", type: .text, .notNull)
                            .run()
                        try await tx.sql.insert(into: "notes").columns("id", "body").values("n1", "hello").run()
                    })
            }
            #expect(try await database.migrate([migration(revision: "1")]).applied.contains("test-0100"))
            #expect(try await database.migrate([migration(revision: "1")]).applied.isEmpty)
            #expect(try await count("notes", in: database) == 1)
            await #expect(throws: MigrationError.self) { try await database.migrate([migration(revision: "2")]) }
        }
    }

    @Test("the inbox records an event once per consumer", arguments: StoreTestEnvironment.engines)
    func inboxDeduplicates(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            try await database.migrate([])
            let eventID = UUID()
            let first = try await database.transaction {
                try await $0.recordInboxEvent(eventID: eventID, consumer: "mail")
            }
            let again = try await database.transaction {
                try await $0.recordInboxEvent(eventID: eventID, consumer: "mail")
            }
            let other = try await database.transaction {
                try await $0.recordInboxEvent(eventID: eventID, consumer: "sms")
            }
            #expect(first)
            #expect(!again)
            #expect(other)
            // Recorded inside a rolled-back transaction means not processed.
            let rolledBack = UUID()
            await #expect(throws: Abort.self) {
                try await database.transaction { tx in
                    #expect(try await tx.recordInboxEvent(eventID: rolledBack, consumer: "mail"))
                    throw Abort()
                }
            }
            #expect(
                try await database.transaction { try await $0.recordInboxEvent(eventID: rolledBack, consumer: "mail") })
            #expect(try await count("flotilla_inbox", in: database) == 3)
        }
    }

    @Test("outbox events are written only with their transaction", arguments: StoreTestEnvironment.engines)
    func outboxFollowsTransaction(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            try await database.migrate([])
            await #expect(throws: Abort.self) {
                try await database.transaction { tx in
                    let event = OutboxEvent(aggregateID: "order-1", type: "order.placed", payload: "{}")
                    try await tx.appendOutboxEvent(event, subscribers: ["notifications"])
                    throw Abort()
                }
            }
            #expect(try await count("flotilla_outbox", in: database) == 0)
            #expect(try await count("flotilla_outbox_deliveries", in: database) == 0)

            let placed = OutboxEvent(
                aggregateID: "order-1", type: "order.placed", payload: #"{"total":12}"#,
                traceparent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            let confirmed = try OutboxEvent(
                aggregateID: "order-1", type: "order.confirmed", encoding: ["id": "order-1"])
            let sequences = try await database.transaction { tx in
                [
                    try await tx.appendOutboxEvent(placed, subscribers: ["notifications", "audit"]),
                    try await tx.appendOutboxEvent(confirmed, subscribers: ["notifications"]),
                ]
            }
            #expect(sequences == [1, 2])
            #expect(try await count("flotilla_outbox", in: database) == 2)
            #expect(try await count("flotilla_outbox_deliveries", where: "delivered_at IS NULL", in: database) == 3)
            let row = try await database.sql.raw(
                "SELECT * FROM flotilla_outbox WHERE event_id = \(bind: placed.id.uuidString.lowercased())"
            ).first()
            #expect(try row?.decode(column: "payload", as: String.self) == #"{"total":12}"#)
            #expect(try row?.decode(column: "traceparent", as: String?.self) == placed.traceparent)
            #expect(try row?.decode(column: "occurred_at", as: Int64.self) == placed.occurredAt.epochMilliseconds)
            // A subscriber's inbox accepts the outbox's id form.
            #expect(try await database.transaction { try await $0.recordInboxEvent(eventID: placed.id, consumer: "x") })
        }
    }

    @Test("ping answers with a latency", arguments: StoreTestEnvironment.engines)
    func ping(engine: DatabaseEngine) async throws {
        try await withOpenDatabase(engine) { (database) async throws in
            let latency = try await database.ping()
            #expect(latency > .zero)
            #expect(latency < .seconds(2))
        }
    }

    private func counter(_ name: String, in database: Database) async throws -> Int64? {
        try await database.sql.raw("SELECT value FROM counters WHERE name = \(bind: name)").first()?
            .decode(column: "value", as: Int64.self)
    }
}
