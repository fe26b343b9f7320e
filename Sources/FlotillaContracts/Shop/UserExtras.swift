/// `PATCH /users/{id}`: the fields to change; an absent field keeps its value.
public struct UpdateUserRequest: Codable, Sendable, Hashable {
    /// A new display name (1–100 characters).
    public var name: String?
    /// A new e-mail address (stored in lowercase; must not belong to another user).
    public var email: String?

    /// Creates a request.
    public init(name: String? = nil, email: String? = nil) {
        self.name = name
        self.email = email
    }
}
