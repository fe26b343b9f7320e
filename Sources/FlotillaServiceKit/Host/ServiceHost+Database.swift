import FlotillaStore
import Foundation
import Logging
import ServiceLifecycle

extension ServiceHost {
    /// Opens the service's own database — PostgreSQL when `DATABASE_URL` is set, else the SQLite
    /// file `<FLOTILLA_DATA_DIR>/<name>.sqlite` — applies the kit's tables (outbox, inbox, sagas)
    /// and `migrations`, adds a critical `database` readiness check, and closes the database at
    /// shutdown after background work has stopped. When the spec says the service publishes
    /// events, it also starts the outbox relay (``startOutboxRelay(database:settings:)``).
    public func openDatabase(named name: String, migrations: [Migration]) async throws -> Database {
        let storeConfiguration: DatabaseConfiguration
        if let url = configuration.databaseURL {
            storeConfiguration = try DatabaseConfiguration.postgres(url: url)
        } else {
            try FileManager.default.createDirectory(
                atPath: configuration.dataDirectory, withIntermediateDirectories: true)
            storeConfiguration = .sqlite(
                path: (configuration.dataDirectory as NSString).appendingPathComponent("\(name).sqlite"))
        }
        let database = try await Database.open(storeConfiguration, logger: logger)
        do {
            let report = try await database.migrate(migrations)
            if !report.applied.isEmpty {
                logger.info("migrations applied", metadata: ["migrations": "\(report.applied.joined(separator: ", "))"])
            }
        } catch {
            await database.shutdown()
            throw error
        }
        health.add(.init(name: "database", critical: true) { _ = try await database.ping() })
        background.withLock { $0.insert(DatabaseCloser(database: database), at: 0) }
        if !(configuration.spec?.publishes ?? []).isEmpty { startOutboxRelay(database: database) }
        return database
    }
}

/// Closes the database once everything that uses it has stopped (it is the first background
/// service, so the last to be shut down).
struct DatabaseCloser: Service {
    let database: Database

    func run() async throws {
        try? await gracefulShutdown()
        await database.shutdown()
    }
}
