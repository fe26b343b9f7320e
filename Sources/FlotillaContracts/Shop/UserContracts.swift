import Foundation

/// A registered user as the users service returns it (never with the password hash).
public struct UserDTO: Codable, Sendable, Hashable {
    public var id: UUID
    public var email: String
    public var name: String
    public var createdAt: Date

    public init(id: UUID, email: String, name: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.createdAt = createdAt
    }
}

/// `POST /auth/register`.
public struct RegisterRequest: Codable, Sendable, Hashable {
    public var email: String
    public var password: String
    public var name: String

    public init(email: String, password: String, name: String) {
        self.email = email
        self.password = password
        self.name = name
    }
}

/// `POST /auth/login`.
public struct LoginRequest: Codable, Sendable, Hashable {
    public var email: String
    public var password: String

    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }
}

/// The answer to a successful login or registration: a bearer token for the gateway.
public struct TokenResponse: Codable, Sendable, Hashable {
    public var accessToken: String
    public var tokenType: String
    /// Seconds until the token expires.
    public var expiresIn: Int
    public var user: UserDTO

    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int, user: UserDTO) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.user = user
    }
}

/// Payload of the `user.created` event.
public struct UserCreated: Codable, Sendable, Hashable {
    public var userId: UUID
    public var email: String
    public var name: String

    public init(userId: UUID, email: String, name: String) {
        self.userId = userId
        self.email = email
        self.name = name
    }
}
