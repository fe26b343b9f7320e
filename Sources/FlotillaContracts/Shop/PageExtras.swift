/// The `limit` and `offset` query parameters of a paginated list, e.g. `GET /users?limit=20&offset=40`.
///
/// `limit` is 1…`maximumLimit` (default ``defaultLimit``), `offset` is 0 or more (default 0); the
/// answer is a ``Page`` echoing both.
public struct PageRequest: Sendable, Hashable {
    /// The page size when the query has no `limit`.
    public static let defaultLimit = 20
    /// The largest page size a list accepts.
    public static let maximumLimit = 100

    /// The page size.
    public var limit: Int
    /// How many items to skip.
    public var offset: Int

    /// A page request from already valid numbers.
    public init(limit: Int = defaultLimit, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// Reads the raw query values (`nil` when absent).
    /// - Throws: ``PageRequestError`` naming the parameter when a value is not a whole number in range.
    public init(
        limit: String?, offset: String?, defaultLimit: Int = defaultLimit, maximumLimit: Int = maximumLimit
    ) throws(PageRequestError) {
        var parsedLimit = defaultLimit
        if let limit {
            guard let value = Int(limit), (1...maximumLimit).contains(value) else {
                throw PageRequestError(
                    problem: FieldProblem(field: "limit", message: "must be a whole number from 1 to \(maximumLimit)"))
            }
            parsedLimit = value
        }
        var parsedOffset = 0
        if let offset {
            guard let value = Int(offset), value >= 0 else {
                throw PageRequestError(
                    problem: FieldProblem(field: "offset", message: "must be a whole number of 0 or more"))
            }
            parsedOffset = value
        }
        self.init(limit: parsedLimit, offset: parsedOffset)
    }
}

/// A `limit` or `offset` query parameter that is not acceptable; services answer 400 with ``problem``.
public struct PageRequestError: Error, Sendable, Hashable {
    /// The parameter at fault and what is wrong with it.
    public var problem: FieldProblem

    /// Creates the error.
    public init(problem: FieldProblem) { self.problem = problem }
}
