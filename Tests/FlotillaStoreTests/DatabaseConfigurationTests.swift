import Foundation
import Testing

@testable import FlotillaStore

@Suite("Database configuration from the environment")
struct DatabaseConfigurationTests {
    @Test("DATABASE_URL selects PostgreSQL with every part parsed")
    func postgresURL() throws {
        let configuration = try DatabaseConfiguration.fromEnvironment(
            ["DATABASE_URL": "postgres://orders:p%40ss%3Aword@db.internal:6543/orders?sslmode=require"],
            databaseName: "orders")
        guard case .postgres(let endpoint) = configuration.location else {
            Issue.record("expected PostgreSQL, got \(configuration)")
            return
        }
        #expect(configuration.engine == .postgres)
        #expect(endpoint.host == "db.internal")
        #expect(endpoint.port == 6543)
        #expect(endpoint.username == "orders")
        #expect(endpoint.password == "p@ss:word")
        #expect(endpoint.database == "orders")
        #expect(endpoint.tls == .require)
        #expect(configuration.maximumConnections == 10)
    }

    @Test("defaults: port 5432, sslmode prefer, postgresql:// accepted, no password")
    func postgresDefaults() throws {
        let endpoint = try PostgresEndpoint(url: "postgresql://app@localhost/shop")
        #expect(endpoint == PostgresEndpoint(host: "localhost", username: "app", password: nil, database: "shop"))
        let timed = try PostgresEndpoint(url: "postgres://a:b@h/d?connect_timeout=3&application_name=orders")
        #expect(timed.connectTimeout == .seconds(3))
        #expect(timed.applicationName == "orders")
        #expect(try PostgresEndpoint(url: "postgres://a:b@h/d?sslmode=allow").tls == .prefer)
        #expect(try PostgresEndpoint(url: "postgres://a:b@h/d?sslmode=verify-full").tls == .verifyFull)
    }

    @Test("descriptions never show the password")
    func redaction() throws {
        let configuration = try DatabaseConfiguration.postgres(url: "postgres://orders:hunter2@db:5432/orders")
        #expect(!configuration.description.contains("hunter2"))
        #expect(configuration.description == "postgres postgres://orders:***@db:5432/orders?sslmode=prefer")
    }

    @Test(
        "invalid URLs fail with one clear message naming DATABASE_URL",
        arguments: [
            ("mysql://u:p@h/d", "scheme \"mysql\" is not supported"),
            ("postgres://u:s3cr3t-pw@/d", "has no host"),
            ("postgres://u:s3cr3t-pw@h:0/d", "port 0 is out of range"),
            ("postgres://u:s3cr3t-pw@h:70000/d", "port 70000 is out of range"),
            ("postgres://h:5432/d", "has no user name"),
            ("postgres://u:s3cr3t-pw@h:5432", "has no single database name"),
            ("postgres://u:s3cr3t-pw@h/d?sslmode=sometimes", "sslmode \"sometimes\" is not known"),
            ("postgres://u:s3cr3t-pw@h/d?schema=x", "query parameter \"schema\" is not supported"),
            ("postgres://u:s3cr3t-pw@h/d?connect_timeout=-1", "connect_timeout \"-1\""),
            ("not a url at all", "is not a valid URL"),
            ("   ", "is set but empty"),
        ])
    func invalidURL(url: String, problem: String) {
        let error = #expect(throws: DatabaseConfigurationError.self) {
            try DatabaseConfiguration.fromEnvironment(["DATABASE_URL": url], databaseName: "orders")
        }
        #expect(error?.variable == "DATABASE_URL")
        #expect(error?.description.hasPrefix("DATABASE_URL: ") == true)
        #expect(error?.problem.contains(problem) == true, "\(String(describing: error))")
        #expect(error?.fix.isEmpty == false)
        #expect(error?.description.contains("s3cr3t-pw") == false)
    }

    @Test("without DATABASE_URL: an SQLite file under .flotilla/data of the current directory")
    func defaultSQLitePath() throws {
        let configuration = try DatabaseConfiguration.fromEnvironment(
            [:], databaseName: "orders", currentDirectory: "/srv/app")
        #expect(configuration == .sqlite(path: "/srv/app/.flotilla/data/orders.sqlite"))
        #expect(configuration.engine == .sqlite)
        #expect(configuration.maximumConnections == 4)
    }

    @Test("FLOTILLA_DATA_DIR moves the SQLite file; relative folders resolve against the current directory")
    func dataDirectory() throws {
        #expect(
            try DatabaseConfiguration.fromEnvironment(
                ["FLOTILLA_DATA_DIR": "/var/lib/flotilla"], databaseName: "users", currentDirectory: "/srv/app")
                == .sqlite(path: "/var/lib/flotilla/users.sqlite"))
        #expect(
            try DatabaseConfiguration.fromEnvironment(
                ["FLOTILLA_DATA_DIR": "state/../data"], databaseName: "users", currentDirectory: "/srv/app")
                == .sqlite(path: "/srv/app/data/users.sqlite"))
        let error = #expect(throws: DatabaseConfigurationError.self) {
            try DatabaseConfiguration.fromEnvironment(["FLOTILLA_DATA_DIR": ""], databaseName: "users")
        }
        #expect(error?.variable == "FLOTILLA_DATA_DIR")
    }

    @Test("a database name that cannot name a file is rejected", arguments: ["", "../etc", "a/b", ".hidden", "naïve"])
    func badDatabaseName(name: String) {
        #expect(throws: DatabaseConfigurationError.self) {
            try DatabaseConfiguration.fromEnvironment([:], databaseName: name, currentDirectory: "/srv")
        }
    }
}
