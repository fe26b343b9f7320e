import SQLKit

/// The connection of one open transaction, handed to the body of ``Database/transaction(_:)``.
///
/// Run every statement of the unit of work through ``sql``; the transaction commits when the body
/// returns and rolls back when it throws. Do not keep it beyond the body.
public struct DatabaseTransaction: Sendable {
    /// The transaction's connection, as SQLKit's database.
    public let sql: any SQLDatabase
    /// The engine, for the few statements that differ (e.g. `FOR UPDATE SKIP LOCKED` on PostgreSQL).
    public let engine: DatabaseEngine

    /// Wraps a connection that is inside an open transaction.
    public init(sql: any SQLDatabase, engine: DatabaseEngine) {
        self.sql = sql
        self.engine = engine
    }
}
