import Crypto
import Foundation
import JWTKit

/// Signs and verifies shop access tokens with the pinned algorithm of ``AccessTokenSettings``.
///
/// Verification order: the header must name exactly `HS256` (`alg: none` and every other value
/// are rejected before any signature work), then the HMAC-SHA256 signature (constant-time
/// comparison), then `iss`, `aud`, and the time claims with the leeway:
/// `nbf - leeway ≤ now < exp + leeway`. Verification is synchronous and runs on the caller's
/// executor; tokens that passed the signature, issuer and audience checks are remembered
/// (``VerifiedTokenCache``), the time claims are checked on every use.
public struct AccessTokens: Sendable {
    /// The settings in use.
    public let settings: AccessTokenSettings
    private let keys: JWTKeyCollection
    private let key: SymmetricKey
    private let verified = VerifiedTokenCache()
    /// Longest token accepted, in bytes.
    static let maximumTokenBytes = 8192

    /// Creates a signer/verifier.
    public init(settings: AccessTokenSettings) async {
        self.settings = settings
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: settings.signingKey), digestAlgorithm: .sha256)
        self.keys = keys
        self.key = SymmetricKey(data: Array(settings.signingKey.utf8))
    }

    /// A new token for `userID`, valid from `now` for the configured lifetime.
    public func issue(userID: String, email: String?, now: Date = Date()) async throws -> String {
        let claims = AccessTokenClaims(
            subject: userID, issuer: settings.issuer, audience: settings.audience, issuedAt: now, notBefore: now,
            expires: now.addingTimeInterval(settings.lifetime.seconds), email: email)
        return try await keys.sign(claims, header: ["typ": "JWT"])
    }

    /// The verified claims of `token`, or the reason it is not acceptable.
    public func verify(_ token: String, now: Date = Date()) async throws(AccessTokenError) -> AccessTokenClaims {
        try claims(of: token, now: now)
    }

    /// The verified claims of `token`, or the reason it is not acceptable; synchronous.
    public func claims(of token: String, now: Date = Date()) throws(AccessTokenError) -> AccessTokenClaims {
        if let known = verified.claims(of: token) {
            try checkTime(known, now: now)
            return known
        }
        let claims = try verifySignedClaims(token)
        try checkTime(claims, now: now)
        verified.store(claims, for: token)
        return claims
    }

    private func verifySignedClaims(_ token: String) throws(AccessTokenError) -> AccessTokenClaims {
        guard token.utf8.count <= Self.maximumTokenBytes else { throw .malformed }
        let parts = token[...].utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, let headerBytes = Base64URL.decode(parts[0]),
            let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes))
        else { throw .malformed }
        guard header.alg == AccessTokenSettings.algorithm else { throw .algorithmNotAllowed(header.alg ?? "none") }
        guard let signature = Base64URL.decode(parts[2]), let payload = Base64URL.decode(parts[1]) else {
            throw .malformed
        }
        let signingInput = token.utf8[token.utf8.startIndex..<parts[1].endIndex]
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: Array(signingInput), using: key)
        else { throw .badSignature }
        guard let claims = try? Self.claimsDecoder.decode(AccessTokenClaims.self, from: Data(payload)) else {
            throw .malformed
        }
        guard claims.iss.value == settings.issuer else { throw .wrongIssuer }
        guard claims.aud.value.contains(settings.audience) else { throw .wrongAudience }
        return claims
    }

    private func checkTime(_ claims: AccessTokenClaims, now: Date) throws(AccessTokenError) {
        let leeway = settings.leeway.seconds
        guard now.timeIntervalSince(claims.exp.value) < leeway else { throw .expired }
        guard claims.nbf.value.timeIntervalSince(now) <= leeway else { throw .notYetValid }
    }

    private struct Header: Decodable {
        var alg: String?
    }

    /// JWT time claims are seconds since 1970 (RFC 7519 §2, NumericDate).
    private static let claimsDecoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        return decoder
    }()
}

/// Why a token was refused; the gateway answers 401 with this as the problem's detail.
public enum AccessTokenError: Error, Equatable, Sendable, CustomStringConvertible {
    case malformed
    case algorithmNotAllowed(String)
    case badSignature
    case wrongIssuer
    case wrongAudience
    case expired
    case notYetValid

    /// A message safe to return to the caller.
    public var description: String {
        switch self {
        case .malformed: "the bearer token is not a well-formed JWT"
        case .algorithmNotAllowed(let alg): "tokens signed with '\(alg)' are not accepted"
        case .badSignature: "the token's signature does not verify"
        case .wrongIssuer: "the token was issued by someone else"
        case .wrongAudience: "the token is not meant for this API"
        case .expired: "the token has expired"
        case .notYetValid: "the token is not valid yet"
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    fileprivate var seconds: TimeInterval {
        let (whole, attoseconds) = components
        return TimeInterval(whole) + TimeInterval(attoseconds) / 1e18
    }
}
