/// `GET /api/users/{id}/profile` on the gateway: the user and their orders, fetched in parallel.
/// A part that could not be fetched is `nil` and named in `missing` (and in the
/// `X-Flotilla-Partial` header); the gateway answers 502 only when every part is missing.
public struct UserProfile: Codable, Sendable, Hashable {
    /// The user's account, or `nil` when the users service could not be reached.
    public var user: UserDTO?
    /// The user's most recent orders (up to 10), or `nil` when they could not be fetched.
    public var orders: [OrderDTO]?
    /// The parts that could not be fetched (`user`, `orders`); empty when the view is complete.
    public var missing: [String]

    /// Creates a profile view from its parts and the names of those that are missing.
    public init(user: UserDTO?, orders: [OrderDTO]?, missing: [String]) {
        self.user = user
        self.orders = orders
        self.missing = missing
    }
}

/// `GET /api/dashboard` on the gateway: the caller's user, recent orders and recommendations.
public struct DashboardView: Codable, Sendable, Hashable {
    /// The caller's account, or `nil` when the users service could not be reached.
    public var user: UserDTO?
    /// The caller's most recent orders (up to 10), or `nil` when they could not be fetched.
    public var orders: [OrderDTO]?
    /// Best sellers in stock (up to 10), or `nil` when they could not be fetched.
    public var recommendations: [ProductDTO]?
    /// The parts that could not be fetched (`user`, `orders`, `recommendations`); empty when complete.
    public var missing: [String]

    /// Creates a dashboard view from its parts and the names of those that are missing.
    public init(user: UserDTO?, orders: [OrderDTO]?, recommendations: [ProductDTO]?, missing: [String]) {
        self.user = user
        self.orders = orders
        self.recommendations = recommendations
        self.missing = missing
    }
}
