import Foundation
import Logging
import Testing

@testable import FlotillaStore

/// Which engines the storage suite runs on, read from the environment the test script sets.
enum StoreTestEnvironment {
    /// `FLOTILLA_TEST_POSTGRES_URL`, printed by `scripts/postgres.sh start`.
    static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["FLOTILLA_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }()

    /// `FLOTILLA_REQUIRE_POSTGRES=1` (CI): a missing PostgreSQL fails the tests instead of skipping them.
    static let postgresRequired = ProcessInfo.processInfo.environment["FLOTILLA_REQUIRE_POSTGRES"] == "1"

    /// SQLite always; PostgreSQL when a server is configured or required.
    static let engines: [DatabaseEngine] = postgresURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite]

    static let skipMessage = Comment(
        rawValue: "FLOTILLA_TEST_POSTGRES_URL is not set: the PostgreSQL half of the storage suite is skipped. "
            + "Run eval \"$(scripts/postgres.sh start)\" first, or set FLOTILLA_REQUIRE_POSTGRES=1 to fail instead.")

    /// A logger that keeps test output quiet.
    static var logger: Logger {
        var logger = Logger(label: "flotilla.store.tests")
        logger.logLevel = .warning
        return logger
    }
}

struct PostgresNotConfigured: Error, CustomStringConvertible {
    var description: String {
        "FLOTILLA_REQUIRE_POSTGRES=1 but FLOTILLA_TEST_POSTGRES_URL is not set: PostgreSQL did not start "
            + "(run scripts/postgres.sh start and export what it prints)"
    }
}

/// A fresh, empty database for one test: a temporary SQLite file, or a new PostgreSQL database created on
/// the test server and dropped afterwards, so tests running in parallel never see each other's rows.
func withTestDatabase<R>(
    _ engine: DatabaseEngine, _ body: (DatabaseConfiguration) async throws -> R
) async throws -> R {
    switch engine {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("flotilla-store-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(.sqlite(path: folder.appendingPathComponent("test.sqlite").path))
    case .postgres:
        guard let url = StoreTestEnvironment.postgresURL else { throw PostgresNotConfigured() }
        let admin = try await Database.open(
            .postgres(url: url, variable: "FLOTILLA_TEST_POSTGRES_URL"), logger: StoreTestEnvironment.logger)
        let name = "flotilla_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
        var endpoint = try PostgresEndpoint(url: url, variable: "FLOTILLA_TEST_POSTGRES_URL")
        endpoint.database = name
        do {
            let result = try await body(DatabaseConfiguration(location: .postgres(endpoint)))
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.shutdown()
            return result
        } catch {
            try? await admin.sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: name) WITH (FORCE)").run()
            await admin.shutdown()
            throw error
        }
    }
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
