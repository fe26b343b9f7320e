/// `GET /api/users/{id}/profile` on the gateway: the user and their orders, fetched in parallel.
/// A part that could not be fetched is `nil` and named in `missing` (and in the
/// `X-Flotilla-Partial` header); the gateway answers 502 only when every part is missing.
public struct UserProfile: Codable, Sendable, Hashable {
    public var user: UserDTO?
    public var orders: [OrderDTO]?
    public var missing: [String]

    public init(user: UserDTO?, orders: [OrderDTO]?, missing: [String]) {
        self.user = user
        self.orders = orders
        self.missing = missing
    }
}

/// `GET /api/dashboard` on the gateway: the caller's user, recent orders and recommendations.
public struct DashboardView: Codable, Sendable, Hashable {
    public var user: UserDTO?
    public var orders: [OrderDTO]?
    public var recommendations: [ProductDTO]?
    public var missing: [String]

    public init(user: UserDTO?, orders: [OrderDTO]?, recommendations: [ProductDTO]?, missing: [String]) {
        self.user = user
        self.orders = orders
        self.recommendations = recommendations
        self.missing = missing
    }
}
