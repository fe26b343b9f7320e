import SQLKit

/// One versioned schema change, applied once per database and recorded in `flotilla_migrations`.
///
/// Identify it by a stable, unique ``id`` (e.g. `orders-0001`); never edit a migration that has shipped:
/// its ``checksum(for:)`` is stored, and a changed one stops start-up with an error naming it. Add a new
/// migration instead.
///
/// ```swift
/// let createOrders = Migration(id: "orders-0001", name: "create orders", sql: [
///     "CREATE TABLE orders (id TEXT PRIMARY KEY, state TEXT NOT NULL, total_cents BIGINT NOT NULL)",
/// ])
/// ```
public struct Migration: Sendable {
    /// What a migration runs.
    public enum Body: Sendable {
        /// The same statements on both engines.
        case portable([String])
        /// Different statements per engine.
        case perEngine(sqlite: [String], postgres: [String])
        /// A closure using SQLKit's builders; `revision` stands for its content in the checksum, so change
        /// it if you ever must change the closure (which, once shipped, you should not).
        case builder(revision: String, run: @Sendable (DatabaseTransaction) async throws -> Void)
    }

    /// Stable unique identifier, the primary key in `flotilla_migrations`.
    public let id: String
    /// Human-readable description, recorded and shown in errors.
    public let name: String
    /// The change itself.
    public let body: Body

    /// A migration from its parts.
    public init(id: String, name: String, body: Body) {
        self.id = id
        self.name = name
        self.body = body
    }

    /// A migration running the same SQL statements on SQLite and PostgreSQL.
    public init(id: String, name: String, sql: [String]) {
        self.init(id: id, name: name, body: .portable(sql))
    }

    /// A migration with engine-specific SQL statements.
    public init(id: String, name: String, sqlite: [String], postgres: [String]) {
        self.init(id: id, name: name, body: .perEngine(sqlite: sqlite, postgres: postgres))
    }

    /// The statements this migration runs on `engine`, or `nil` for a builder migration.
    public func statements(for engine: DatabaseEngine) -> [String]? {
        switch body {
        case .portable(let statements): statements
        case .perEngine(let sqlite, let postgres): engine == .sqlite ? sqlite : postgres
        case .builder: nil
        }
    }

    /// A fingerprint of what the migration runs on `engine`: FNV-1a 64 over the statements (or the builder's
    /// revision), as 16 hex digits. Whitespace at the ends of statements does not count.
    public func checksum(for engine: DatabaseEngine) -> String {
        let material: String
        switch body {
        case .builder(let revision, _):
            material = "builder\u{0}\(revision)"
        case .portable, .perEngine:
            let statements = statements(for: engine) ?? []
            material = statements.map { $0.trimmingWhitespace() }.joined(separator: "\u{0}")
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in material.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Runs the migration's change inside `transaction`.
    func apply(in transaction: DatabaseTransaction) async throws {
        switch body {
        case .builder(_, let run):
            try await run(transaction)
        case .portable, .perEngine:
            for statement in statements(for: transaction.engine) ?? [] {
                try await transaction.sql.raw("\(unsafeRaw: statement)").run()
            }
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
