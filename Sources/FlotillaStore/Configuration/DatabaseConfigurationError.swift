/// A database setting that cannot be used, with what is wrong, which variable holds it and how to fix it.
///
/// Its ``description`` is one line meant for an operator, e.g.
/// `DATABASE_URL: port "99999" is out of range. Use a port from 1 to 65535, e.g. postgres://user:pass@db:5432/orders.`
/// It never contains a password.
public struct DatabaseConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The environment variable (or setting) that holds the bad value, e.g. `DATABASE_URL`.
    public var variable: String
    /// What is wrong with the value.
    public var problem: String
    /// How to fix it.
    public var fix: String

    /// Creates an error for `variable` with a problem and a fix.
    public init(variable: String, problem: String, fix: String) {
        self.variable = variable
        self.problem = problem
        self.fix = fix
    }

    /// `VARIABLE: problem. Fix.`
    public var description: String {
        "\(variable): \(problem). \(fix)"
    }
}
