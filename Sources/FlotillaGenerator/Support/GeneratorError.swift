/// Why generation stopped: what, where, and how to fix it.
public struct GeneratorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, with its place (`file:line`, a service, a path).
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// Creates an error.
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    /// `error: message` and the hint on a second line.
    public var description: String {
        "error: \(message)" + (hint.map { "\n    hint: \($0)" } ?? "")
    }
}
