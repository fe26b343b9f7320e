import Logging
import PostgresKit
import SQLKit

/// Something that lends one connection, as an `SQLDatabase`, for the duration of a closure.
protocol ConnectionLeasing: Sendable {
    /// The SQL dialect of the connections.
    var dialect: any SQLDialect { get }
    /// Lends a pooled connection to `body` and takes it back when `body` returns or throws.
    func withConnection<R>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R
}

/// An `SQLDatabase` over a pool: every statement leases a connection, runs, and hands it back.
///
/// Statements run in autocommit mode; use ``Database/transaction(_:)`` to group them.
struct PooledSQLDatabase<Pool: ConnectionLeasing>: SQLDatabase {
    let pool: Pool
    let logger: Logger
    let eventLoop: any EventLoop

    var dialect: any SQLDialect { pool.dialect }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void)
        -> EventLoopFuture<Void>
    {
        eventLoop.makeFutureWithTask {
            try await self.execute(sql: query, onRow)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await pool.withConnection { connection in
            try await connection.execute(sql: query, onRow)
        }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pool.withConnection { connection in
            try await closure(connection)
        }
    }
}
