/// A failure of the database itself (as opposed to a bad setting, see ``DatabaseConfigurationError``).
///
/// Every case renders one line for operators; none contains a password.
public enum DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database could not be reached or opened: `target` is the redacted location, `reason` the cause.
    case unavailable(target: String, reason: String)
    /// An operation did not finish within its bound, e.g. a readiness ping.
    case timedOut(operation: String, after: Duration)
    /// The handle was used after ``Database/shutdown()``.
    case shutDown
    /// A stored row does not have the shape the code expects (edited by hand, or a bug).
    case corruptRow(String)

    /// One line: what failed, where and why.
    public var description: String {
        switch self {
        case .unavailable(let target, let reason):
            "database \(target) is unavailable: \(reason)"
        case .timedOut(let operation, let after):
            "database \(operation) did not finish within \(after)"
        case .shutDown:
            "database handle used after shutdown"
        case .corruptRow(let what):
            "database row is corrupt: \(what)"
        }
    }
}
