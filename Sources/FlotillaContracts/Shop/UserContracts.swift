import Foundation

/// A registered user as the users service returns it (never with the password hash).
public struct UserDTO: Codable, Sendable, Hashable {
    /// The user's id (UUID).
    public var id: UUID
    /// The user's e-mail address, trimmed and in lowercase.
    public var email: String
    /// The user's display name (1–100 characters).
    public var name: String
    /// When the account was created (ISO 8601 with milliseconds).
    public var createdAt: Date

    /// Creates a user.
    public init(id: UUID, email: String, name: String, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.createdAt = createdAt
    }
}

/// `POST /auth/register`.
public struct RegisterRequest: Codable, Sendable, Hashable {
    /// The e-mail address for the account (stored trimmed and in lowercase).
    public var email: String
    /// The password, 8–128 characters, used exactly as given.
    public var password: String
    /// The display name, 1–100 characters (trimmed).
    public var name: String

    /// Creates a registration request.
    public init(email: String, password: String, name: String) {
        self.email = email
        self.password = password
        self.name = name
    }
}

/// `POST /auth/login`.
public struct LoginRequest: Codable, Sendable, Hashable {
    /// The account's e-mail address.
    public var email: String
    /// The account's password.
    public var password: String

    /// Creates a login request.
    public init(email: String, password: String) {
        self.email = email
        self.password = password
    }
}

/// The answer to a successful login or registration: a bearer token for the gateway.
public struct TokenResponse: Codable, Sendable, Hashable {
    /// The signed access token (an HS256 JWT).
    public var accessToken: String
    /// The token type, always `Bearer`.
    public var tokenType: String
    /// Seconds until the token expires.
    public var expiresIn: Int
    /// The user the token was issued to.
    public var user: UserDTO

    /// Creates a token response; the token type defaults to `Bearer`.
    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int, user: UserDTO) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.user = user
    }
}

/// Payload of the `user.created` event.
public struct UserCreated: Codable, Sendable, Hashable {
    /// The new user's id.
    public var userId: UUID
    /// The new user's e-mail address.
    public var email: String
    /// The new user's display name.
    public var name: String

    /// Creates a `user.created` payload.
    public init(userId: UUID, email: String, name: String) {
        self.userId = userId
        self.email = email
        self.name = name
    }
}
