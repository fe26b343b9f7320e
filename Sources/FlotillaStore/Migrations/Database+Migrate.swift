import Foundation
import SQLKit

/// What ``Database/migrate(_:includingKitTables:)`` did.
public struct MigrationReport: Sendable, Equatable {
    /// Ids applied by this call, in order.
    public var applied: [String]
    /// Ids that were already applied (by an earlier start or a concurrent instance).
    public var alreadyApplied: [String]
}

extension Database {
    /// The table recording applied migrations: `id`, `name`, `checksum`, `applied_at` (epoch ms).
    public static let migrationsTable = "flotilla_migrations"

    /// Key of the PostgreSQL advisory lock that serializes migrations of concurrent instances ("Flotilla").
    static let migrationLockKey: Int64 = 0x466C_6F74_696C_6C61

    /// Applies the pending migrations in order, each in its own transaction, and records them.
    ///
    /// The kit's own tables (``KitMigrations/all``: outbox, deliveries, dead letters, inbox, sagas) come
    /// first unless `includingKitTables` is false. Safe to call at every start-up and from several instances
    /// at once: on PostgreSQL each transaction takes `pg_advisory_xact_lock`, on SQLite `BEGIN IMMEDIATE`
    /// takes the write lock, and the applied set is re-read under the lock, so every migration runs once.
    /// Checksums of already applied migrations are verified before anything new runs.
    /// - Throws: ``MigrationError`` naming the migration.
    @discardableResult
    public func migrate(_ migrations: [Migration], includingKitTables: Bool = true) async throws -> MigrationReport {
        let all = (includingKitTables ? KitMigrations.all : []) + migrations
        var seen = Set<String>()
        for migration in all where !seen.insert(migration.id).inserted {
            throw MigrationError.duplicateID(migration.id)
        }
        let engine = self.engine
        let recorded = try await transaction { tx in
            try await Self.lockMigrations(tx)
            return try await Self.appliedChecksums(tx)
        }
        for migration in all {
            if let checksum = recorded[migration.id] {
                try Self.verify(migration, recorded: checksum, engine: engine)
            }
        }
        var report = MigrationReport(applied: [], alreadyApplied: [])
        for migration in all where recorded[migration.id] == nil {
            if try await applyIfPending(migration) {
                report.applied.append(migration.id)
                logger.info("migration applied", metadata: ["id": "\(migration.id)", "name": "\(migration.name)"])
            }
        }
        report.alreadyApplied = all.map(\.id).filter { !report.applied.contains($0) }
        return report
    }

    private func applyIfPending(_ migration: Migration) async throws -> Bool {
        let engine = self.engine
        do {
            return try await transaction { tx in
                try await Self.lockMigrations(tx)
                let row = try await tx.sql.raw(
                    "SELECT checksum FROM flotilla_migrations WHERE id = \(bind: migration.id)"
                ).first()
                if let checksum = try row?.decode(column: "checksum", as: String.self) {
                    try Self.verify(migration, recorded: checksum, engine: engine)
                    return false
                }
                try await migration.apply(in: tx)
                let now = Int64((Date().timeIntervalSince1970 * 1000).rounded())
                try await tx.sql.raw(
                    """
                    INSERT INTO flotilla_migrations (id, name, checksum, applied_at) \
                    VALUES (\(bind: migration.id), \(bind: migration.name), \(bind: migration.checksum(for: engine)), \
                    \(bind: now))
                    """
                ).run()
                return true
            }
        } catch let error as MigrationError {
            throw error
        } catch {
            throw MigrationError.failed(id: migration.id, name: migration.name, reason: describeDatabaseError(error))
        }
    }

    /// Serializes migrating instances and makes sure the bookkeeping table exists.
    private static func lockMigrations(_ tx: DatabaseTransaction) async throws {
        if tx.engine == .postgres {
            try await tx.sql.raw("SELECT pg_advisory_xact_lock(\(bind: migrationLockKey))").run()
        }
        try await tx.sql.raw(
            """
            CREATE TABLE IF NOT EXISTS flotilla_migrations (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)
            """
        ).run()
    }

    private static func appliedChecksums(_ tx: DatabaseTransaction) async throws -> [String: String] {
        let rows = try await tx.sql.raw("SELECT id, checksum FROM flotilla_migrations").all()
        var checksums: [String: String] = [:]
        for row in rows {
            checksums[try row.decode(column: "id", as: String.self)] = try row.decode(
                column: "checksum", as: String.self)
        }
        return checksums
    }

    private static func verify(_ migration: Migration, recorded: String, engine: DatabaseEngine) throws {
        let current = migration.checksum(for: engine)
        guard current == recorded else {
            throw MigrationError.checksumMismatch(
                id: migration.id, name: migration.name, recorded: recorded, current: current)
        }
    }
}
