import Foundation

/// Where a PostgreSQL database lives and how to log in, parsed from a `postgres://` URL.
///
/// The password is kept for connecting but never shown: ``description`` prints `***` in its place.
public struct PostgresEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// Transport security, named after libpq's `sslmode` values.
    public enum TLSMode: String, Sendable, Equatable, CaseIterable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, plain otherwise (`allow` and `prefer`).
        case prefer
        /// TLS required; the certificate is not verified (libpq's `require`).
        case require
        /// TLS required, certificate chain verified, host name not checked.
        case verifyCA = "verify-ca"
        /// TLS required, certificate chain and host name verified.
        case verifyFull = "verify-full"
    }

    /// Server host name or IP address.
    public var host: String
    /// Server TCP port (5432 unless the URL names another).
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password, if any. Never logged or printed.
    public var password: String?
    /// Database name.
    public var database: String
    /// Transport security (`sslmode`, default `prefer` as in libpq).
    public var tls: TLSMode
    /// How long to wait for a TCP connection (`connect_timeout`, seconds; default 5).
    public var connectTimeout: Duration
    /// Optional `application_name` reported to the server.
    public var applicationName: String?

    /// Creates an endpoint from its parts.
    public init(
        host: String, port: Int = 5432, username: String, password: String?, database: String,
        tls: TLSMode = .prefer, connectTimeout: Duration = .seconds(5), applicationName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.applicationName = applicationName
    }

    /// The URL with the password replaced by `***`: safe for logs and error messages.
    public var description: String {
        let credentials = password == nil ? username : "\(username):***"
        var text = "postgres://\(credentials)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
        if let applicationName { text += "&application_name=\(applicationName)" }
        return text
    }
}

extension PostgresEndpoint {
    /// Parses `postgres://user:password@host:port/database?sslmode=…` (also `postgresql://`).
    ///
    /// Supported query parameters: `sslmode` (disable, allow, prefer, require, verify-ca, verify-full),
    /// `connect_timeout` (seconds) and `application_name`. User and password may be percent-encoded.
    /// - Parameters:
    ///   - url: The URL text.
    ///   - variable: The variable it came from, named in errors.
    /// - Throws: ``DatabaseConfigurationError`` naming the problem; the message never contains the password.
    public init(url: String, variable: String = "DATABASE_URL") throws(DatabaseConfigurationError) {
        let example = "e.g. postgres://orders:PASSWORD@localhost:5432/orders?sslmode=disable"
        func failure(_ problem: String, _ fix: String) -> DatabaseConfigurationError {
            DatabaseConfigurationError(variable: variable, problem: problem, fix: fix)
        }
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased() else {
            throw failure(
                "is not a valid URL",
                "Use postgres://USER:PASSWORD@HOST:PORT/DATABASE, \(example) (percent-encode special characters)")
        }
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw failure(
                "scheme \"\(scheme)\" is not supported",
                "Use a postgres:// URL, \(example); unset \(variable) to use the default SQLite file")
        }
        guard let host = components.host, !host.isEmpty else {
            throw failure("has no host", "Name the server, \(example)")
        }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else {
            throw failure("port \(port) is out of range", "Use a port from 1 to 65535, \(example)")
        }
        guard let username = components.user, !username.isEmpty else {
            throw failure("has no user name", "Put the role before the host, \(example)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw failure("has no single database name in its path", "End the URL with /DATABASE, \(example)")
        }
        var endpoint = PostgresEndpoint(
            host: host, port: port, username: username, password: components.password, database: database)
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "allow": endpoint.tls = .prefer
                default:
                    guard let mode = TLSMode(rawValue: value) else {
                        throw failure(
                            "sslmode \"\(value)\" is not known",
                            "Use one of disable, allow, prefer, require, verify-ca, verify-full")
                    }
                    endpoint.tls = mode
                }
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0 else {
                    throw failure(
                        "connect_timeout \"\(value)\" is not a positive number of seconds", "Use e.g. connect_timeout=5"
                    )
                }
                endpoint.connectTimeout = .seconds(seconds)
            case "application_name":
                endpoint.applicationName = value
            default:
                throw failure(
                    "query parameter \"\(item.name)\" is not supported",
                    "Remove it; supported are sslmode, connect_timeout and application_name")
            }
        }
        self = endpoint
    }
}
