import PostgresKit

/// A one-line description of a driver error: the server's message for PostgreSQL, never the password.
func describeDatabaseError(_ error: any Error) -> String {
    if error is PSQLError { return PostgresBackend.describe(error) }
    return "\(error)"
}
