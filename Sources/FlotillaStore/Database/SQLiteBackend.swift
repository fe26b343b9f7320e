import Foundation
import Logging
import PostgresKit
import SQLiteKit

/// SQLite behind a ``Database``: a pool of reader connections plus one serialized writer connection.
///
/// Why a serialized writer: SQLite admits one writer at a time. If many pooled connections each ran
/// `BEGIN IMMEDIATE`, the losers would sleep in SQLite's busy handler on the blocking thread pool, could
/// starve the lock holder of a thread and would be woken in no particular order. Instead transactions of this
/// process queue (first come, first served) for the single writer connection and never contend with each
/// other; `BEGIN IMMEDIATE` plus `busy_timeout` still serializes them against other processes on the same
/// file. WAL lets the reader pool read concurrently with the writer. The blocking thread pool has one thread
/// per connection, so a connection waiting on a lock never takes the thread another one needs.
final class SQLiteBackend: ConnectionLeasing {
    let path: String
    let dialect: any SQLDialect = SQLiteDialect()
    private let threadPool: NIOThreadPool
    private let readers: FIFOConnectionPool
    private let writer: FIFOConnectionPool

    private init(path: String, readers: FIFOConnectionPool, writer: FIFOConnectionPool, threadPool: NIOThreadPool) {
        self.path = path
        self.readers = readers
        self.writer = writer
        self.threadPool = threadPool
    }

    /// Creates the folder, opens the writer, switches the file to WAL and checks it answers.
    static func open(path: String, configuration: DatabaseConfiguration, logger: Logger) async throws
        -> SQLiteBackend
    {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw DatabaseError.unavailable(
                target: "sqlite \(path)",
                reason: "cannot create folder \(folder.path) (\(error.localizedDescription)); "
                    + "set \(DatabaseConfiguration.dataDirectoryVariable) to a writable folder")
        }
        let threadPool = NIOThreadPool(numberOfThreads: configuration.maximumConnections + 1)
        threadPool.start()
        let eventLoop = MultiThreadedEventLoopGroup.singleton.next()
        let busyMilliseconds = configuration.busyTimeout.wholeMilliseconds
        let open: @Sendable () async throws -> SQLiteConnection = {
            let connection = try await SQLiteConnection.open(
                storage: .file(path: path), threadPool: threadPool, logger: logger, on: eventLoop)
            do {
                let sql = connection.sql(queryLogLevel: .trace)
                try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyMilliseconds))").run()
                try await sql.raw("PRAGMA foreign_keys = ON").run()
                try await sql.raw("PRAGMA synchronous = NORMAL").run()
                return connection
            } catch {
                await FIFOConnectionPool.close(connection)
                throw error
            }
        }
        let backend = SQLiteBackend(
            path: path, readers: FIFOConnectionPool(limit: configuration.maximumConnections, open: open),
            writer: FIFOConnectionPool(limit: 1, open: open), threadPool: threadPool)
        do {
            let mode = try await backend.withWriter { sql in
                try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(column: "journal_mode", as: String.self)
            }
            if mode?.lowercased() != "wal" {
                logger.warning(
                    "SQLite did not switch to WAL; readers will block writers",
                    metadata: ["path": "\(path)", "journal_mode": "\(mode ?? "unknown")"])
            }
        } catch {
            await backend.shutdown()
            throw DatabaseError.unavailable(target: "sqlite \(path)", reason: "\(error)")
        }
        return backend
    }

    func withConnection<R>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await Self.lend(from: readers, body)
    }

    /// Lends the single writer connection (queued, first come first served).
    func withWriter<R>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await Self.lend(from: writer, body)
    }

    func shutdown() async {
        await writer.close()
        await readers.close()
        try? await threadPool.shutdownGracefully()
    }

    private static func lend<R>(from pool: FIFOConnectionPool, _ body: @Sendable (any SQLDatabase) async throws -> R)
        async throws -> R
    {
        let connection = try await pool.lease()
        do {
            let result = try await body(connection.sql(queryLogLevel: .trace))
            await pool.release(connection)
            return result
        } catch {
            await pool.release(connection)
            throw error
        }
    }
}
