import Logging
import PostgresKit

/// PostgreSQL behind a ``Database``: postgres-nio's `PostgresClient`, a bounded pool with keep-alive,
/// whose connections are handed to SQLKit through PostgresKit's `sql()`.
///
/// The client needs a running `run()` task; this backend owns it from ``open(endpoint:configuration:logger:)``
/// until ``shutdown()``, which cancels it and waits for it to end.
final class PostgresBackend: ConnectionLeasing {
    let dialect: any SQLDialect = PostgresDialect()
    let endpoint: PostgresEndpoint
    private let client: PostgresClient
    private let runTask: Task<Void, Never>

    private init(endpoint: PostgresEndpoint, client: PostgresClient, runTask: Task<Void, Never>) {
        self.endpoint = endpoint
        self.client = client
        self.runTask = runTask
    }

    /// Checks the server accepts the login with one direct connection (so a wrong URL fails fast with
    /// the server's reason), then starts the pool.
    static func open(endpoint: PostgresEndpoint, configuration: DatabaseConfiguration, logger: Logger) async throws
        -> PostgresBackend
    {
        let tls = try PostgresTLS(endpoint.tls)
        try await probe(endpoint: endpoint, tls: tls, logger: logger)
        var clientConfiguration = PostgresClient.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.username, password: endpoint.password,
            database: endpoint.database, tls: tls.client)
        clientConfiguration.options.maximumConnections = configuration.maximumConnections
        clientConfiguration.options.connectTimeout = endpoint.connectTimeout
        if let name = endpoint.applicationName {
            clientConfiguration.options.additionalStartupParameters = [("application_name", name)]
        }
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        let runTask = Task { await client.run() }
        return PostgresBackend(endpoint: endpoint, client: client, runTask: runTask)
    }

    func withConnection<R>(_ body: @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await client.withConnection { connection in
            try await body(connection.sql(queryLogLevel: .trace))
        }
    }

    /// Holds one pooled connection listening on `channel` and calls `onNotification` per `NOTIFY`
    /// until cancelled (then `UNLISTEN` is sent and the connection returns to the pool).
    func listen(to channel: String, _ onNotification: @escaping @Sendable () -> Void) async throws {
        try await client.withConnection { connection in
            try await connection.listen(on: channel) { notifications in
                for try await _ in notifications { onNotification() }
            }
        }
    }

    func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    private static func probe(endpoint: PostgresEndpoint, tls: PostgresTLS, logger: Logger) async throws {
        var configuration = PostgresConnection.Configuration(
            host: endpoint.host, port: endpoint.port, username: endpoint.username, password: endpoint.password,
            database: endpoint.database, tls: tls.connection)
        configuration.options.connectTimeout = .nanoseconds(
            endpoint.connectTimeout.wholeMilliseconds * 1_000_000)
        let eventLoop = PostgresConnection.defaultEventLoopGroup.any()
        let connectionConfiguration = configuration
        // Bounded as a whole: a server that accepts TCP but never answers the login must not hang start-up.
        do {
            try await withDeadline(endpoint.connectTimeout, operation: "login") {
                let connection = try await PostgresConnection.connect(
                    on: eventLoop, configuration: connectionConfiguration, id: 0, logger: logger
                ).get()
                try? await connection.close()
            }
        } catch let error as DatabaseError {
            throw DatabaseError.unavailable(target: "postgres \(endpoint)", reason: error.description)
        } catch {
            throw DatabaseError.unavailable(target: "postgres \(endpoint)", reason: describe(error))
        }
    }

    /// The server's message or the network error, never the query text or the password.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return "\(error)" }
        if let message = error.serverInfo?[.message] {
            let code = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
            return message + code
        }
        if let underlying = error.underlying { return "\(error.code): \(underlying)" }
        return "\(error.code)"
    }
}
