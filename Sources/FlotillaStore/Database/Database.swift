import Foundation
import Logging
import PostgresKit
import SQLKit

/// A service's database: SQLite (default) or PostgreSQL behind one SQLKit code path.
///
/// ```swift
/// let database = try await Database.open(configuration, logger: logger)
/// try await database.migrate(OrdersMigrations.all)      // kit tables first, then the service's
/// try await database.transaction { tx in
///     try await tx.sql.raw("UPDATE orders SET state = 'paid' WHERE id = \(bind: id)").run()
///     try await tx.appendOutboxEvent(event, subscribers: ["notifications"])
/// }
/// await database.shutdown()
/// ```
public final class Database: Sendable {
    /// Which engine is behind this handle.
    public let engine: DatabaseEngine
    /// The configuration it was opened with (``DatabaseConfiguration/description`` is safe to log).
    public let configuration: DatabaseConfiguration
    /// Pooled access for single statements (autocommit): each statement leases a connection and returns it.
    /// Group statements that must succeed together with ``transaction(_:)``.
    public let sql: any SQLDatabase
    let logger: Logger
    private let backend: Backend

    private enum Backend: Sendable {
        case sqlite(SQLiteBackend)
        case postgres(PostgresBackend)
    }

    private init(configuration: DatabaseConfiguration, backend: Backend, logger: Logger) {
        self.configuration = configuration
        self.engine = configuration.engine
        self.backend = backend
        self.logger = logger
        let eventLoop = MultiThreadedEventLoopGroup.singleton.any()
        switch backend {
        case .sqlite(let pool): sql = PooledSQLDatabase(pool: pool, logger: logger, eventLoop: eventLoop)
        case .postgres(let pool): sql = PooledSQLDatabase(pool: pool, logger: logger, eventLoop: eventLoop)
        }
    }

    /// Opens the database and checks that it answers.
    ///
    /// SQLite: creates the file's folder, switches to WAL, sets `busy_timeout` and `foreign_keys`.
    /// PostgreSQL: logs in once directly (so a wrong host, port, role or password fails now with the
    /// server's reason), then starts a bounded `PostgresClient` pool.
    /// - Throws: ``DatabaseError/unavailable(target:reason:)`` with a message that names no password.
    public static func open(_ configuration: DatabaseConfiguration, logger: Logger = Logger(label: "flotilla.store"))
        async throws -> Database
    {
        let backend: Backend
        switch configuration.location {
        case .sqlite(let path):
            backend = .sqlite(try await SQLiteBackend.open(path: path, configuration: configuration, logger: logger))
        case .postgres(let endpoint):
            backend = .postgres(
                try await PostgresBackend.open(endpoint: endpoint, configuration: configuration, logger: logger))
        }
        logger.info("database open", metadata: ["database": "\(configuration)"])
        return Database(configuration: configuration, backend: backend, logger: logger)
    }

    /// Runs `body` in one transaction: committed when it returns, rolled back when it throws.
    ///
    /// SQLite starts with `BEGIN IMMEDIATE` on the serialized writer connection, so concurrent writers
    /// queue instead of failing when a read lock would need upgrading; PostgreSQL uses `BEGIN`
    /// (read committed) on a pooled connection. Errors from `body` are rethrown unchanged.
    public func transaction<R: Sendable>(_ body: @Sendable (DatabaseTransaction) async throws -> R) async throws -> R {
        let engine = self.engine
        let logger = self.logger
        switch backend {
        case .sqlite(let pool):
            return try await pool.withWriter { sql in
                try await Self.run(body, on: sql, engine: engine, logger: logger)
            }
        case .postgres(let pool):
            return try await pool.withConnection { sql in
                try await Self.run(body, on: sql, engine: engine, logger: logger)
            }
        }
    }

    /// Lends one pooled connection for several statements that need the same session (not a transaction).
    public func withConnection<R: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(let pool): try await pool.withConnection(body)
        case .postgres(let pool): try await pool.withConnection(body)
        }
    }

    /// Runs `SELECT 1` and returns how long it took; for readiness checks.
    ///
    /// Bounded by `timeout` (default ``DatabaseConfiguration/pingTimeout``) even when the server does not
    /// answer at all; throws ``DatabaseError/timedOut(operation:after:)`` then.
    public func ping(timeout: Duration? = nil) async throws -> Duration {
        let sql = self.sql
        return try await withDeadline(timeout ?? configuration.pingTimeout, operation: "ping") {
            let clock = ContinuousClock()
            let start = clock.now
            _ = try await sql.raw("SELECT 1 AS one").first()
            return clock.now - start
        }
    }

    /// Calls `onNotification` for every PostgreSQL `NOTIFY` on `channel` until the caller is
    /// cancelled, holding one pooled connection meanwhile; throws when that connection fails (the
    /// caller decides whether to listen again). On SQLite, which has no notifications, it returns
    /// at once: callers poll.
    public func listen(to channel: String, _ onNotification: @escaping @Sendable () -> Void) async throws {
        guard case .postgres(let pool) = backend else { return }
        try await pool.listen(to: channel, onNotification)
    }

    /// Closes every connection. Call once, after the work using this handle has stopped. It runs
    /// to the end even when the caller is cancelled (a service group cancelled at shutdown), so no
    /// connection is left open.
    public func shutdown() async {
        let backend = self.backend
        await Task {
            switch backend {
            case .sqlite(let pool): await pool.shutdown()
            case .postgres(let pool): await pool.shutdown()
            }
        }.value
        logger.debug("database closed", metadata: ["database": "\(configuration)"])
    }

    private static func run<R: Sendable>(
        _ body: @Sendable (DatabaseTransaction) async throws -> R, on sql: any SQLDatabase, engine: DatabaseEngine,
        logger: Logger
    ) async throws -> R {
        try await sql.raw(engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
        let result: R
        do {
            result = try await body(DatabaseTransaction(sql: sql, engine: engine))
            try await sql.raw("COMMIT").run()
        } catch {
            await rollback(sql, logger: logger)
            throw error
        }
        return result
    }

    /// Rolls back, shielded from the caller's cancellation; a failure is logged, the original error wins.
    private static func rollback(_ sql: any SQLDatabase, logger: Logger) async {
        let outcome = await Task { try await sql.raw("ROLLBACK").run() }.result
        if case .failure(let error) = outcome {
            logger.warning("rollback failed", metadata: ["error": "\(error)"])
        }
    }
}
