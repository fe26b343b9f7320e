import Foundation
import JWTKit

/// The claims of a shop access token: who (`sub`, the user id), for whom (`aud`), from whom
/// (`iss`) and when (`iat`, `nbf`, `exp`). The users service signs them, the gateway verifies them.
public struct AccessTokenClaims: JWTPayload, Equatable {
    /// The user id.
    public var sub: SubjectClaim
    /// The issuer, checked against ``AccessTokenSettings/issuer``.
    public var iss: IssuerClaim
    /// The audience, which must contain ``AccessTokenSettings/audience``.
    public var aud: AudienceClaim
    /// Issued at.
    public var iat: IssuedAtClaim
    /// Not valid before.
    public var nbf: NotBeforeClaim
    /// Expires at.
    public var exp: ExpirationClaim
    /// The user's e-mail address, for display only.
    public var email: String?

    /// Creates claims.
    public init(
        subject: String, issuer: String, audience: String, issuedAt: Date, notBefore: Date, expires: Date,
        email: String?
    ) {
        sub = SubjectClaim(value: subject)
        iss = IssuerClaim(value: issuer)
        aud = AudienceClaim(value: [audience])
        iat = IssuedAtClaim(value: issuedAt)
        nbf = NotBeforeClaim(value: notBefore)
        exp = ExpirationClaim(value: expires)
        self.email = email
    }

    /// Time claims are checked by ``AccessTokens`` with its leeway and clock, not here.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}
}
