import Foundation
import JWTKit

/// Signs and verifies shop access tokens with the pinned algorithm of ``AccessTokenSettings``.
///
/// Verification order: the header must name exactly `HS256` (`alg: none` and every other value
/// are rejected before any signature work), then the signature, then `iss`, `aud`, and the time
/// claims with the leeway: `nbf - leeway ≤ now < exp + leeway`.
public struct AccessTokens: Sendable {
    /// The settings in use.
    public let settings: AccessTokenSettings
    private let keys: JWTKeyCollection

    /// Creates a signer/verifier.
    public init(settings: AccessTokenSettings) async {
        self.settings = settings
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: settings.signingKey), digestAlgorithm: .sha256)
        self.keys = keys
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
        guard token.utf8.count <= 8192 else { throw .malformed }
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.header(of: parts[0]) else { throw .malformed }
        guard header.alg == AccessTokenSettings.algorithm else { throw .algorithmNotAllowed(header.alg ?? "none") }
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw .badSignature
        } catch {
            throw .malformed
        }
        guard claims.iss.value == settings.issuer else { throw .wrongIssuer }
        guard claims.aud.value.contains(settings.audience) else { throw .wrongAudience }
        let leeway = settings.leeway.seconds
        guard now.timeIntervalSince(claims.exp.value) < leeway else { throw .expired }
        guard claims.nbf.value.timeIntervalSince(now) <= leeway else { throw .notYetValid }
        return claims
    }

    private struct Header: Decodable {
        var alg: String?
    }

    private static func header(of part: Substring) -> Header? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        return try? JSONDecoder().decode(Header.self, from: data)
    }
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
