import FlotillaContracts
import HTTPTypes

/// An error that is answered with a specific problem-details response.
public struct ProblemError: Error, Sendable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// What went wrong this time.
    public var detail: String
    /// Field-level problems, for 400s about a body.
    public var fields: [FieldProblem]
    /// Extra response headers (e.g. `Allow` on 405, `Retry-After` on 429 and 503).
    public var headers: HTTPFields

    /// Creates a problem error.
    public init(_ status: HTTPResponse.Status, _ detail: String, fields: [FieldProblem] = [], headers: HTTPFields = [:])
    {
        self.status = status
        self.detail = detail
        self.fields = fields
        self.headers = headers
    }
}
