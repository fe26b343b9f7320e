import Foundation

/// Which database a service opens and how many connections it may hold.
///
/// Services build it from the runtime environment with ``fromEnvironment(_:databaseName:currentDirectory:)``:
/// `DATABASE_URL` selects PostgreSQL, otherwise an SQLite file `<FLOTILLA_DATA_DIR>/<database name>.sqlite`.
public struct DatabaseConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// Where the data lives.
    public enum Location: Sendable, Equatable {
        /// An SQLite file at an absolute path (its folder is created on open).
        case sqlite(path: String)
        /// A PostgreSQL database.
        case postgres(PostgresEndpoint)
    }

    /// Where the data lives.
    public var location: Location
    /// Upper bound of pooled connections. PostgreSQL: the pool's maximum. SQLite: reader connections;
    /// writes go through one extra serialized writer connection.
    public var maximumConnections: Int
    /// SQLite only: how long a writer waits for another process's write lock (`PRAGMA busy_timeout`).
    public var busyTimeout: Duration
    /// How long ``Database/ping(timeout:)`` waits by default before reporting the database unreachable.
    public var pingTimeout: Duration

    /// Creates a configuration.
    /// - Parameters:
    ///   - location: SQLite file or PostgreSQL endpoint.
    ///   - maximumConnections: Pool bound (default 10 for PostgreSQL, 4 readers for SQLite).
    ///   - busyTimeout: SQLite lock wait (default 5 s).
    ///   - pingTimeout: Default readiness probe bound (default 2 s).
    public init(
        location: Location, maximumConnections: Int? = nil, busyTimeout: Duration = .seconds(5),
        pingTimeout: Duration = .seconds(2)
    ) {
        self.location = location
        let defaultConnections: Int
        switch location {
        case .sqlite: defaultConnections = 4
        case .postgres: defaultConnections = 10
        }
        self.maximumConnections = max(1, maximumConnections ?? defaultConnections)
        self.busyTimeout = busyTimeout
        self.pingTimeout = pingTimeout
    }

    /// An SQLite file at `path`.
    public static func sqlite(path: String) -> DatabaseConfiguration {
        DatabaseConfiguration(location: .sqlite(path: path))
    }

    /// A PostgreSQL database from a `postgres://` URL.
    /// - Throws: ``DatabaseConfigurationError`` when the URL is unusable.
    public static func postgres(url: String, variable: String = "DATABASE_URL") throws(DatabaseConfigurationError)
        -> DatabaseConfiguration
    {
        DatabaseConfiguration(location: .postgres(try PostgresEndpoint(url: url, variable: variable)))
    }

    /// The engine this configuration opens.
    public var engine: DatabaseEngine {
        switch location {
        case .sqlite: .sqlite
        case .postgres: .postgres
        }
    }

    /// A one-line summary without secrets, e.g. `postgres postgres://orders:***@db:5432/orders?sslmode=prefer`.
    public var description: String {
        switch location {
        case .sqlite(let path): "sqlite \(path)"
        case .postgres(let endpoint): "postgres \(endpoint)"
        }
    }
}
