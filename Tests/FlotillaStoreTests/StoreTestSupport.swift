import FlotillaTesting
import Foundation
import Logging
import Testing

@testable import FlotillaStore

/// Which engines the storage suite runs on, read from the environment the test script sets.
enum StoreTestEnvironment {
    /// SQLite always; PostgreSQL when a server is configured or required.
    static let engines = TestDatabases.engines
    /// `FLOTILLA_TEST_POSTGRES_URL`, printed by `scripts/postgres.sh start`.
    static let postgresURL = TestDatabases.postgresURL

    static let skipMessage = Comment(
        rawValue: "FLOTILLA_TEST_POSTGRES_URL is not set: the PostgreSQL half of the storage suite is skipped. "
            + "Run eval \"$(scripts/postgres.sh start)\" first, or set FLOTILLA_REQUIRE_POSTGRES=1 to fail instead.")

    /// A logger that keeps test output quiet.
    static var logger: Logger { TestDatabases.logger }
}

/// A fresh, empty database for one test (see ``TestDatabases/withFresh(_:_:)``).
func withTestDatabase<R>(
    _ engine: DatabaseEngine, _ body: (DatabaseConfiguration) async throws -> R
) async throws -> R {
    try await TestDatabases.withFresh(engine) { try await body($0.configuration) }
}

/// Opens a fresh test database (see ``withTestDatabase(_:_:)``), runs `body`, and shuts the handle down.
func withOpenDatabase<R>(_ engine: DatabaseEngine, _ body: (Database) async throws -> R) async throws -> R {
    try await withTestDatabase(engine) { configuration in
        let database = try await Database.open(configuration, logger: StoreTestEnvironment.logger)
        do {
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// Counts rows of `table` (optionally filtered by a trusted SQL condition).
func count(_ table: String, where condition: String? = nil, in database: Database) async throws -> Int {
    let filter = condition.map { " WHERE \($0)" } ?? ""
    let row = try await database.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)\(unsafeRaw: filter)").first()
    return try row?.decode(column: "n", as: Int.self) ?? -1
}

/// A marker error thrown by test bodies to force a rollback.
struct Abort: Error, Equatable {}
