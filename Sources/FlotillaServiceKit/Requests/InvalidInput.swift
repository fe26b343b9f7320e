import FlotillaContracts

/// The field problems of one request, collected so that a client learns about all of them at once.
public struct InvalidInput: Sendable {
    /// An empty collection.
    public init() {}

    /// The problems recorded so far.
    public private(set) var problems: [FieldProblem] = []

    /// Records that `field` is not acceptable.
    public mutating func add(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }

    /// Throws a 400 problem naming every recorded field, if there is any.
    public func check() throws(ProblemError) {
        guard !problems.isEmpty else { return }
        throw Self.problem(problems)
    }

    /// A 400 problem for `problems`: each as `field: message` in the detail, and in `errors`.
    public static func problem(_ problems: [FieldProblem]) -> ProblemError {
        let detail = problems.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        return ProblemError(.badRequest, detail, fields: problems)
    }
}
