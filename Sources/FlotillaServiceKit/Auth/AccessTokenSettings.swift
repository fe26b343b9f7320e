import Foundation

/// How access tokens are signed and checked. The algorithm is fixed here (HS256 with a shared
/// secret from `JWT_SIGNING_KEY`), never taken from a token's header.
public struct AccessTokenSettings: Sendable {
    /// The shared HMAC secret; at least 32 bytes.
    public var signingKey: String
    /// `iss` written and required.
    public var issuer: String
    /// `aud` written and required.
    public var audience: String
    /// How long a new token is valid.
    public var lifetime: Duration
    /// Clock skew tolerated on `exp` and `nbf`.
    public var leeway: Duration

    /// The only algorithm accepted.
    public static let algorithm = "HS256"
    /// Shortest accepted signing key, in bytes (RFC 7518 §3.2: a key as long as the hash output).
    public static let minimumKeyBytes = 32

    /// Creates settings; throws when the key is too short to be safe.
    public init(
        signingKey: String, issuer: String = "flotilla-shop", audience: String = "shop-api",
        lifetime: Duration = .seconds(3600), leeway: Duration = .seconds(30)
    ) throws(ConfigurationError) {
        guard signingKey.utf8.count >= Self.minimumKeyBytes else {
            throw ConfigurationError(
                setting: "JWT_SIGNING_KEY", problem: "the signing key has only \(signingKey.utf8.count) bytes",
                fix: "use a random secret of at least \(Self.minimumKeyBytes) bytes")
        }
        self.signingKey = signingKey
        self.issuer = issuer
        self.audience = audience
        self.lifetime = lifetime
        self.leeway = leeway
    }

    /// Reads `JWT_SIGNING_KEY` (or `JWT_SIGNING_KEY_FILE`), `JWT_ISSUER`, `JWT_AUDIENCE` and
    /// `JWT_TTL_SECONDS` from the service's configuration.
    public init(configuration: ServiceConfiguration) throws(ConfigurationError) {
        guard let key = configuration.value(of: "JWT_SIGNING_KEY"), !key.isEmpty else {
            throw ConfigurationError(
                setting: "JWT_SIGNING_KEY", problem: "is not set",
                fix: "set it (or JWT_SIGNING_KEY_FILE) to the HS256 secret shared by users and the gateway")
        }
        var lifetime = Duration.seconds(3600)
        if let text = configuration.value(of: "JWT_TTL_SECONDS") {
            guard let seconds = Int(text), (60...86_400).contains(seconds) else {
                throw ConfigurationError(
                    setting: "JWT_TTL_SECONDS", problem: "'\(text)' is not a number of seconds",
                    fix: "use a whole number between 60 and 86400")
            }
            lifetime = .seconds(seconds)
        }
        try self.init(
            signingKey: key, issuer: configuration.value(of: "JWT_ISSUER") ?? "flotilla-shop",
            audience: configuration.value(of: "JWT_AUDIENCE") ?? "shop-api", lifetime: lifetime)
    }
}
