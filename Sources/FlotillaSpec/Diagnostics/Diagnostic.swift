/// How bad a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    /// The spec cannot be used; `flotilla validate` exits 2.
    case error
    /// The spec works but is probably not what was meant; fatal only under `--strict`.
    case warning

    /// Errors sort before warnings at the same position.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in a spec: what is wrong, where, and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Error or warning.
    public var severity: Severity
    /// What is wrong, naming the offending key or value and its context.
    public var message: String
    /// Where it is wrong.
    public var location: SourceLocation
    /// How to fix it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// `file:line:col: error: message`, with the hint on an indented second line.
    public var description: String {
        let head = "\(location): \(severity.rawValue): \(message)"
        guard let hint else { return head }
        return head + "\n    hint: " + hint
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by position, errors before warnings at one position,
    /// then by message so the order never depends on how the rules ran.
    public func sortedByPosition() -> [Diagnostic] {
        sorted { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
    }

    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
