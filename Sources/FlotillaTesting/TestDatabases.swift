import FlotillaStore
import Foundation
import Logging

/// Fresh, empty databases for tests on both engines: SQLite always; PostgreSQL when
/// `FLOTILLA_TEST_POSTGRES_URL` is set (printed by `scripts/postgres.sh start`) or required by
/// `FLOTILLA_REQUIRE_POSTGRES=1` (CI), in which case a missing server fails instead of skipping.
public enum TestDatabases {
    /// `FLOTILLA_TEST_POSTGRES_URL`.
    public static let postgresURL: String? = {
        guard let url = ProcessInfo.processInfo.environment["FLOTILLA_TEST_POSTGRES_URL"], !url.isEmpty else {
            return nil
        }
        return url
    }()

    /// Whether a missing PostgreSQL must fail the tests.
    public static let postgresRequired = ProcessInfo.processInfo.environment["FLOTILLA_REQUIRE_POSTGRES"] == "1"

    /// The engines to run a storage test on.
    public static let engines: [DatabaseEngine] =
        postgresURL != nil || postgresRequired ? [.sqlite, .postgres] : [.sqlite]

    /// A logger that keeps test output quiet.
    public static var logger: Logger {
        var logger = Logger(label: "flotilla.tests.database")
        logger.logLevel = .warning
        return logger
    }

    /// Runs `body` with a fresh database: a temporary SQLite folder, or a new PostgreSQL database
    /// created on the test server and dropped afterwards, so parallel tests never share rows.
    public static func withFresh<R>(
        _ engine: DatabaseEngine, _ body: (FreshDatabase) async throws -> R
    ) async throws -> R {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("flotilla-test-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            return try await body(
                FreshDatabase(
                    configuration: .sqlite(path: folder.appendingPathComponent("test.sqlite").path), url: nil,
                    dataDirectory: folder.path))
        case .postgres:
            guard let url = postgresURL else { throw PostgresNotConfigured() }
            let admin = try await Database.open(
                .postgres(url: url, variable: "FLOTILLA_TEST_POSTGRES_URL"), logger: logger)
            let name = "flotilla_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            do {
                try await admin.sql.raw("CREATE DATABASE \(unsafeRaw: name)").run()
                var components = URLComponents(string: url)
                components?.path = "/" + name
                let freshURL = components?.string ?? url
                let result = try await body(
                    FreshDatabase(
                        configuration: try .postgres(url: freshURL, variable: "FLOTILLA_TEST_POSTGRES_URL"),
                        url: freshURL, dataDirectory: nil))
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
}

/// A fresh test database, in the forms the store and a service's configuration take.
public struct FreshDatabase: Sendable {
    /// For ``Database/open(_:logger:)``.
    public let configuration: DatabaseConfiguration
    /// For a service's `DATABASE_URL` (PostgreSQL), nil for SQLite.
    public let url: String?
    /// For a service's `FLOTILLA_DATA_DIR` (SQLite), nil for PostgreSQL.
    public let dataDirectory: String?
}

/// PostgreSQL is required but not configured.
public struct PostgresNotConfigured: Error, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// What to do about it.
    public var description: String {
        "FLOTILLA_REQUIRE_POSTGRES=1 but FLOTILLA_TEST_POSTGRES_URL is not set: PostgreSQL did not start "
            + "(run scripts/postgres.sh start and export what it prints)"
    }
}
