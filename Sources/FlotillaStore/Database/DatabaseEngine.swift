/// The SQL engine behind a ``Database``, for the few places that need engine-specific SQL
/// (`FOR UPDATE SKIP LOCKED`, `LISTEN/NOTIFY`, advisory locks).
public enum DatabaseEngine: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// An embedded SQLite file: the zero-setup default.
    case sqlite
    /// A PostgreSQL server, chosen by `DATABASE_URL`.
    case postgres

    /// `sqlite` or `postgres`.
    public var description: String { rawValue }
}
