/// An RFC 9457 problem-details body (`application/problem+json`): every error a Flotilla service
/// or the gateway returns has this shape.
public struct ProblemDetails: Codable, Sendable, Hashable, Error {
    /// The media type of a problem-details body.
    public static let mediaType = "application/problem+json"

    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    public var type: String
    /// Short summary of the kind of problem, the same for every occurrence.
    public var title: String
    /// The HTTP status code.
    public var status: Int
    /// What went wrong this time, for people.
    public var detail: String?
    /// The request path it happened on.
    public var instance: String?
    /// The request id (also in the `X-Request-Id` header and the logs).
    public var requestId: String?
    /// Field-level problems of a request body: which field, and what is wrong with it.
    public var errors: [FieldProblem]?

    /// Creates a problem.
    public init(
        type: String = "about:blank", title: String, status: Int, detail: String? = nil, instance: String? = nil,
        requestId: String? = nil, errors: [FieldProblem]? = nil
    ) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.instance = instance
        self.requestId = requestId
        self.errors = errors
    }
}

/// A problem with one field of a request body.
public struct FieldProblem: Codable, Sendable, Hashable {
    /// JSON path of the field, e.g. `items[0].quantity`.
    public var field: String
    /// What is wrong, e.g. `must be at least 1`.
    public var message: String

    /// Creates a field problem.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }
}
