/// A start-up configuration problem: the process prints it as one line and exits non-zero.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The variable or flag at fault.
    public var setting: String
    /// What is wrong with it.
    public var problem: String
    /// How to fix it.
    public var fix: String

    /// Creates an error.
    public init(setting: String, problem: String, fix: String) {
        self.setting = setting
        self.problem = problem
        self.fix = fix
    }

    /// `configuration error: HTTP_PORT: 'abc' is not a port number (use 1–65535)`.
    public var description: String { "configuration error: \(setting): \(problem) (\(fix))" }
}
